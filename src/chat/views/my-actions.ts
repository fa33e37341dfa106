import type { ReportAction } from '../../domain/report/types.ts';
import { latestUpdate } from '../../domain/report/updates.ts';
import { bold, rich, statusSpan, type Block, type Message } from '../message.ts';
import { DEFAULT_TIMEZONE, dayOf, dueText } from './view-format.ts';

export const OPEN_UPDATE = 'update.open';

/** What the view needs: open actions with their programme, and whom the caller covers for. */
export interface MyActionsView {
  actions: readonly (ReportAction & { programme: string; coveringFor: string | null })[];
}

/** A lead's open actions, each with one click to update it. */
export function myActionsMessage(mine: MyActionsView, options: { timezone?: string; intro?: string } = {}): Message {
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  if (mine.actions.length === 0) {
    return { text: 'You have no open actions.', blocks: [{ type: 'header', text: 'Your actions' }, { type: 'section', text: 'You have no open actions. Nothing to update.' }] };
  }
  const blocks: Block[] = [{ type: 'header', text: 'Your actions' }];
  if (options.intro) blocks.push({ type: 'section', text: options.intro });
  let programme = '';
  for (const a of mine.actions) {
    if (a.programme !== programme) {
      programme = a.programme;
      if (new Set(mine.actions.map((x) => x.programme)).size > 1) blocks.push({ type: 'header', text: programme, level: 2 });
    }
    const last = latestUpdate(a.updates);
    blocks.push(
      { type: 'section', text: rich(bold(a.ref), ` ${a.title}`) },
      {
        type: 'context',
        text: rich(
          statusSpan(a.status, a.statusWord || undefined),
          ` · Due ${dueText(a.due?.date ?? null, a.due?.precision)}`,
          last ? ` · Last update ${dayOf(last.at.toISOString(), timezone)} by ${last.author}` : ' · No update yet',
          a.coveringFor ? ` · Covering for ${a.coveringFor}` : '',
        ),
      },
      { type: 'actions', buttons: [{ id: OPEN_UPDATE, label: `Update ${a.ref}`, value: a.id }] },
    );
  }
  return { text: `You have ${mine.actions.length} open action${mine.actions.length === 1 ? '' : 's'}.`, blocks };
}

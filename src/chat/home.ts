import { compileReport } from '../app/report/compile-report.ts';
import { myOpenActions } from '../app/updates/my-actions.ts';
import { canManageProgramme } from '../domain/roles/permissions.ts';
import type { ChatContext } from './context.ts';
import type { Block, Message } from './message.ts';
import { myActionsMessage } from './views/my-actions.ts';
import { plural } from './views/view-format.ts';

/** The home tab: a lead's own actions; a programme manager also sees each programme's overdue and missing updates. */
export async function homeMessage(ctx: ChatContext): Promise<Message> {
  const mine = myActionsMessage(await myOpenActions(ctx.deps, ctx.person.id));
  const managed: Block[] = [];
  for (const programme of await ctx.deps.store.programmes.list()) {
    if (!canManageProgramme(ctx.actor, programme).allowed) continue;
    const report = await compileReport(ctx.deps, { programme: programme.name });
    if (!report.ok) continue;
    const r = report.value;
    managed.push(
      { type: 'header', text: `${programme.name}: programme view`, level: 2 },
      {
        type: 'fields',
        fields: [
          { label: 'Overdue', value: plural(r.overdue.length, 'action') },
          { label: 'Updates in', value: `${r.readiness.updated} of ${r.readiness.expected}` },
          { label: 'Still to reply', value: r.readiness.outstandingLeads.length ? r.readiness.outstandingLeads.join(', ') : 'Nobody' },
        ],
      },
    );
  }
  return { text: mine.text, blocks: [...managed, ...mine.blocks] };
}

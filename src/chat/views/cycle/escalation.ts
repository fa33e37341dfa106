import type { CalendarDate } from '../../../domain/calendar-date.ts';
import { formatDate } from '../../../domain/dates/calendar.ts';
import { bold, plain, type Message } from '../../message.ts';
import { plural } from '../view-format.ts';
import { cycleTitle } from './cycle-format.ts';

export interface EscalationView {
  board: string;
  meeting: CalendarDate;
  /** Leads who have not replied by the cut-off, with the refs of their actions still without an update. */
  silent: readonly { leadName: string; refs: readonly string[] }[];
}

/** To a programme manager at cut-off: who has not replied, and on which actions. */
export function escalationMessage(view: EscalationView): Message {
  const title = cycleTitle(view.board, view.meeting);
  const board = `the ${view.board} on ${formatDate(view.meeting)}`;
  if (view.silent.length === 0) {
    const text = `The cut-off for ${board} has passed and every lead has replied.`;
    return { text, blocks: [{ type: 'header', text: title }, { type: 'section', text }] };
  }
  const actions = view.silent.reduce((n, s) => n + s.refs.length, 0);
  const who = view.silent.length === 1 ? `${view.silent[0]!.leadName} has` : `${view.silent.length} leads have`;
  const text = `The cut-off for ${board} has passed and ${who} not replied about ${plural(actions, 'action')}.`;
  return {
    text,
    blocks: [
      { type: 'header', text: title },
      { type: 'section', text },
      { type: 'list', items: view.silent.map((s) => [bold(s.leadName), plain(` — ${s.refs.join(', ')}`)]) },
      { type: 'context', text: 'They will show as missing updates in the highlight report. You could contact them, or update their actions on their behalf.' },
    ],
  };
}

import { formatDue } from '../../../domain/overdue.ts';
import { bold, rich, statusSpan, type Block, type Message, type TableColumn } from '../../message.ts';
import { daysText, plural } from '../view-format.ts';
import { firstName, overdueLine, updateButton, type OverdueAction } from './cycle-format.ts';

export interface NudgeView {
  leadName: string;
  /** The lead's overdue actions, in the order to show them. */
  actions: readonly OverdueAction[];
  /** Named in the title when given. */
  programme?: string;
}

/** The weekly, polite reminder about a lead's overdue actions, each with one click to update it. */
export function nudgeMessage(view: NudgeView): Message {
  const n = view.actions.length;
  const hello = `Hello ${firstName(view.leadName)}`;
  const title = view.programme ? `Overdue actions — ${view.programme}` : 'Overdue actions';
  if (n === 0) {
    const text = `${hello} — none of your actions is overdue now. Thank you.`;
    return { text, blocks: [{ type: 'header', text: title }, { type: 'section', text }] };
  }
  const first = view.actions[0]!;
  const text =
    n === 1
      ? `${hello} — your action ${first.ref} is past its due date. Could you give it a quick update, or a revised due date if it has to move?`
      : `${hello} — ${n} of your actions are past their due date. Could you give each a quick update, or a revised due date if one has to move?`;
  const blocks: Block[] = [{ type: 'header', text: title }, { type: 'section', text }];
  for (const a of view.actions) {
    blocks.push(
      { type: 'section', text: rich(bold(a.ref), ` ${a.title}`) },
      { type: 'context', text: overdueLine(a) },
      { type: 'actions', buttons: [updateButton(a)] },
    );
  }
  blocks.push({ type: 'context', text: 'A reminder like this comes once a week while an action is overdue.' });
  return { text, blocks };
}

export interface NudgeIgnoredView {
  leadName: string;
  /** Weekly reminders sent since the lead last updated anything. */
  nudges: number;
  actions: readonly OverdueAction[];
  programme?: string;
}

const COLUMNS: readonly TableColumn[] = [{ label: 'Ref' }, { label: 'Action' }, { label: 'Due' }, { label: 'Overdue by', align: 'right' }, { label: 'Status' }];

/** To a programme manager: a lead has let several weekly reminders pass without an update. */
export function nudgeIgnoredMessage(view: NudgeIgnoredView): Message {
  const text = `${view.leadName} has not responded to ${plural(view.nudges, 'weekly reminder')} about ${plural(view.actions.length, 'overdue action')}.`;
  const rows = view.actions.map((a) => [a.ref, a.title, formatDue(a.due), daysText(a.daysOverdue), [statusSpan(a.status, a.statusWord || undefined)]]);
  return {
    text,
    blocks: [
      { type: 'header', text: view.programme ? `Reminders not answered — ${view.programme}` : 'Reminders not answered' },
      { type: 'section', text },
      ...(rows.length > 0 ? [{ type: 'table' as const, columns: COLUMNS, rows }] : []),
      { type: 'context', text: 'You could speak to them, agree new due dates, or update the actions on their behalf.' },
    ],
  };
}

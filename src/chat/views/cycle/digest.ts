import type { Brag } from '../../../domain/brag.ts';
import type { CalendarDate, DueDate } from '../../../domain/calendar-date.ts';
import { formatDate } from '../../../domain/dates/calendar.ts';
import { formatDue } from '../../../domain/overdue.ts';
import { bold, plain, rich, statusSpan, type Block, type Message, type RichText, type TableColumn } from '../../message.ts';
import { daysText, leadsText, plural } from '../view-format.ts';

export interface DigestItem {
  ref: string;
  title: string;
  leads: readonly string[];
  status: Brag;
  statusWord?: string;
  due: DueDate | null;
}

export interface DigestView {
  programme: string;
  /** The Monday the digest's week begins. */
  weekStart: CalendarDate;
  /** Statuses that changed over the past week. */
  statusChanges: readonly { ref: string; title: string; from: Brag; to: Brag }[];
  /** Actions that became overdue over the past week. */
  newlyOverdue: readonly (DigestItem & { daysOverdue: number })[];
  /** Open actions due in the next 14 days. */
  dueSoon: readonly DigestItem[];
  /** Leads with actions still to update for the next meeting. */
  missingUpdates: readonly { lead: string; refs: readonly string[] }[];
  nextMeeting: { board: string; date: CalendarDate } | null;
}

const OVERDUE_COLUMNS: readonly TableColumn[] = [
  { label: 'Ref' },
  { label: 'Action' },
  { label: 'Lead' },
  { label: 'Due' },
  { label: 'Overdue by', align: 'right' },
  { label: 'Status' },
];
const DUE_COLUMNS: readonly TableColumn[] = [{ label: 'Ref' }, { label: 'Action' }, { label: 'Lead' }, { label: 'Due' }, { label: 'Status' }];

/** The weekly digest for the programme channel: what moved, what fell overdue, what is coming, who is still to reply. */
export function digestMessage(view: DigestView): Message {
  const week = `week beginning ${formatDate(view.weekStart)}`;
  const next = view.nextMeeting ? `the ${view.nextMeeting.board} on ${formatDate(view.nextMeeting.date)}` : null;
  const counts = [
    view.statusChanges.length > 0 ? plural(view.statusChanges.length, 'status change') : null,
    view.newlyOverdue.length > 0 ? `${view.newlyOverdue.length} newly overdue` : null,
    view.dueSoon.length > 0 ? `${view.dueSoon.length} due in the next 14 days` : null,
    view.missingUpdates.length > 0 ? `${plural(view.missingUpdates.length, 'lead')} still to update` : null,
  ].filter((c): c is string => c !== null);
  const summary = counts.length > 0 ? counts.join(', ') : 'a quiet week, with nothing to flag';
  const text = `Weekly digest for ${view.programme}, ${week}: ${summary}.${next ? ` Next: ${next}.` : ''}`;

  const blocks: Block[] = [
    { type: 'header', text: `Weekly digest — ${view.programme}` },
    { type: 'context', text: [`Week beginning ${formatDate(view.weekStart)}`, next ? `Next board: ${view.nextMeeting!.board}, ${formatDate(view.nextMeeting!.date)}` : 'No board meeting scheduled'].join(' · ') },
  ];
  if (counts.length === 0) {
    blocks.push({ type: 'section', text: 'A quiet week: no status changes, nothing newly overdue, nothing due in the next 14 days and no updates outstanding.' });
    return { text, blocks };
  }
  if (view.statusChanges.length > 0) {
    blocks.push(
      { type: 'header', text: 'Status changes', level: 2 },
      { type: 'list', items: view.statusChanges.map((c): RichText => rich(bold(c.ref), ` ${c.title}: `, statusSpan(c.from), ' → ', statusSpan(c.to))) },
    );
  }
  if (view.newlyOverdue.length > 0) {
    const rows = view.newlyOverdue.map((i) => [i.ref, i.title, leadsText(i.leads), formatDue(i.due), daysText(i.daysOverdue), statusCell(i)]);
    blocks.push({ type: 'header', text: 'Newly overdue', level: 2 }, { type: 'table', columns: OVERDUE_COLUMNS, rows });
  }
  if (view.dueSoon.length > 0) {
    const rows = view.dueSoon.map((i) => [i.ref, i.title, leadsText(i.leads), formatDue(i.due), statusCell(i)]);
    blocks.push({ type: 'header', text: 'Due in the next 14 days', level: 2 }, { type: 'table', columns: DUE_COLUMNS, rows });
  }
  if (view.missingUpdates.length > 0) {
    blocks.push(
      { type: 'header', text: next ? `Still to update before the ${view.nextMeeting!.board}` : 'Still to update', level: 2 },
      { type: 'list', items: view.missingUpdates.map((m) => [bold(m.lead), plain(` — ${m.refs.join(', ')}`)]) },
    );
  }
  return { text, blocks };
}

function statusCell(i: DigestItem): RichText {
  return [statusSpan(i.status, i.statusWord || undefined)];
}

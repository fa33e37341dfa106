import type { Brag } from '../../../domain/brag.ts';
import type { CalendarDate, DueDate } from '../../../domain/calendar-date.ts';
import { dateInZone, formatDate, weekday } from '../../../domain/dates/calendar.ts';
import { formatDue } from '../../../domain/overdue.ts';
import { bold, rich, statusSpan, type Block, type Button, type RichText } from '../../message.ts';
import { OPEN_UPDATE } from '../my-actions.ts';
import { DEFAULT_TIMEZONE, daysText } from '../view-format.ts';

/** Wording and blocks shared by the cycle's messages (prompt, chase, nudge, digest…). */

/** One open action as a lead is asked about it. */
export interface CycleAction {
  id: string;
  ref: string;
  title: string;
  /** The top-level workstream's name: actions are grouped under it. */
  workstream: string;
  status: Brag;
  /** The programme's own word for the status ("On track some concerns"); empty for the scheme's label. */
  statusWord: string;
  due: DueDate | null;
  /** The latest update from a person (not the spreadsheet), if any. */
  lastUpdate: { at: Date; author: string } | null;
}

/** An action past its due date. */
export interface OverdueAction {
  id: string;
  ref: string;
  title: string;
  status: Brag;
  statusWord?: string;
  due: DueDate;
  daysOverdue: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'cllr', 'councillor', 'sir', 'dame', 'rev', 'revd', 'lady', 'lord']);

/** How a message greets someone: their first name ("Priya"), past any title ("Dr Helen Carter" → "Helen"). */
export function firstName(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  const first = words.find((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')));
  return first ?? words[0] ?? 'there';
}

/** "SEND Partnership Board — 12 Mar 2024": the title every message of a cycle opens with. */
export function cycleTitle(board: string, meeting: CalendarDate): string {
  return `${board} — ${formatDate(meeting)}`;
}

/** "12:00 on Fri 8 Mar" in the programme's timezone; the year is added when it is not the meeting's. */
export function cutoffText(cutoffAt: Date, timezone: string, meeting: CalendarDate): string {
  const day = dateInZone(cutoffAt, timezone);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(cutoffAt);
  const year = meeting.slice(0, 4) === day.slice(0, 4) ? '' : ` ${y}`;
  return `${time} on ${WEEKDAYS[weekday(day) - 1]} ${d} ${MONTHS[m - 1]}${year}`;
}

export function updateButton(action: { id: string; ref: string }): Button {
  return { id: OPEN_UPDATE, label: `Update ${action.ref}`, value: action.id };
}

/** Keeps the given order of workstreams and of the actions within each. */
export function byWorkstream<T extends { workstream: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.workstream) ?? [];
    group.push(item);
    groups.set(item.workstream, group);
  }
  return groups;
}

/** One action as a lead sees it: ref and title; status, due date and last update; an Update button. */
export function cycleActionBlocks(a: CycleAction, timezone = DEFAULT_TIMEZONE): Block[] {
  const last = a.lastUpdate
    ? ` · Last update ${formatDate(dateInZone(a.lastUpdate.at, timezone))} by ${a.lastUpdate.author}`
    : ' · No update yet';
  return [
    { type: 'section', text: rich(bold(a.ref), ` ${a.title}`) },
    { type: 'context', text: rich(statusSpan(a.status, a.statusWord || undefined), ` · Due ${formatDue(a.due)}`, last) },
    { type: 'actions', buttons: [updateButton(a)] },
  ];
}

/** Actions under their workstream headings, in the order given. */
export function groupedActionBlocks(actions: readonly CycleAction[], timezone: string): Block[] {
  const blocks: Block[] = [];
  for (const [workstream, items] of byWorkstream(actions)) {
    blocks.push({ type: 'header', text: workstream, level: 2 });
    for (const a of items) blocks.push(...cycleActionBlocks(a, timezone));
  }
  return blocks;
}

/** "Off track · Due 31 Jan 2024 · 34 days overdue". */
export function overdueLine(a: OverdueAction): RichText {
  return rich(statusSpan(a.status, a.statusWord || undefined), ` · Due ${formatDue(a.due)} · ${daysText(a.daysOverdue)} overdue`);
}

import type { CalendarDate, DuePrecision } from '../../domain/calendar-date.ts';
import { dateInZone, formatDate } from '../../domain/dates/calendar.ts';
import { tidyLeadText } from '../../domain/leads/normalise-name.ts';
import { formatDue } from '../../domain/overdue.ts';
import { NO_LEAD } from '../../domain/report/leads.ts';
import type { Direction } from '../../domain/status/status-words.ts';

/** Wording shared by the views, so every message says things the same way. */

export const DEFAULT_TIMEZONE = 'Europe/London';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "14 Mar 2025", "Nov 2023" for a month, "No date" for none. */
export function dueText(date: CalendarDate | null, precision: DuePrecision | null | undefined): string {
  return date === null ? formatDue(null) : formatDue({ date, precision: precision ?? 'day' });
}

/** The day an instant (ISO) fell on in the programme's timezone, as "14 Mar 2025". */
export function dayOf(iso: string, timezone: string): string {
  return formatDate(dateInZone(new Date(iso), timezone));
}

/** Leads as one line, tidied as the directory shows them ("…and Skills." loses its full stop). */
export function leadsText(leads: readonly string[]): string {
  const named = [...new Set(leads.map(tidyLeadText).filter((l) => l !== ''))];
  return named.length === 0 ? NO_LEAD : named.join('; ');
}

export const ARROW: Record<Direction, string> = { up: '↑', down: '↓', same: '→', new: 'new' };

/** Calendar days as people say them: "1 day", "32 days". */
export function daysText(days: number): string {
  return plural(days, 'day');
}

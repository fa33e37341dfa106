import type { Brag } from './brag.ts';
import type { CalendarDate, DueDate } from './calendar-date.ts';
import { daysBetween, formatDate, formatMonth } from './dates/calendar.ts';

/**
 * Overdue: a due date that has passed and a status that is not Complete.
 * A month-only date is stored as the month's last day, so it is overdue from the first day of the next month.
 */
export function isOverdue(due: DueDate | null, status: Brag, asOf: CalendarDate): boolean {
  if (!due || status === 'blue') return false;
  return daysBetween(due.date, asOf) > 0;
}

/** Calendar days from the due date (a month's last day) to the as-of date. */
export function daysOverdue(due: DueDate, asOf: CalendarDate): number {
  return Math.max(0, daysBetween(due.date, asOf));
}

/** How users see a due date: `14 Mar 2025`, or `Nov 2023` for a month. */
export function formatDue(due: DueDate | null): string {
  if (!due) return 'No date';
  return due.precision === 'month' ? formatMonth(due.date) : formatDate(due.date);
}

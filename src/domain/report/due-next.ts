import type { CalendarDate } from '../calendar-date.ts';
import { addDays } from '../dates/calendar.ts';
import type { ReportAction } from './types.ts';

/** Without a next meeting the window is a month: DESIGN's boards meet monthly. */
export const DEFAULT_DUE_NEXT_DAYS = 31;

export function dueNextUntil(asOf: CalendarDate, nextMeeting: CalendarDate | null): CalendarDate {
  return nextMeeting ?? addDays(asOf, DEFAULT_DUE_NEXT_DAYS);
}

/**
 * An open action falling due from the as-of day up to and including the window's last day.
 * A month-only date counts on its last day, as it does for overdue.
 */
export function isDueNext(action: ReportAction, asOf: CalendarDate, until: CalendarDate): boolean {
  if (action.status === 'blue' || action.due === null) return false;
  // ISO calendar dates compare correctly as strings.
  return action.due.date >= asOf && action.due.date <= until;
}

import type { CalendarDate } from '../calendar-date.ts';
import { daysOverdue, isOverdue } from '../overdue.ts';
import type { ExceptionItem, ExceptionReason, ReportItem } from './report-types.ts';
import type { ReportAction } from './types.ts';

/** Red, amber or overdue: what the board reports by exception. Null when none applies. */
export function toException(action: ReportAction, item: ReportItem, asOf: CalendarDate): ExceptionItem | null {
  const reasons: ExceptionReason[] = [];
  if (action.status === 'red' || action.status === 'amber') reasons.push(action.status);
  const late = isOverdue(action.due, action.status, asOf);
  if (late) reasons.push('overdue');
  if (reasons.length === 0) return null;
  return { ...item, reasons, daysOverdue: late ? daysOverdue(action.due!, asOf) : null };
}

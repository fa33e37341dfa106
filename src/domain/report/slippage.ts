import type { DueDate } from '../calendar-date.ts';
import { daysBetween } from '../dates/calendar.ts';
import type { SlippageItem } from './report-types.ts';
import type { ReportAction } from './types.ts';

function sameDue(a: DueDate | null, b: DueDate | null): boolean {
  if (a === null || b === null) return a === b;
  // "Nov 2023" made precise as "30 Nov 2023" is the same day: not a slip.
  return a.date === b.date;
}

/**
 * An open action that has been re-dated: its due date differs from the one it first had,
 * including a date withdrawn to "TBC". An action that never had a date has no baseline to slip
 * from, and a completed one no longer matters to the board's view of delivery.
 */
export function toSlippage(action: ReportAction): SlippageItem | null {
  const original = action.originalDue;
  if (action.status === 'blue' || original === null || sameDue(original, action.due)) return null;
  return {
    ref: action.ref,
    title: action.title,
    workstream: action.workstream,
    leads: [...action.leads],
    originalDue: original.date,
    originalDuePrecision: original.precision,
    due: action.due?.date ?? null,
    duePrecision: action.due?.precision ?? null,
    // The date differs, so it moved at least once even if the count was not kept.
    timesRedated: Math.max(1, action.dueRevisions),
    daysMoved: action.due ? daysBetween(original.date, action.due.date) : null,
  };
}

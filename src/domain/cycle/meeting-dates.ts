import type { CalendarDate } from '../calendar-date.ts';

/** The first meeting on or after `asOf`: on the day of a meeting, that meeting is still the next one. */
export function nextMeeting(dates: readonly CalendarDate[], asOf: CalendarDate): CalendarDate | null {
  let best: CalendarDate | null = null;
  for (const d of dates) if (d >= asOf && (best === null || d < best)) best = d;
  return best;
}

/** The last meeting strictly before `asOf` (the one whose cut-off movement is measured against). */
export function previousMeeting(dates: readonly CalendarDate[], asOf: CalendarDate): CalendarDate | null {
  let best: CalendarDate | null = null;
  for (const d of dates) if (d < asOf && (best === null || d > best)) best = d;
  return best;
}

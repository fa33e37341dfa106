import type { CalendarDate } from '../calendar-date.ts';
import { addDays } from '../dates/calendar.ts';
import { cycleSchedule, type CycleSettings } from './cycle-schedule.ts';
import { nextMeeting, previousMeeting } from './meeting-dates.ts';
import { meetingDatesFromRule, parseMeetingRule } from './meeting-rule.ts';

/** How far either side of a day a board's rule is unrolled into dates. */
const RULE_HORIZON_DAYS = 400;

/** A board's meetings: the dates set one by one, plus those its rule ("second Tuesday") makes. */
export function boardMeetingDates(explicit: readonly CalendarDate[], rule: string | null, around: CalendarDate): CalendarDate[] {
  const dates = new Set(explicit);
  const parsed = rule ? parseMeetingRule(rule) : null;
  if (parsed?.ok) {
    for (const d of meetingDatesFromRule(parsed.value, addDays(around, -RULE_HORIZON_DAYS), addDays(around, RULE_HORIZON_DAYS))) dates.add(d);
  }
  return [...dates].sort();
}

export interface ReportWindow {
  nextMeeting: CalendarDate | null;
  previousMeeting: CalendarDate | null;
  /** Updates at or after this count as this cycle's: from the previous board's cut-off, else from this cycle's ask. */
  cycleStart: Date | null;
  /** Movement is measured against each action's status at this instant. */
  previousCutoff: Date | null;
}

/** Which meeting a report on `asOf` is for, and the instants that frame "this cycle". */
export function reportWindow(meetings: readonly CalendarDate[], asOf: CalendarDate, settings: CycleSettings): ReportWindow {
  const next = nextMeeting(meetings, asOf);
  const previous = previousMeeting(meetings, asOf);
  const previousCutoff = previous ? cycleSchedule(previous, settings).cutoffAt : null;
  return {
    nextMeeting: next,
    previousMeeting: previous,
    cycleStart: previousCutoff ?? (next ? cycleSchedule(next, settings).askAt : null),
    previousCutoff,
  };
}

import type { CalendarDate } from '../../../domain/calendar-date.ts';

/** The button on a prompt or chaser that says "no change on any of these". */
export const NO_CHANGE = 'update.no-change';

/** Slack refuses a button value over 2,000 characters. */
export const BUTTON_VALUE_LIMIT = 2000;

/**
 * What the no-change button carries back. `m` is the meeting, `b` its board and `d` the meeting's
 * date when the prompt went out (for the thank-you; the store has no meeting lookup by id yet).
 * `a` lists the actions shown; it is left out when the ids would not fit in a button, and the
 * handler then reloads the open actions of the lead (`f` when a delegate answers for them).
 */
export interface NoChangeValue {
  m: string;
  b: string;
  d: CalendarDate;
  a?: string[];
  f?: string;
}

export function noChangeValue(input: { meetingId: string; boardId: string; meeting: CalendarDate; actionIds: readonly string[]; forPersonId?: string | null }): string {
  const base: NoChangeValue = { m: input.meetingId, b: input.boardId, d: input.meeting, ...(input.forPersonId ? { f: input.forPersonId } : {}) };
  const full = JSON.stringify({ ...base, a: [...input.actionIds] });
  return full.length <= BUTTON_VALUE_LIMIT ? full : JSON.stringify(base);
}

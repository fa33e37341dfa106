import type { CalendarDate } from '../calendar-date.ts';
import { calendarDate, lastDayOfMonth, weekday as weekdayOf } from '../dates/calendar.ts';

/** "The nth weekday of each month": `nth` 1–5, or -1 for the last. `weekday` is ISO (1 = Monday). */
export interface MeetingRule {
  nth: 1 | 2 | 3 | 4 | 5 | -1;
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

const ORDINALS: Record<string, MeetingRule['nth']> = {
  first: 1, '1st': 1, '1': 1,
  second: 2, '2nd': 2, '2': 2,
  third: 3, '3rd': 3, '3': 3,
  fourth: 4, '4th': 4, '4': 4,
  fifth: 5, '5th': 5, '5': 5,
  last: -1, final: -1,
};

const WEEKDAYS: Record<string, MeetingRule['weekday']> = {
  monday: 1, mon: 1,
  tuesday: 2, tue: 2, tues: 2,
  wednesday: 3, wed: 3, weds: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5,
  saturday: 6, sat: 6,
  sunday: 7, sun: 7,
};

/** Words that add nothing to a monthly rule ("every month on the third Friday"). */
const FILLER = new Set(['every', 'each', 'month', 'months', 'monthly', 'on', 'the', 'of', 'in', 'a', 'per', 'calendar']);

const ORDINAL_NAME = ['', 'first', 'second', 'third', 'fourth', 'fifth'];
const WEEKDAY_NAME = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const EXAMPLES = '"second Tuesday", "last Thursday" or "first Monday of each month"';

/** Reads a monthly meeting rule as people write it: "second Tuesday", "2nd Wed", "every month on the third Friday". */
export function parseMeetingRule(text: string): { ok: true; value: MeetingRule } | { ok: false; error: string } {
  const words = text
    .toLowerCase()
    .replace(/[.,;:!?'"]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !FILLER.has(w));
  let nth: MeetingRule['nth'] | undefined;
  let day: MeetingRule['weekday'] | undefined;
  const unknown: string[] = [];
  for (const word of words) {
    if (nth === undefined && ORDINALS[word] !== undefined) nth = ORDINALS[word];
    else if (day === undefined && WEEKDAYS[word.replace(/s$/, '')] !== undefined) day = WEEKDAYS[word.replace(/s$/, '')];
    else if (day === undefined && WEEKDAYS[word] !== undefined) day = WEEKDAYS[word];
    else unknown.push(word);
  }
  if (text.trim() === '') return { ok: false, error: `Please give a meeting rule, such as ${EXAMPLES}.` };
  if (unknown.length > 0) {
    return {
      ok: false,
      error: `I couldn't read "${text.trim()}" as a meeting rule (I don't understand ${unknown.map((w) => `"${w}"`).join(', ')}). Boards meet monthly on a rule such as ${EXAMPLES}.`,
    };
  }
  if (nth === undefined) return { ok: false, error: `"${text.trim()}" doesn't say which week: add first, second, third, fourth, fifth or last, e.g. ${EXAMPLES}.` };
  if (day === undefined) return { ok: false, error: `"${text.trim()}" doesn't say which day of the week, e.g. ${EXAMPLES}.` };
  return { ok: true, value: { nth, weekday: day } };
}

/** "second Tuesday of each month", for board listings and messages. */
export function describeMeetingRule(rule: MeetingRule): string {
  const which = rule.nth === -1 ? 'last' : ORDINAL_NAME[rule.nth];
  return `${which} ${WEEKDAY_NAME[rule.weekday]} of each month`;
}

/** The rule's date in one month, or null when the month has no such day (a fifth Tuesday). */
export function meetingDateInMonth(rule: MeetingRule, year: number, month: number): CalendarDate | null {
  if (rule.nth === -1) {
    const last = lastDayOfMonth(year, month);
    const back = (weekdayOf(last) - rule.weekday + 7) % 7;
    return calendarDate(year, month, Number(last.slice(8)) - back);
  }
  const first = calendarDate(year, month, 1);
  const day = 1 + ((rule.weekday - weekdayOf(first) + 7) % 7) + (rule.nth - 1) * 7;
  return day <= Number(lastDayOfMonth(year, month).slice(8)) ? calendarDate(year, month, day) : null;
}

/** Meeting dates from `from` to `to`, both included, in order. A month without a fifth such day has no meeting. */
export function meetingDatesFromRule(rule: MeetingRule, from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endYear = Number(to.slice(0, 4));
  const endMonth = Number(to.slice(5, 7));
  while (year < endYear || (year === endYear && month <= endMonth)) {
    const date = meetingDateInMonth(rule, year, month);
    if (date !== null && date >= from && date <= to) dates.push(date);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return dates;
}

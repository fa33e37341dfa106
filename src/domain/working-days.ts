import Holidays from 'date-holidays';
import type { CalendarDate } from './calendar-date.ts';
import { addDays, weekday } from './dates/calendar.ts';

/** The UK bank-holiday calendars a programme can pick (DESIGN, decision 5). */
export const NATIONS = ['england-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export const NATION_LABEL: Record<Nation, string> = {
  'england-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** date-holidays' GB regions. England and Wales share one calendar; ENG stands for both. */
const REGION: Record<Nation, string> = { 'england-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

export interface BankHoliday {
  date: CalendarDate;
  name: string;
}

const instances = new Map<Nation, Holidays>();
const byYear = new Map<string, { list: BankHoliday[]; dates: Set<CalendarDate> }>();

function holidaysFor(nation: Nation): Holidays {
  let h = instances.get(nation);
  if (!h) {
    h = new Holidays('GB', REGION[nation], { timezone: 'Europe/London' });
    instances.set(nation, h);
  }
  return h;
}

/** One nation's public holidays in a year, worked out once and kept: lookups run in every tick. */
function yearOf(nation: Nation, year: number): { list: BankHoliday[]; dates: Set<CalendarDate> } {
  const key = `${nation}:${year}`;
  let entry = byYear.get(key);
  if (!entry) {
    // Only "public" holidays close offices; Mother's Day and the like are "observance".
    // Substitute days ("Boxing Day (substitute day)") are public too and so count.
    const list = holidaysFor(nation)
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
    entry = { list, dates: new Set(list.map((h) => h.date)) };
    byYear.set(key, entry);
  }
  return entry;
}

/** The nation's bank holidays in a year, in date order (weekend holidays included as the data lists them). */
export function bankHolidays(year: number, nation: Nation): BankHoliday[] {
  return [...yearOf(nation, year).list];
}

export function isBankHoliday(date: CalendarDate, nation: Nation): boolean {
  return yearOf(nation, Number(date.slice(0, 4))).dates.has(date);
}

/** Monday to Friday and not a public holiday in the nation. */
export function isWorkingDay(date: CalendarDate, nation: Nation): boolean {
  return weekday(date) <= 5 && !isBankHoliday(date, nation);
}

/**
 * The date `n` working days after `date` (before it when `n` is negative). The start date itself
 * never counts, so one working day after a Friday is the Monday; `n = 0` returns `date` unchanged.
 */
export function addWorkingDays(date: CalendarDate, n: number, nation: Nation): CalendarDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}.`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = date;
  while (left > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day, nation)) left--;
  }
  return day;
}

/** The date `n` working days before `date`: 2 working days before a Tuesday is the Friday before. */
export function workingDaysBefore(date: CalendarDate, n: number, nation: Nation): CalendarDate {
  return addWorkingDays(date, -n, nation);
}

/** `date` if it is a working day, else the next one. */
export function nextWorkingDay(date: CalendarDate, nation: Nation): CalendarDate {
  let day = date;
  while (!isWorkingDay(day, nation)) day = addDays(day, 1);
  return day;
}

/** Reads a nation as people write it ("Scotland", "england-wales", "NI"), for the CLI's `--nation`. */
export function parseNation(text: string): { ok: true; value: Nation } | { ok: false; error: string } {
  const key = text.toLowerCase().replace(/[\s_]+/g, '-').replace(/-and-/g, '-').replace(/&/g, '').replace(/-+/g, '-').trim();
  const aliases: Record<string, Nation> = {
    'england-wales': 'england-wales',
    england: 'england-wales',
    wales: 'england-wales',
    scotland: 'scotland',
    'northern-ireland': 'northern-ireland',
    ni: 'northern-ireland',
  };
  const nation = aliases[key];
  if (nation) return { ok: true, value: nation };
  return { ok: false, error: `"${text}" is not a nation I know. Use one of: ${NATIONS.join(', ')}.` };
}

import { TZDate } from '@date-fns/tz';
import type { CalendarDate } from '../calendar-date.ts';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Calendar dates are handled as UTC midnights so that no local timezone or DST shift can move them. */
function toUtcMs(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isCalendarDate(text: string): text is CalendarDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return fromUtcMs(toUtcMs(text)) === text;
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return fromUtcMs(Date.UTC(year, month - 1, day));
}

export function lastDayOfMonth(year: number, month: number): CalendarDate {
  return fromUtcMs(Date.UTC(year, month, 0));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: CalendarDate): number {
  const d = new Date(toUtcMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The calendar day an instant falls on in a timezone (e.g. Europe/London). */
export function dateInZone(instant: Date, timezone: string): CalendarDate {
  const z = new TZDate(instant.getTime(), timezone);
  return calendarDate(z.getFullYear(), z.getMonth() + 1, z.getDate());
}

/** The instant at which a wall-clock time (`HH:MM`) on a calendar day occurs in a timezone. */
export function instantInZone(date: CalendarDate, time: string, timezone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timezone).getTime());
}

/** en-GB display: `14 Mar 2025`. */
export function formatDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** en-GB month display: `Nov 2023`. */
export function formatMonth(date: CalendarDate): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

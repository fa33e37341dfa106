import type { DueDate } from '../calendar-date.ts';
import { calendarDate, formatDate, formatMonth, lastDayOfMonth } from '../dates/calendar.ts';

/** What a date cell of a register says: a due date, earlier dates in the same cell, and anything odd. */
export type RegisterDate = { due: DueDate | null; milestones: DueDate[]; warning: string | null };

// A month name, whole or cut short ("Sept", "Nov."), never the start of a longer word ("Marketing").
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const YEAR = String.raw`(\d{4}|\d{2})(?!\d)`;

type Found = { date: DueDate | null; text: string; flipped?: boolean };
type Reader = { pattern: RegExp; read: (m: RegExpExecArray) => Found };

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Two-digit years are this century's: registers are plans for the years ahead, not the 1990s. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

function day(year: number, month: number, dayOfMonth: number, text: string): Found {
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return { date: null, text };
  const date = calendarDate(year, month, dayOfMonth);
  // calendarDate rolls 31 Feb over into March: a day that does not exist is not a date.
  const exact = `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  return { date: date === exact ? { date, precision: 'day' } : null, text };
}

function month(year: number, monthOfYear: number, text: string): Found {
  if (year < 1900 || year > 2199 || monthOfYear < 1 || monthOfYear > 12) return { date: null, text };
  return { date: { date: lastDayOfMonth(year, monthOfYear), precision: 'month' }, text };
}

const sticky = (source: string) => new RegExp(source, 'iy');

// Tried in this order at each word start: the most specific reading wins ("31-Mar-18" before "Mar-18").
const READERS: Reader[] = [
  // 2018-03-31
  {
    pattern: sticky(String.raw`(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)`),
    read: (m) => day(Number(m[1]), Number(m[2]), Number(m[3]), m[0]),
  },
  // 31/03/2018, 31.03.18, 31-03-2018: UK order, day first
  {
    pattern: sticky(String.raw`(\d{1,2})([/.\-])(\d{1,2})\2${YEAR}`),
    read: (m) => day(fullYear(m[4]!), Number(m[3]), Number(m[1]), m[0]),
  },
  // 31-Mar-18, 31 March 2018, 24th October 2020
  {
    pattern: sticky(String.raw`(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*${MONTH}[\s\-/.,']*${YEAR}`),
    read: (m) => day(fullYear(m[3]!), monthNumber(m[2]!), Number(m[1]), m[0]),
  },
  // March 31, 2018
  {
    pattern: sticky(String.raw`${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`),
    read: (m) => day(Number(m[3]), monthNumber(m[1]!), Number(m[2]), m[0]),
  },
  // Nov-23, Nov 19, Dec 2019, November 2023, May- 24, Apr'24
  {
    pattern: sticky(String.raw`${MONTH}[\s\-/.,']*${YEAR}`),
    read: (m) => month(fullYear(m[2]!), monthNumber(m[1]!), m[0]),
  },
  // 24-Apr: Excel's way of showing "Apr-24" once it has taken it for 24 April; read as the month, and say so
  {
    pattern: sticky(String.raw`(\d{2})[\s\-/.]*${MONTH}`),
    read: (m) => ({ ...month(fullYear(m[1]!), monthNumber(m[2]!), m[0]), flipped: true }),
  },
  // 03/2024, 2024-03
  {
    pattern: sticky(String.raw`(\d{1,2})[/.\-](\d{4})(?!\d)`),
    read: (m) => month(Number(m[2]), Number(m[1]), m[0]),
  },
  {
    pattern: sticky(String.raw`(\d{4})-(\d{1,2})(?![\d\-])`),
    read: (m) => month(Number(m[1]), Number(m[2]), m[0]),
  },
];

function findDates(text: string): Found[] {
  const found: Found[] = [];
  let i = 0;
  while (i < text.length) {
    const startsWord = i === 0 || !/[a-z0-9]/i.test(text[i - 1]!);
    let matched: { found: Found; end: number } | null = null;
    if (startsWord && /[a-z0-9]/i.test(text[i]!)) {
      for (const reader of READERS) {
        reader.pattern.lastIndex = i;
        const m = reader.pattern.exec(text);
        if (m) {
          matched = { found: reader.read(m), end: i + m[0].length };
          break;
        }
      }
    }
    if (matched) {
      found.push(matched.found);
      i = matched.end;
    } else {
      i += 1;
    }
  }
  return found;
}

const NOT_YET = /^(tbc|tba|tbd|to be confirmed|to be agreed|to be determined)\.?$/i;

/** How a date reads in a message: `31 Mar 2018`, or `Nov 2023` for a month. */
export function describeDueDate(due: DueDate): string {
  return due.precision === 'month' ? formatMonth(due.date) : formatDate(due.date);
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return `"${oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine}"`;
}

/**
 * Every date a cell holds, in the order written, and what was odd about it (a day that does not exist,
 * a back-to-front `24-Apr`). `unread` is set when the cell has text but no date could be read from it.
 */
export type DatesInCell = { dates: DueDate[]; notes: string[]; unread: string | null };

export function readDatesInCell(text: string): DatesInCell {
  const trimmed = text.trim();
  if (trimmed === '') return { dates: [], notes: [], unread: null };
  const found = findDates(trimmed);
  const dates = found.flatMap((f) => (f.date ? [f.date] : []));
  const notes = found.filter((f) => !f.date).map((f) => `${quote(f.text)} is not a real date`);
  for (const f of found) {
    if (f.flipped && f.date) {
      notes.push(`${quote(f.text)} read as the month ${describeDueDate(f.date)} (two digits and a month with no year are taken as the month and year)`);
    }
  }
  let unread: string | null = null;
  if (dates.length === 0 && notes.length === 0) {
    unread = NOT_YET.test(trimmed) ? `no date yet (${quote(trimmed)})` : `could not read a date in ${quote(trimmed)}`;
  }
  return { dates, notes, unread };
}

/**
 * Reads a date cell of a register as councils write them (see DESIGN, "Dates"). UK order, day first;
 * a month alone is due on its last day; several dates: the last is due, the others are milestones.
 * The reading never depends on today's date, hence no `today`.
 */
export function parseRegisterDate(text: string, today?: never): RegisterDate {
  void today;
  const { dates, notes, unread } = readDatesInCell(text);
  const warnings = unread ? [...notes, unread] : [...notes];
  const due = dates[dates.length - 1] ?? null;
  if (due && dates.length > 1) {
    warnings.push(`several dates in ${quote(text.trim())}: the last, ${describeDueDate(due)}, is taken as the date and the others kept as milestones`);
  }
  return { due, milestones: dates.slice(0, -1), warning: warnings.length > 0 ? warnings.join('; ') : null };
}

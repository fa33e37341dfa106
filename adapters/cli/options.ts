import { InvalidArgumentError } from 'commander';
import { isCalendarDate } from '../../src/domain/dates/calendar.ts';

/** Commander parsers for the shapes our options take, so bad values fail with a clear message before any work. */
export function parseDateOption(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError(`"${value}" is not a date: use YYYY-MM-DD, e.g. 2025-03-14.`);
  return value;
}

export function parseFormat<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!allowed.includes(value as T)) throw new InvalidArgumentError(`Choose one of: ${allowed.join(', ')}.`);
    return value as T;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a whole number of days.`);
  return n;
}

/** `--map field=Header` pairs. */
export function parseFieldMap(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs?.length) return undefined;
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InvalidArgumentError(`--map takes field=Header, e.g. --map "lead=Lead officer"; got "${pair}".`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

import type { DueDate } from '../../../../src/domain/calendar-date.ts';

/**
 * Helpers for writing many rows in one statement: the rows go over as one JSON text parameter and
 * come out of `json_to_recordset($1::json) AS v(col type, …)` typed by its column list (enums, dates,
 * `text[]` from a JSON array, `jsonb`). One string parameter is cheap to pass through Prisma's raw
 * queries (`tx.$executeRawUnsafe`), where an array parameter costs about 2 µs an element on the way in.
 */

/** A timestamp without zone as the database stores it: UTC wall-clock text, cast with `::timestamp`. */
export const utcTimestamp = (at: Date): string => at.toISOString().slice(0, 23).replace('T', ' ');

export const dueDate = (due: DueDate | null): string | null => due?.date ?? null;
export const duePrecision = (due: DueDate | null): string | null => due?.precision ?? null;

/** Splits `items` into runs of at most `size`. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

import type { CalendarDate, DueDate, DuePrecision } from '../../../src/domain/calendar-date.ts';

/** Date columns hold calendar days; Prisma hands them over as UTC midnights. */
export const toDbDate = (date: CalendarDate): Date => new Date(`${date}T00:00:00Z`);
export const fromDbDate = (date: Date): CalendarDate => date.toISOString().slice(0, 10);

export function dueFromColumns(date: Date | null, precision: DuePrecision | null): DueDate | null {
  return date ? { date: fromDbDate(date), precision: precision ?? 'day' } : null;
}

export function dueToColumns(due: DueDate | null): { date: Date | null; precision: DuePrecision | null } {
  return due ? { date: toDbDate(due.date), precision: due.precision } : { date: null, precision: null };
}

/** Enum values in the database use underscores; the domain's words use hyphens. */
export const toDbEnum = <T extends string>(value: string) => value.replace(/-/g, '_') as T;
export const fromDbEnum = <T extends string>(value: string) => value.replace(/_/g, '-') as T;

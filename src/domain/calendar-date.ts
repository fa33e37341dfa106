/** A calendar day, `YYYY-MM-DD`. Due dates are days on a calendar, never instants. */
export type CalendarDate = string;

/** A month-only date ("Nov-23") is due on the last day of that month. */
export type DuePrecision = 'day' | 'month';

export interface DueDate {
  date: CalendarDate;
  precision: DuePrecision;
}

import type { DueDate } from '../calendar-date.ts';
import { dropHiddenCharacters } from '../hidden-characters.ts';

/**
 * One cell of a register as the file reader saw it. `text` is what a person sees in the cell;
 * `date` is set only when a spreadsheet cell held a real date (so no text has to be guessed at),
 * with precision 'month' when its number format shows no day (e.g. `mmm-yy`).
 * `span` is how many columns a merged cell covers, when more than one: a title merged across
 * the table is how many councils mark a section heading.
 */
export type Cell = { text: string; date?: DueDate; span?: number };

/**
 * The neutral input to register interpretation, whatever the file was.
 * `rows[0]` is spreadsheet row 1, so a row's index + 1 is the row number people see.
 */
export type Grid = { source: string; sheet?: string; rows: Cell[][] };

/** A grid from plain text rows (CSV, or tests). */
export function gridFromText(source: string, rows: string[][], sheet?: string): Grid {
  const grid: Grid = { source, rows: rows.map((row) => row.map((text) => ({ text }))) };
  if (sheet !== undefined) grid.sheet = sheet;
  return grid;
}

/** A cell's text without surrounding white space or hidden characters; a missing cell reads as blank. */
export function cellText(row: readonly Cell[] | undefined, index: number): string {
  const text = row?.[index]?.text;
  return text === undefined ? '' : dropHiddenCharacters(text).trim();
}

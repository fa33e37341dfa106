import ExcelJS from 'exceljs';
import type { DueDate } from '../../src/domain/calendar-date.ts';
import { calendarDate } from '../../src/domain/dates/calendar.ts';
import type { Cell, Grid } from '../../src/domain/register/grid.ts';
import { findHeaderRow } from '../../src/domain/register/headers.ts';
import { describeDueDate } from '../../src/domain/register/register-date.ts';
import { RegisterFileError, readFileBytes } from './register-file-error.ts';

export type XlsxOptions = { sheet?: string };

type Box = { top: number; left: number; bottom: number; right: number };

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseRange(range: string): Box | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) return null;
  const [a, b] = [
    { col: columnNumber(m[1]!), row: Number(m[2]) },
    { col: columnNumber(m[3] ?? m[1]!), row: Number(m[4] ?? m[2]) },
  ];
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

/**
 * Whether a date number format shows the day. Quoted literals, `\x` escapes and `[...]` sections
 * (locale, colour, elapsed time) are not format codes, so they are removed before looking for a `d`.
 */
export function formatShowsDay(numFmt: string | undefined): boolean {
  if (!numFmt) return true;
  const codes = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /d/i.test(codes);
}

/** Excel stores dates as serials that exceljs turns into UTC midnights; the time of day, if any, is dropped. */
function dueDateOf(value: Date, numFmt: string | undefined): DueDate {
  const date = calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (formatShowsDay(numFmt)) return { date, precision: 'day' };
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { date: calendarDate(y, m + 1, 0), precision: 'month' };
}

/**
 * A number as the sheet shows it. Plain decimal and percentage formats are honoured, so a ref typed
 * as 1.10 in a `0.00` column stays 1.10 rather than becoming 1.1; otherwise Excel's 15 significant
 * digits, so 0.1 + 0.2 reads 0.3.
 */
function numberText(n: number, numFmt: string | undefined): string {
  const plain = /^(#,##)?0(?:\.(0+))?(%?)$/.exec(numFmt ?? '');
  if (plain) {
    const places = plain[2]?.length ?? 0;
    const percent = plain[3] === '%';
    const shown = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: places,
      maximumFractionDigits: places,
      useGrouping: plain[1] !== undefined,
    }).format(percent ? n * 100 : n);
    return percent ? `${shown}%` : shown;
  }
  return String(Number(n.toPrecision(15)));
}

/** What a person sees in a cell: rich text joined, hyperlinks by their text, formulas by their result. */
function readValue(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: '' };
    const date = dueDateOf(value, numFmt);
    return { text: describeDueDate(date), date };
  }
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value, numFmt) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((run) => run.text).join('') };
  if ('error' in value) return { text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) return readValue((value as { result?: ExcelJS.CellValue }).result, numFmt);
  if ('hyperlink' in value) {
    const shown = (value as { text?: unknown }).text;
    if (shown && typeof shown === 'object' && 'richText' in shown) return readValue(shown as ExcelJS.CellRichTextValue, numFmt);
    return { text: typeof shown === 'string' ? shown : String((value as { hyperlink: string }).hyperlink) };
  }
  return { text: '' };
}

/**
 * The sheet to read: the one named (ignoring case), else the first sheet with data that holds a register
 * (a header row naming an action column), so a cover or "read me" sheet in front of the plan is passed
 * over; else the first sheet with data. Visible sheets come before hidden ones (a hidden "Lists" sheet
 * is not the plan).
 */
function chooseSheet(source: string, book: ExcelJS.Workbook, wanted: string | undefined): { sheet: ExcelJS.Worksheet; rows: Cell[][] } {
  const sheets = book.worksheets;
  if (wanted !== undefined) {
    const found =
      sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (!found) {
      const names = sheets.map((s) => `"${s.name}"`).join(', ');
      throw new RegisterFileError('unknown-sheet', source, `"${source}" has no sheet named "${wanted}"; its sheets are: ${names}`);
    }
    return { sheet: found, rows: sheetToRows(found) };
  }
  const withData = sheets.filter((s) => s.actualRowCount > 0);
  const ordered = [...withData.filter((s) => s.state === 'visible'), ...withData.filter((s) => s.state !== 'visible')];
  const read = ordered.map((sheet) => ({ sheet, rows: sheetToRows(sheet) }));
  const chosen = read.find((r) => findHeaderRow(r.rows).ok) ?? read[0];
  if (!chosen) throw new RegisterFileError('empty', source, `"${source}" has no sheet with any data in it`);
  return chosen;
}

/**
 * The sheet as rows of cells. Merged cells: a merge down a column repeats its value in every row it
 * covers (a lead or priority merged over several actions belongs to each); a merge across columns keeps
 * its text in the first cell and records the span, which is how a section heading looks.
 */
function sheetToRows(sheet: ExcelJS.Worksheet): Cell[][] {
  const masterOf = new Map<string, { row: number; col: number; box: Box }>();
  for (const range of sheet.model.merges ?? []) {
    const box = parseRange(range);
    if (!box) continue;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) masterOf.set(`${r}:${c}`, { row: box.top, col: box.left, box });
    }
  }

  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const merge = masterOf.get(`${r}:${c}`);
      if (merge && merge.col !== c) {
        cells.push({ text: '' });
        continue;
      }
      const source = merge ? sheet.getCell(merge.row, merge.col) : row.getCell(c);
      const cell = readValue(source.value, source.numFmt);
      const span = merge ? merge.box.right - merge.box.left + 1 : 1;
      if (span > 1) cell.span = span;
      cells.push(cell);
    }
    while (cells.length > 0 && cells[cells.length - 1]!.text.trim() === '') cells.pop();
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** A sheet of an .xlsx workbook as a grid: `sheet` by name, else the first that holds a register. */
export async function xlsxToGrid(source: string, bytes: Uint8Array, options: XlsxOptions = {}): Promise<Grid> {
  if (isOle(bytes)) {
    throw new RegisterFileError(
      'not-a-spreadsheet',
      source,
      `"${source}" is an old-style .xls workbook or a password-protected one; save it from Excel as .xlsx (without a password) or as .csv`,
    );
  }
  if (!isZip(bytes)) throw new RegisterFileError('not-a-spreadsheet', source, `"${source}" is not an .xlsx workbook (it is not a spreadsheet file Excel saves as .xlsx)`);

  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = (error as Error).message;
    // JSZip's words for a zip whose end (its table of contents) is missing.
    if (/central directory|end of data|unexpected end/i.test(reason)) {
      throw new RegisterFileError('cut-short', source, `"${source}" could not be opened as an .xlsx workbook; it may be damaged: it looks cut short, as if copied or downloaded only in part. Import a complete copy.`);
    }
    throw new RegisterFileError(
      'not-a-spreadsheet',
      source,
      `"${source}" could not be opened as an .xlsx workbook; it may be damaged: part of it cannot be read (${reason}). Open it in Excel, save it again and import that copy.`,
    );
  }
  const { sheet, rows } = chooseSheet(source, book, options.sheet);
  return { source, sheet: sheet.name, rows };
}

export async function readXlsx(file: string, options: XlsxOptions = {}): Promise<Grid> {
  return xlsxToGrid(file, await readFileBytes(file), options);
}

import { extname } from 'node:path';
import type { Grid } from '../../src/domain/register/grid.ts';
import { csvToGrid } from './read-csv.ts';
import { RegisterFileError, readFileBytes } from './register-file-error.ts';

export { RegisterFileError } from './register-file-error.ts';
export type { RegisterFileErrorCode } from './register-file-error.ts';

export type ReadRegisterOptions = { sheet?: string };

const CSV = new Set(['.csv', '.tsv', '.txt']);
const XLSX = new Set(['.xlsx', '.xlsm']);

/** Refuses, by name, file types we do not read, before any bytes are looked at. */
function checkType(file: string): 'csv' | 'xlsx' {
  const ext = extname(file).toLowerCase();
  if (CSV.has(ext)) return 'csv';
  if (XLSX.has(ext)) return 'xlsx';
  if (ext === '.xls') {
    throw new RegisterFileError('unsupported-type', file, `"${file}" is an old-style Excel 97-2003 workbook (.xls); save it from Excel as .xlsx or .csv`);
  }
  const what = ext === '' ? 'a file with no extension' : `"${ext}" files`;
  throw new RegisterFileError('unsupported-type', file, `"${file}": ${what} cannot be imported; use a .csv or .xlsx file`);
}

/**
 * Reads a register file into a grid, choosing the reader by extension. `sheet` applies to workbooks
 * only (a CSV has one table). Throws RegisterFileError for anything the file's owner must fix.
 */
export async function readRegisterFile(file: string, options: ReadRegisterOptions = {}): Promise<Grid> {
  const type = checkType(file);
  const bytes = await readFileBytes(file);
  if (type === 'csv') return csvToGrid(file, bytes);
  // exceljs (about 21 MB) is loaded for a workbook only, so the server does not carry it while idle.
  const { xlsxToGrid } = await import('./read-xlsx.ts');
  return xlsxToGrid(file, bytes, options);
}

export type RegisterFileResult = { ok: true; grid: Grid } | { ok: false; error: RegisterFileError };

/** The same as readRegisterFile, with expected failures returned rather than thrown. */
export async function tryReadRegisterFile(file: string, options: ReadRegisterOptions = {}): Promise<RegisterFileResult> {
  try {
    return { ok: true, grid: await readRegisterFile(file, options) };
  } catch (error) {
    if (error instanceof RegisterFileError) return { ok: false, error };
    throw error;
  }
}

import { extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { Cell, Grid } from '../../src/domain/register/grid.ts';
import { RegisterFileError, readFileBytes } from './register-file-error.ts';

/**
 * Text from a CSV's bytes. Excel writes UTF-8 with a BOM, UTF-16 for "Unicode text", and Windows-1252
 * when saved as plain "CSV": a £ or an en dash must survive all three.
 */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Bytes 0x80-0x9F of Windows-1252 (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); the rest is Latin-1.
// Done by hand because Node's TextDecoder('windows-1252') decodes as plain Latin-1, turning – into U+0096.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
  return text;
}

/** Commas, unless the file plainly uses tabs or semicolons (Excel's "Unicode text", European settings). */
function delimiterFor(source: string, text: string): string {
  if (extname(source).toLowerCase() === '.tsv') return '\t';
  const sample = text.split(/\r?\n/, 5).join('\n');
  if (sample.includes(',')) return ',';
  if (sample.includes('\t')) return '\t';
  if (sample.includes(';')) return ';';
  return ',';
}

/**
 * A file cut short in copying or downloading ends part-way through a row: no line break after it, and
 * fewer cells than the row above. Excel and other tools end every row, the last included, with one;
 * a complete file that happens not to can be fixed by adding it, as the message says.
 */
function refuseCutShort(source: string, text: string, records: string[][]): void {
  if (/[\r\n]$/.test(text) || records.length < 2) return;
  const last = records[records.length - 1]!;
  const above = records[records.length - 2]!;
  if (last.length >= above.length) return;
  throw new RegisterFileError(
    'cut-short',
    source,
    `"${source}" looks cut short: its last row (row ${records.length}) stops part-way, with ${last.length} of the ${above.length} cells of the row above and no line break after it. ` +
      'Import a complete copy (or, if the file is complete, end it with a line break).',
  );
}

/** Rows of cells from CSV bytes: quoted cells may hold line breaks, rows may be ragged. */
export function csvToGrid(source: string, bytes: Uint8Array): Grid {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new RegisterFileError('not-a-spreadsheet', source, `"${source}" is an Excel workbook, not a CSV file; name it .xlsx`);
  }
  const text = decode(bytes);
  if (text.includes('\u0000')) throw new RegisterFileError('not-a-spreadsheet', source, `"${source}" is not a CSV text file (it holds binary data)`);
  if (text.trim() === '') throw new RegisterFileError('empty', source, `"${source}" is empty`);

  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterFor(source, text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      const row = Number(error.records ?? 0) + 1;
      throw new RegisterFileError(
        'cut-short',
        source,
        `"${source}" could not be read as CSV: the quote that opens a cell in row ${row} is never closed, so the file looks cut short (or that cell has a stray quote)`,
      );
    }
    const reason = error instanceof CsvError ? error.message : String(error);
    throw new RegisterFileError('not-a-spreadsheet', source, `"${source}" could not be read as CSV: ${reason}`);
  }
  refuseCutShort(source, text, records);
  const rows: Cell[][] = records.map((record) => record.map((value) => ({ text: value })));
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.text.trim() === '')) rows.pop();
  return { source, rows };
}

export async function readCsv(file: string): Promise<Grid> {
  return csvToGrid(file, await readFileBytes(file));
}

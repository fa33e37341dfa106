import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvToGrid, readCsv } from '../../../adapters/files/read-csv.ts';
import { RegisterFileError } from '../../../adapters/files/register-file-error.ts';

const FIXTURES = 'test/fixtures/registers';
const texts = (rows: { text: string }[][]) => rows.map((row) => row.map((c) => c.text));
const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): RegisterFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof RegisterFileError) return error;
    throw error;
  }
  throw new Error('expected a RegisterFileError');
}

describe('reading CSV', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stocktake-csv-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('drops the byte order mark, keeps line breaks inside quoted cells and accepts ragged rows', async () => {
    const grid = await readCsv(`${FIXTURES}/bom-multiline.csv`);
    expect(grid.source).toBe(`${FIXTURES}/bom-multiline.csv`);
    expect(texts(grid.rows)).toEqual([
      ['Ref', 'Action', 'Lead', 'Due Date'],
      ['1.1', 'Map the front door\nand the neurodiversity pathway', 'Head of SEND', 'Nov-23'],
      ['1.2', 'Short row'],
      ['1.3', 'Long row', 'Lead', 'Dec-23', 'extra', 'cells'],
    ]);
  });

  it('counts a quoted multi-line cell as one row, as a spreadsheet does', () => {
    const grid = csvToGrid('x.csv', bytes('a,"b\nc"\nd,e\n'));
    expect(grid.rows).toHaveLength(2);
    expect(grid.rows[1]![0]!.text).toBe('d');
  });

  it('reads a Windows-1252 CSV (Excel "CSV") without mangling £ or dashes', async () => {
    const grid = await readCsv(`${FIXTURES}/windows-1252.csv`);
    expect(texts(grid.rows)[1]).toEqual(['Buy kit', 'Head of – SEND', '£500']);
  });

  it('reads UTF-16 tab-separated text (Excel "Unicode text")', () => {
    const text = 'Action\tLead\r\nDo it\tJo\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(texts(csvToGrid('x.csv', utf16).rows)).toEqual([
      ['Action', 'Lead'],
      ['Do it', 'Jo'],
    ]);
  });

  it('reads semicolon-separated files and .tsv files', () => {
    expect(texts(csvToGrid('x.csv', bytes('Action;Lead\nDo it;Jo\n')).rows)[1]).toEqual(['Do it', 'Jo']);
    expect(texts(csvToGrid('x.tsv', bytes('Action\tLead, deputy\nDo it\tJo\n')).rows)[0]).toEqual(['Action', 'Lead, deputy']);
  });

  it('keeps blank rows inside the table, so row numbers stay true, and drops them at the end', () => {
    expect(texts(csvToGrid('x.csv', bytes('a\n\nb\n\n,,\n')).rows)).toEqual([['a'], [''], ['b']]);
  });

  it('refuses an empty file, naming it', async () => {
    await expect(readCsv(`${FIXTURES}/empty.csv`)).rejects.toMatchObject({ code: 'empty', message: `"${FIXTURES}/empty.csv" is empty` });
    expect(refusal(() => csvToGrid('blank.csv', bytes(' \n\n'))).message).toBe('"blank.csv" is empty');
  });

  it('refuses binary data', () => {
    const error = refusal(() => csvToGrid('odd.csv', new Uint8Array([0x00, 0x01, 0x02, 0x41])));
    expect(error).toMatchObject({ code: 'not-a-spreadsheet', message: '"odd.csv" is not a CSV text file (it holds binary data)' });
  });

  it('says so when a workbook has been named .csv', () => {
    const error = refusal(() => csvToGrid('plan.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])));
    expect(error.message).toBe('"plan.csv" is an Excel workbook, not a CSV file; name it .xlsx');
  });

  it('refuses a quote left open, saying where', () => {
    const error = refusal(() => csvToGrid('open.csv', bytes('Action,Lead\n"Do it,Jo\n')));
    expect(error.code).toBe('cut-short');
    expect(error.message).toBe('"open.csv" could not be read as CSV: the quote that opens a cell in row 2 is never closed, so the file looks cut short (or that cell has a stray quote)');
  });

  it('refuses a file that stops part-way through a row, naming the row', () => {
    const error = refusal(() => csvToGrid('cut.csv', bytes('Ref,Action,Lead,Due\r\n1.1,Publish the offer,AM,Nov-23\r\n1.2,Review pla')));
    expect(error).toMatchObject({ code: 'cut-short', file: 'cut.csv' });
    expect(error.message).toContain('its last row (row 3) stops part-way, with 2 of the 4 cells of the row above');
  });

  it('reads a complete file that does not end with a line break (as some tools save them)', () => {
    expect(csvToGrid('plain.csv', bytes('Ref,Action\n1.1,Publish the offer')).rows).toHaveLength(2);
  });

  it('refuses a missing file, naming it', async () => {
    const file = join(dir, 'nope.csv');
    await expect(readCsv(file)).rejects.toMatchObject({ code: 'missing', file, message: `"${file}" does not exist` });
  });

  it('refuses a folder', async () => {
    const folder = join(dir, 'plan.csv');
    await writeFile(join(dir, 'other.txt'), 'x');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    await expect(readCsv(folder)).rejects.toMatchObject({ code: 'unreadable', message: `"${folder}" is a folder, not a register file` });
  });
});

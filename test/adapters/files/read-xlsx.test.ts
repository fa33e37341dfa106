import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatShowsDay, readXlsx } from '../../../adapters/files/read-xlsx.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stocktake-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function saved(build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const file = join(dir, `book-${++counter}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

describe('reading .xlsx cells', () => {
  it('reads text, numbers and booleans as a person sees them', async () => {
    const file = await saved((book) => {
      book.addWorksheet('Plan').addRow(['Action', 12, 0.1 + 0.2, true, '  padded  ']);
    });
    const grid = await readXlsx(file);
    expect(grid.rows[0]!.map((c) => c.text)).toEqual(['Action', '12', '0.3', 'TRUE', '  padded  ']);
    expect(grid).toMatchObject({ source: file, sheet: 'Plan' });
  });

  it('shows numbers in plain decimal and percentage formats as the sheet does', async () => {
    const file = await saved((book) => {
      const sheet = book.addWorksheet('Plan');
      sheet.getCell('A1').value = 1.1;
      sheet.getCell('A1').numFmt = '0.00';
      sheet.getCell('B1').value = 0.25;
      sheet.getCell('B1').numFmt = '0%';
      sheet.getCell('C1').value = 12500;
      sheet.getCell('C1').numFmt = '#,##0';
    });
    expect((await readXlsx(file)).rows[0]!.map((c) => c.text)).toEqual(['1.10', '25%', '12,500']);
  });

  it('joins rich text, shows hyperlinks by their text, formulas by their result and errors by their code', async () => {
    const file = await saved((book) => {
      const sheet = book.addWorksheet('Plan');
      sheet.getCell('A1').value = { richText: [{ text: 'Map the ' }, { font: { bold: true }, text: 'front door' }] };
      sheet.getCell('B1').value = { text: 'Local Offer', hyperlink: 'https://example.org' };
      sheet.getCell('C1').value = { formula: 'IF(1,"Amber","Red")', result: 'Amber' };
      sheet.getCell('D1').value = { formula: '1+1', result: 2 };
      sheet.getCell('E1').value = { error: '#N/A' };
      sheet.getCell('F1').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    });
    const grid = await readXlsx(file);
    expect(grid.rows[0]!.map((c) => c.text)).toEqual(['Map the front door', 'Local Offer', 'Amber', '2', '#N/A']);
  });

  it('reads a date cell as a day when its format shows the day', async () => {
    const file = await saved((book) => {
      const sheet = book.addWorksheet('Plan');
      sheet.getCell('A1').value = utc(2018, 3, 31);
      sheet.getCell('A1').numFmt = 'dd/mm/yyyy';
      sheet.getCell('B1').value = utc(2024, 2, 29);
      sheet.getCell('C1').value = utc(2024, 5, 1, 14, 30);
      sheet.getCell('C1').numFmt = 'd mmm yyyy hh:mm';
    });
    const [row] = (await readXlsx(file)).rows;
    expect(row![0]).toEqual({ text: '31 Mar 2018', date: { date: '2018-03-31', precision: 'day' } });
    expect(row![1]!.date).toEqual({ date: '2024-02-29', precision: 'day' });
    expect(row![2]!.date).toEqual({ date: '2024-05-01', precision: 'day' });
  });

  it('reads a date cell formatted without a day (mmm-yy) as that month, due on its last day', async () => {
    const file = await saved((book) => {
      const sheet = book.addWorksheet('Plan');
      sheet.getCell('A1').value = utc(2023, 11, 1);
      sheet.getCell('A1').numFmt = 'mmm-yy';
      sheet.getCell('B1').value = utc(2024, 2, 1);
      sheet.getCell('B1').numFmt = 'mmmm yyyy';
    });
    const [row] = (await readXlsx(file)).rows;
    expect(row![0]).toEqual({ text: 'Nov 2023', date: { date: '2023-11-30', precision: 'month' } });
    expect(row![1]!.date).toEqual({ date: '2024-02-29', precision: 'month' });
  });

  it('reads a formula whose result is a date as that date', async () => {
    const file = await saved((book) => {
      const sheet = book.addWorksheet('Plan');
      sheet.getCell('A1').value = { formula: 'DATE(2024,6,1)', result: utc(2024, 6, 1) };
      sheet.getCell('A1').numFmt = 'mmm-yy';
    });
    expect((await readXlsx(file)).rows[0]![0]!.date).toEqual({ date: '2024-06-30', precision: 'month' });
  });

  it('repeats a cell merged down a column in every row it covers', async () => {
    const file = await saved((book) => {
      const sheet = book.addWorksheet('Plan');
      sheet.getCell('A1').value = 'Head of SEND';
      sheet.mergeCells('A1:A3');
      sheet.getCell('B3').value = 'x';
    });
    const grid = await readXlsx(file);
    expect(grid.rows.map((r) => r[0]!.text)).toEqual(['Head of SEND', 'Head of SEND', 'Head of SEND']);
  });

  it('keeps a cell merged across columns in its first cell and records how far it spans', async () => {
    const file = await saved((book) => {
      const sheet = book.addWorksheet('Plan');
      sheet.getCell('B1').value = 'Workstream C';
      sheet.mergeCells('B1:E1');
      sheet.getCell('F1').value = 'after';
    });
    const [row] = (await readXlsx(file)).rows;
    expect(row).toEqual([{ text: '' }, { text: 'Workstream C', span: 4 }, { text: '' }, { text: '' }, { text: '' }, { text: 'after' }]);
  });

  it('keeps row numbers true: row index 0 is spreadsheet row 1, blank rows included', async () => {
    const file = await saved((book) => {
      const sheet = book.addWorksheet('Plan');
      sheet.getCell('A1').value = 'Title';
      sheet.getCell('B4').value = 'Action';
    });
    const grid = await readXlsx(file);
    expect(grid.rows.map((r) => r.map((c) => c.text))).toEqual([['Title'], [], [], ['', 'Action']]);
  });
});

describe('choosing the sheet', () => {
  async function threeSheets(): Promise<string> {
    return saved((book) => {
      book.addWorksheet('Cover');
      const lists = book.addWorksheet('Lists', { state: 'hidden' });
      lists.addRow(['Green', 'Amber']);
      book.addWorksheet('Action Plan').addRow(['Action']);
      book.addWorksheet('Archive').addRow(['Old action']);
    });
  }

  it('takes the first visible sheet with data by default', async () => {
    const grid = await readXlsx(await threeSheets());
    expect(grid.sheet).toBe('Action Plan');
  });

  it('prefers, by default, the first sheet that holds a register over a notes sheet before it', async () => {
    const file = await saved((book) => {
      book.addWorksheet('Read me').addRow(['How to update this plan']);
      book.addWorksheet('Plan').addRow(['Action', 'Lead', 'Due Date']);
    });
    expect((await readXlsx(file)).sheet).toBe('Plan');
  });

  it('falls back to the first sheet with data when no sheet holds a register', async () => {
    const file = await saved((book) => {
      book.addWorksheet('Notes').addRow(['Budget']);
      book.addWorksheet('More notes').addRow(['Spend']);
    });
    expect((await readXlsx(file)).sheet).toBe('Notes');
  });

  it('takes the sheet named by --sheet, ignoring case', async () => {
    const file = await threeSheets();
    expect((await readXlsx(file, { sheet: 'Archive' })).rows[0]![0]!.text).toBe('Old action');
    expect((await readXlsx(file, { sheet: 'action plan' })).sheet).toBe('Action Plan');
  });

  it('refuses an unknown sheet, listing the sheets there are', async () => {
    const file = await threeSheets();
    await expect(readXlsx(file, { sheet: 'Plan 2024' })).rejects.toMatchObject({
      code: 'unknown-sheet',
      message: `"${file}" has no sheet named "Plan 2024"; its sheets are: "Cover", "Lists", "Action Plan", "Archive"`,
    });
  });

  it('refuses a workbook with nothing in it', async () => {
    const file = await saved((book) => {
      book.addWorksheet('Sheet1');
    });
    await expect(readXlsx(file)).rejects.toMatchObject({ code: 'empty', message: `"${file}" has no sheet with any data in it` });
  });
});

describe('refusing files that are not workbooks', () => {
  it('refuses binary garbage named .xlsx', async () => {
    const file = join(dir, 'garbage.xlsx');
    await writeFile(file, Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37 + 11) % 256)));
    await expect(readXlsx(file)).rejects.toMatchObject({
      code: 'not-a-spreadsheet',
      message: `"${file}" is not an .xlsx workbook (it is not a spreadsheet file Excel saves as .xlsx)`,
    });
  });

  it('refuses a zip without its end as cut short, naming the file', async () => {
    const file = join(dir, 'damaged.xlsx');
    await writeFile(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]));
    await expect(readXlsx(file)).rejects.toMatchObject({ code: 'cut-short' });
    await expect(readXlsx(file)).rejects.toThrow(`"${file}" could not be opened as an .xlsx workbook; it may be damaged`);
  });

  it('explains an old .xls (or password-protected) workbook saved as .xlsx', async () => {
    const file = join(dir, 'old.xlsx');
    await writeFile(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await expect(readXlsx(file)).rejects.toThrow(/old-style \.xls workbook or a password-protected one; save it from Excel as \.xlsx/);
  });

  it('refuses an empty file', async () => {
    const file = join(dir, 'empty.xlsx');
    await writeFile(file, '');
    await expect(readXlsx(file)).rejects.toMatchObject({ code: 'empty', message: `"${file}" is empty` });
  });
});

describe('formatShowsDay', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['d-mmm-yy', true],
    ['mm-dd-yy', true],
    ['[$-809]dd mmmm yyyy', true],
    ['mmm-yy', false],
    ['mmmm yyyy', false],
    ['[$-809]mmm-yy', false],
    ['mmm "deadline" yy', false],
    ['mmm\\ \\d yy', false],
    [undefined, true],
  ])('%s shows the day: %s', (numFmt, shows) => {
    expect(formatShowsDay(numFmt)).toBe(shows);
  });
});

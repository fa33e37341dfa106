import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterFileError, readRegisterFile, tryReadRegisterFile } from '../../../adapters/files/read-register-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stocktake-register-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readRegisterFile', () => {
  it('reads a .csv with the CSV reader', async () => {
    const grid = await readRegisterFile('examples/hull-send-plan.csv');
    expect(grid.sheet).toBeUndefined();
    expect(grid.rows).toHaveLength(64);
  });

  it('reads an .xlsx with the workbook reader, whatever the case of its extension', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Plan').addRow(['Action', 'Lead']);
    const file = join(dir, 'Plan.XLSX');
    await book.xlsx.writeFile(file);
    const grid = await readRegisterFile(file, { sheet: 'Plan' });
    expect(grid).toMatchObject({ source: file, sheet: 'Plan' });
  });

  it('ignores --sheet for a CSV, which has only one table', async () => {
    const grid = await readRegisterFile('test/fixtures/registers/no-title.csv', { sheet: 'Whatever' });
    expect(grid.rows).toHaveLength(2);
  });

  it('refuses an old .xls workbook by name, saying how to convert it', async () => {
    await expect(readRegisterFile('plan.xls')).rejects.toMatchObject({
      code: 'unsupported-type',
      message: '"plan.xls" is an old-style Excel 97-2003 workbook (.xls); save it from Excel as .xlsx or .csv',
    });
  });

  it('refuses other file types, and files with no extension', async () => {
    await expect(readRegisterFile('plan.pdf')).rejects.toThrow('"plan.pdf": ".pdf" files cannot be imported; use a .csv or .xlsx file');
    await expect(readRegisterFile('plan')).rejects.toThrow('"plan": a file with no extension cannot be imported; use a .csv or .xlsx file');
  });

  it('refuses a missing file, naming it', async () => {
    const file = join(dir, 'missing.xlsx');
    await expect(readRegisterFile(file)).rejects.toBeInstanceOf(RegisterFileError);
    await expect(readRegisterFile(file)).rejects.toMatchObject({ code: 'missing', file, message: `"${file}" does not exist` });
  });

  it('refuses binary garbage named .xlsx', async () => {
    const file = join(dir, 'garbage.xlsx');
    await writeFile(file, Buffer.from('\x00\x13\x7f garbage \xff\xfe', 'binary'));
    await expect(readRegisterFile(file)).rejects.toMatchObject({ code: 'not-a-spreadsheet' });
  });

  it('refuses an empty file', async () => {
    await expect(readRegisterFile('test/fixtures/registers/empty.csv')).rejects.toMatchObject({ code: 'empty' });
  });
});

describe('tryReadRegisterFile', () => {
  it('returns the grid when the file reads', async () => {
    const result = await tryReadRegisterFile('test/fixtures/registers/no-title.csv');
    expect(result.ok && result.grid.rows[0]![0]!.text).toBe('Priority');
  });

  it('returns a failure, not a throw, for a file its owner must fix', async () => {
    const result = await tryReadRegisterFile(join(dir, 'nope.csv'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('missing');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegisterFile } from '../../../adapters/files/read-register-file.ts';
import { interpretRegister } from '../../../src/domain/register/interpret.ts';

const FIXTURES = 'test/fixtures/registers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stocktake-layouts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * A register laid out as councils keep them in Excel: a title above the header, a section heading
 * merged across the table, a priority merged down its actions and one left blank to carry down,
 * a goal written once for several actions, refs like 1.2.3, real date cells and text dates.
 */
async function councilWorkbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Cover').addRow(['SEND Improvement Plan — read me first']);
  const sheet = book.addWorksheet('Action Plan');
  sheet.getCell('A1').value = 'SEND Improvement Plan 2024 (board version)';
  sheet.mergeCells('A1:I1');
  sheet.getCell('A2').value = 'Updated for the March board';
  sheet.addRow([]);
  sheet.getRow(4).values = ['Ref', 'Priority', 'Objective', 'Action', 'Lead', 'Start Date', 'Due Date', 'AFI', 'Status (RAG)'];
  // Section heading merged across the table.
  sheet.getCell('A5').value = '1. Communication and co-production';
  sheet.mergeCells('A5:I5');
  sheet.getRow(6).values = ['1.1.1', '', 'Improve the Local Offer', { richText: [{ text: 'Refresh the ' }, { text: 'Local Offer', font: { bold: true } }] }, 'Head of SEND', utc(2024, 2, 1), utc(2024, 11, 30), 'AFI1/AFI2', 'Green'];
  sheet.getCell('F6').numFmt = 'mmm-yy';
  sheet.getCell('G6').numFmt = 'dd/mm/yyyy';
  sheet.getRow(7).values = ['1.1.2', '', '', 'Run parent sessions', 'Family Engagement Manager', 'Feb-24', 'Dec-24', 'SEF', { formula: 'IF(TRUE,"Amber","Red")', result: 'Amber' }];
  sheet.addRow([]);
  // A priority named in its column, merged down over its actions; the lead merged down too.
  sheet.getRow(9).values = ['2.1.1', '2. Identify need early', 'Strengthen the graduated approach', 'Train SENCOs', 'Head of Inclusion', '', 'TBC', 'SEF/DBV', 'On track'];
  sheet.getRow(10).values = ['2.1.2', '', '', 'Refresh the toolkit', '', '', 'Mar-25', '', 'Not started'];
  sheet.mergeCells('B9:B10');
  sheet.mergeCells('E9:E10');
  // A goal with no action text of its own: the goal is its title.
  sheet.getRow(11).values = ['2.2.1', '', 'Audit EHC plans every term', '', 'Head of Quality', '', utc(2025, 4, 1), '', 'Red'];
  sheet.getCell('G11').numFmt = 'mmmm yyyy';
  const file = join(dir, 'council.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

describe('a council register in Excel', () => {
  it('passes over a cover sheet to the sheet that holds the register', async () => {
    expect((await readRegisterFile(await councilWorkbook())).sheet).toBe('Action Plan');
  });

  it('finds the header under the title, and reads headings, carried cells, refs and dates', async () => {
    const grid = await readRegisterFile(await councilWorkbook());
    expect(grid.sheet).toBe('Action Plan');
    const reading = interpretRegister(grid);
    expect(reading.errors).toEqual([]);
    expect(reading.headerRow).toBe(4);
    expect(reading.rows.map((r) => [r.row, r.generatedRef, r.workstream?.name, r.objective, r.title, r.leadsText])).toEqual([
      [6, '1.1.1', '1. Communication and co-production', 'Improve the Local Offer', 'Refresh the Local Offer', 'Head of SEND'],
      [7, '1.1.2', '1. Communication and co-production', 'Improve the Local Offer', 'Run parent sessions', 'Family Engagement Manager'],
      [9, '2.1.1', '2. Identify need early', 'Strengthen the graduated approach', 'Train SENCOs', 'Head of Inclusion'],
      [10, '2.1.2', '2. Identify need early', 'Strengthen the graduated approach', 'Refresh the toolkit', 'Head of Inclusion'],
      [11, '2.2.1', '2. Identify need early', 'Audit EHC plans every term', 'Audit EHC plans every term', 'Head of Quality'],
    ]);
    expect(reading.workstreams).toEqual([
      { ref: '1', name: '1. Communication and co-production' },
      { ref: '2', name: '2. Identify need early' },
    ]);
  });

  it('takes an mmm-yy date cell as a month and a dd/mm/yyyy one as a day, with no warning', async () => {
    const reading = interpretRegister(await readRegisterFile(await councilWorkbook()));
    const [first, second, , , fifth] = reading.rows;
    expect(first).toMatchObject({ start: { date: '2024-02-29', precision: 'month' }, due: { date: '2024-11-30', precision: 'day' }, links: ['AFI1', 'AFI2'], statusWord: 'Green' });
    expect(second).toMatchObject({ start: { date: '2024-02-29', precision: 'month' }, due: { date: '2024-12-31', precision: 'month' }, statusWord: 'Amber' });
    expect(fifth!.due).toEqual({ date: '2025-04-30', precision: 'month' });
    expect(reading.warnings).toEqual([{ row: 9, column: 'Due Date', message: 'no date yet ("TBC")' }]);
  });

  it('reads the sheet named with --sheet', async () => {
    const grid = await readRegisterFile(await councilWorkbook(), { sheet: 'Cover' });
    const reading = interpretRegister(grid);
    expect(grid.sheet).toBe('Cover');
    expect(reading.errors[0]!.message).toMatch(/^no header row found/);
  });
});

describe('a council register saved as CSV', () => {
  it('reads a Kirklees-style plan: notes above the header, headings in the goals column, goals carried down', async () => {
    const reading = interpretRegister(await readRegisterFile(`${FIXTURES}/council-layout.csv`));
    expect(reading.errors).toEqual([]);
    expect(reading.headerRow).toBe(4);
    expect(reading.rows.map((r) => [r.row, r.generatedRef, r.workstream?.ref, r.title.split('\n')[0]])).toEqual([
      [6, '1.1', '1', 'Establishing key performance indicators for SEND'],
      [7, '1.2', '1', 'Ability to produce Demand and Capacity Analysis.'],
      [10, '2.1', '2', 'Clear accountability pathway in place'],
      [11, '2.2', '2', 'Co-produced SEND Strategy and implementation plan developed'],
      [12, '2.3', '2', 'Review the Local Offer'],
    ]);
    expect(reading.rows[3]!.objective).toBe('Clear accountability and governance of SEND');
    expect(reading.rows[0]).toMatchObject({
      leadsText: "Health Lead – Head of Children's Joint Commissioning\nEducation Lead - Ronnie Hartley",
      links: ['2.6 - Peer review action plan'],
      progress: 'There is a lot of data but it is held across teams',
      due: { date: '2021-01-31', precision: 'month' },
    });
    expect(reading.rows[1]).toMatchObject({ due: { date: '2020-04-30' }, milestones: [{ date: '2019-11-30' }, { date: '2019-12-31' }] });
    expect(reading.warnings.map((w) => [w.row, w.column, w.message.split(':')[0]])).toEqual([
      [7, 'By when', 'several dates in "Nov 19 Dec 19 April 2020"'],
      [10, 'By when', 'could not read a date in "Ongoing"'],
      [11, 'By when', 'no date yet ("TBC")'],
    ]);
  });
});

describe('malformed registers', () => {
  it('refuses a CSV with no action title column, listing its headers', async () => {
    const reading = interpretRegister(await readRegisterFile(`${FIXTURES}/no-title.csv`));
    expect(reading.rows).toEqual([]);
    expect(reading.errors).toEqual([
      {
        row: 1,
        message:
          'no column for the action title (e.g. "Action", "Task", "What we will do"); the headers found (row 1) are: "Priority", "Lead", "Due Date", "Status". Name it with --map title=HEADER',
      },
    ]);
  });

  it('accepts the same CSV once --map names the title column', async () => {
    const reading = interpretRegister(await readRegisterFile(`${FIXTURES}/no-title.csv`), { map: { title: 'priority', workstream: 'Lead' } });
    expect(reading.errors).toEqual([]);
    expect(reading.rows[0]!.title).toBe('1. Communication');
  });

  it('refuses a register that gives one ref to two actions, naming both rows', async () => {
    const reading = interpretRegister(await readRegisterFile(`${FIXTURES}/duplicate-refs.csv`));
    expect(reading.errors).toEqual([{ row: 4, column: 'Ref', message: 'ref "1.1" is given to rows 2 and 4; each action needs its own ref' }]);
  });

  it('refuses a register with a header and no actions', async () => {
    const reading = interpretRegister(await readRegisterFile(`${FIXTURES}/header-only.csv`));
    expect(reading.errors).toEqual([{ row: 1, message: 'no actions found below the header row (row 1)' }]);
  });
});

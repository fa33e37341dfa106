import { beforeAll, describe, expect, it } from 'vitest';
import { readRegisterFile } from '../../../adapters/files/read-register-file.ts';
import type { RegisterReading } from '../../../src/domain/register/interpret.ts';
import { interpretRegister } from '../../../src/domain/register/interpret.ts';

/** Hull's SEND strategic plan register: 63 actions, 6 priorities, no refs. */
describe('the Hull register', () => {
  let reading: RegisterReading;
  beforeAll(async () => {
    reading = interpretRegister(await readRegisterFile('examples/hull-send-plan.csv'));
  });

  it('reads 63 actions under 6 priorities, without errors', () => {
    expect(reading.errors).toEqual([]);
    expect(reading.headerRow).toBe(1);
    expect(reading.rows).toHaveLength(63);
    expect(reading.workstreams.map((w) => w.ref)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(reading.workstreams[2]!.name).toMatch(/^3\. To identify need early/);
  });

  it('recognises every column, telling the goal from the action', () => {
    expect(Object.fromEntries(Object.entries(reading.columns).map(([field, c]) => [field, c.index]))).toEqual({
      workstream: 0,
      objective: 1,
      title: 2,
      successCriteria: 3,
      impactMeasures: 4,
      lead: 5,
      start: 6,
      due: 7,
      links: 8,
      status: 9,
    });
    expect(reading.ignoredHeaders).toEqual([]);
  });

  it('makes refs 1.1 … 6.13 from the priority numbers', () => {
    const refs = reading.rows.map((r) => r.generatedRef);
    const counts = [6, 8, 20, 11, 5, 13];
    expect(refs).toEqual(counts.flatMap((n, w) => Array.from({ length: n }, (_, i) => `${w + 1}.${i + 1}`)));
    expect(reading.rows.every((r) => r.ref === null)).toBe(true);
  });

  it('reads the first action in full', () => {
    expect(reading.rows[0]).toMatchObject({
      row: 2,
      generatedRef: '1.1',
      objective: 'Measure the impact of strategic actions of the Local Area Partnership (LAP)',
      title: 'Communicate transparently agreed timescales for service responses',
      leadsText: 'Assistant Director Learning and Skills.',
      start: { date: '2023-02-28', precision: 'month' },
      due: { date: '2023-11-30', precision: 'month' },
      links: ['SEF'],
      statusWord: 'On track some concerns',
    });
  });

  it('reads its odd dates: "May- 24" and "Review August 2024" are months, "24-Apr" is April 2024', () => {
    const byRow = new Map(reading.rows.map((r) => [r.row, r]));
    expect(byRow.get(43)!.start).toEqual({ date: '2024-05-31', precision: 'month' });
    expect(byRow.get(55)!.due).toEqual({ date: '2024-08-31', precision: 'month' });
    expect(byRow.get(27)!.due).toEqual({ date: '2024-04-30', precision: 'month' });
    expect(byRow.get(10)!.due).toBeNull();
  });

  it('warns only of genuinely odd cells: two TBCs, two "24-Apr"s and two due dates before their start', () => {
    const april = '"24-Apr" read as the month Apr 2024 (two digits and a month with no year are taken as the month and year)';
    expect(reading.warnings).toEqual([
      { row: 10, column: 'Due Date', message: 'no date yet ("TBC")' },
      { row: 13, column: 'Due Date', message: 'due Feb 2025 is before the start, Apr 2025' },
      { row: 27, column: 'Due Date', message: april },
      { row: 28, column: 'Due Date', message: april },
      { row: 48, column: 'Due Date', message: 'due Jan 2023 is before the start, Feb 2023' },
      { row: 59, column: 'Due Date', message: 'no date yet ("TBC")' },
    ]);
  });

  it('splits links into codes, keeping a phrase whole', () => {
    const byRow = new Map(reading.rows.map((r) => [r.row, r.links]));
    expect(byRow.get(3)).toEqual(['AFI4', 'AF15']);
    expect(byRow.get(9)).toEqual(['SEF', 'DBV']);
    expect(byRow.get(15)).toEqual(['AFI4', 'AFI5']);
    expect(byRow.get(23)).toEqual(['SEND Sufficiency high needs capital spend strategy']);
    expect(byRow.get(55)).toEqual(['ASC Programme']);
  });
});

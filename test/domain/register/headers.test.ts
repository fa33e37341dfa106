import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/domain/register/grid.ts';
import { checkFieldMap, fieldScore, findHeaderRow, REGISTER_FIELDS } from '../../../src/domain/register/headers.ts';
import type { RegisterField } from '../../../src/domain/register/headers.ts';

const row = (...texts: string[]): Cell[] => texts.map((text) => ({ text }));

/** The field each header is recognised as, in column order ('-' when none). */
function fieldsOf(headers: string[]): string[] {
  const match = findHeaderRow([row(...headers)]);
  if (!match.ok) throw new Error(match.message);
  const byIndex = new Map(Object.entries(match.columns).map(([field, ref]) => [ref.index, field]));
  return headers.map((_, i) => byIndex.get(i) ?? '-');
}

const HULL = [
  'Priority',
  'What do we want to achieve and what is needed to make this happen?',
  'What is needed to make this happen and what we will do to achieve our improvement ambition',
  'Intended outcomes and Impact',
  'Impact Measures',
  'Strategic Lead',
  'Start Date',
  'Due Date',
  'SEF/DBV/AFI (no)',
  'Status (RAGP)',
];

describe('recognising columns by meaning', () => {
  it("reads Hull's headers, telling its two 'what is needed to make this happen' columns apart", () => {
    expect(fieldsOf(HULL)).toEqual([
      'workstream',
      'objective',
      'title',
      'successCriteria',
      'impactMeasures',
      'lead',
      'start',
      'due',
      'links',
      'status',
    ]);
  });

  it("reads Kirklees' headers", () => {
    expect(
      fieldsOf(['Goals', 'Actions to bring about improvement', 'Success criteria', 'Progress and next steps', 'By when', 'Staff/Lead responsible', 'Linked Plans', 'Status']),
    ).toEqual(['objective', 'title', 'successCriteria', 'progress', 'due', 'lead', 'links', 'status']);
  });

  it('reads a plain register with a ref column and RAG', () => {
    expect(fieldsOf(['Ref', 'Workstream', 'Objective', 'Action', 'Lead officer', 'Start', 'Deadline', 'Area of weakness', 'RAG'])).toEqual([
      'ref',
      'workstream',
      'objective',
      'title',
      'lead',
      'start',
      'due',
      'links',
      'status',
    ]);
  });

  it.each<[string, RegisterField]>([
    ['Theme', 'workstream'],
    ['Area', 'workstream'],
    ['Outcome area', 'objective'],
    ['Goal', 'objective'],
    ['Task', 'title'],
    ['Key activity', 'title'],
    ['Outcomes', 'successCriteria'],
    ['KPIs', 'impactMeasures'],
    ['Evidence', 'impactMeasures'],
    ['Owner', 'lead'],
    ['Responsible', 'lead'],
    ['Action owner', 'lead'],
    ['Target date', 'due'],
    ['Timescale', 'due'],
    ['AFI', 'links'],
    ['BRAG', 'status'],
    ['Progress rating', 'status'],
    ['Action No', 'ref'],
  ])('recognises "%s" as %s', (header, field) => {
    const best = REGISTER_FIELDS.map((f) => [f, fieldScore(header, f)] as const).sort((a, b) => b[1] - a[1])[0]!;
    expect(best[0]).toBe(field);
    expect(best[1]).toBeGreaterThan(0);
  });

  it('gives no field to a header nobody could place', () => {
    expect(REGISTER_FIELDS.every((f) => fieldScore('Budget (£k)', f) === 0)).toBe(true);
    expect(REGISTER_FIELDS.every((f) => fieldScore('', f) === 0)).toBe(true);
  });

  it('reads headers broken over lines in a cell', () => {
    expect(fieldsOf(['Action', 'Due\nDate'])).toEqual(['title', 'due']);
  });

  it('uses each column once and each field once, the clearer header winning', () => {
    expect(fieldsOf(['Action', 'Actions', 'Status', 'Status update'])).toEqual(['title', '-', 'status', 'progress']);
  });

  it('lists headers that name no field', () => {
    const match = findHeaderRow([row('Action', 'Budget', 'Lead')]);
    expect(match.ok && match.ignored).toEqual([{ index: 1, header: 'Budget' }]);
  });
});

describe('finding the header row', () => {
  it('finds it below a title and notes, choosing the row that names the most fields', () => {
    const match = findHeaderRow([
      row('SEND Improvement Action Plan'),
      row('Draft for the board, March'),
      row(),
      row('Ref', 'Action', 'Lead', 'Due Date', 'Status'),
      row('1.1', 'Do a thing', 'Head of SEND', 'Nov-23', 'Green'),
    ]);
    expect(match.ok && match.headerIndex).toBe(3);
  });

  it('looks no further than the first twenty rows', () => {
    const rows = [...Array.from({ length: 20 }, () => row('Budget (£k)')), row('Action', 'Lead')];
    const match = findHeaderRow(rows);
    expect(match.ok).toBe(false);
    expect(!match.ok && match.message).toMatch(/no header row found in the first 20 rows/);
  });

  it('refuses a table with no action title column, listing the headers it found', () => {
    const match = findHeaderRow([row('Priority', 'Lead', 'Due Date', 'Status')]);
    expect(match.ok).toBe(false);
    expect(!match.ok && match.message).toBe(
      'no column for the action title (e.g. "Action", "Task", "What we will do"); the headers found (row 1) are: "Priority", "Lead", "Due Date", "Status". Name it with --map title=HEADER',
    );
  });

  it('lets --map name a column, matching its header ignoring case and spaces', () => {
    const match = findHeaderRow([row('Priority', 'The Thing', 'Lead')], { title: 'the  THING' });
    expect(match.ok && match.columns.title).toEqual({ index: 1, header: 'The Thing' });
  });

  it('lets --map take a column the words alone would give to another field', () => {
    const match = findHeaderRow([row('Action', 'Outcomes', 'Lead')], { title: 'Outcomes', objective: 'Action' });
    expect(match.ok && match.columns).toMatchObject({ title: { index: 1 }, objective: { index: 0 }, lead: { index: 2 } });
  });

  it('refuses a --map header that is not there, listing the headers found', () => {
    const match = findHeaderRow([row('Action', 'Lead', 'Due Date')], { lead: 'Owner' });
    expect(match.ok).toBe(false);
    expect(!match.ok && match.message).toBe('--map lead=Owner: there is no column headed "Owner"; the headers found (row 1) are: "Action", "Lead", "Due Date"');
  });
});

describe('checkFieldMap', () => {
  it('accepts field names in any case', () => {
    expect(checkFieldMap({ Title: 'Task', SUCCESSCRITERIA: 'Outcomes' })).toEqual({ ok: true, map: { title: 'Task', successCriteria: 'Outcomes' } });
  });

  it('names an unknown field and lists the fields', () => {
    const checked = checkFieldMap({ titel: 'Action' });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toMatch(/^--map titel=Action: "titel" is not a register field; the fields are ref, workstream, objective, title/);
  });
});

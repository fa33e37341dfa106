import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Brag } from '../../../src/domain/brag.ts';
import type { DueDate } from '../../../src/domain/calendar-date.ts';
import { lastDayOfMonth } from '../../../src/domain/dates/calendar.ts';
import type { ReportAction, ReportContext, ReportUpdate } from '../../../src/domain/report/types.ts';
import { mapStatusWord } from '../../../src/domain/status/status-words.ts';

/** Plain-value builders for report tests: only what a test cares about needs saying. */

export const day = (date: string): DueDate => ({ date, precision: 'day' });
export const month = (date: string): DueDate => ({ date, precision: 'month' });

export function update(overrides: Partial<Omit<ReportUpdate, 'at'>> & { at: Date | string }): ReportUpdate {
  const { at, ...rest } = overrides;
  return {
    status: 'green',
    statusWord: 'On track',
    note: null,
    author: 'Priya Shah',
    source: 'slack',
    ...rest,
    at: typeof at === 'string' ? new Date(at) : at,
  };
}

let nextId = 0;

export function action(overrides: Partial<ReportAction> = {}): ReportAction {
  nextId += 1;
  const due = overrides.due === undefined ? day('2025-06-30') : overrides.due;
  return {
    id: `a${nextId}`,
    ref: '1.1',
    title: `Action ${nextId}`,
    workstream: '1. Communication',
    workstreamRef: '1',
    leads: ['Priya Shah'],
    leadPersonIds: ['p-priya'],
    due,
    originalDue: overrides.originalDue === undefined ? due : overrides.originalDue,
    dueRevisions: 0,
    status: 'green',
    statusWord: 'On track',
    inRegister: true,
    updates: [],
    ...overrides,
  };
}

export function context(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    programme: 'Hull SEND',
    board: 'SEND Partnership Board',
    asOf: '2025-03-14',
    cycleStart: new Date('2025-03-03T09:30:00Z'),
    previousCutoff: new Date('2025-02-10T12:00:00Z'),
    nextMeeting: '2025-04-15',
    ...overrides,
  };
}

/** The note every renderer must keep as plain text. */
export const HOSTILE_NOTE = 'Costs | budget *agreed* _soon_ <script>alert(1)</script> [click](javascript:alert(1)) & &lt;';

/**
 * Hull's real register (examples/hull-send-plan.csv) as report actions: six priorities with
 * long names, refs made from priority and position, month due dates, Hull's own status words.
 */
export function hullActions(): ReportAction[] {
  const file = fileURLToPath(new URL('../../../examples/hull-send-plan.csv', import.meta.url));
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const positions = new Map<string, number>();
  return rows.map((row, i) => {
    const workstream = row['Priority']!.trim();
    const workstreamRef = /^(\d+)\./.exec(workstream)?.[1] ?? null;
    const position = (positions.get(workstream) ?? 0) + 1;
    positions.set(workstream, position);
    const word = row['Status (RAGP)']!.trim();
    const status: Brag = mapStatusWord(word).brag;
    const leads = row['Strategic Lead']!.split('/').map((l) => l.trim()).filter((l) => l !== '');
    const due = monthDue(row['Due Date']!);
    return {
      id: `hull-${i + 1}`,
      ref: `${workstreamRef}.${position}`,
      title: row['What is needed to make this happen and what we will do to achieve our improvement ambition']!.trim(),
      workstream,
      workstreamRef,
      leads,
      leadPersonIds: [],
      due,
      originalDue: due,
      dueRevisions: 0,
      status,
      statusWord: word,
      inRegister: true,
      updates: [],
    };
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthDue(cell: string): DueDate | null {
  const m = /^([A-Za-z]{3})-(\d{2})$/.exec(cell.trim());
  if (!m) return null;
  const monthIndex = MONTHS.indexOf(m[1]!);
  if (monthIndex < 0) return null;
  return { date: lastDayOfMonth(2000 + Number(m[2]), monthIndex + 1), precision: 'month' };
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Brag } from '../../../src/domain/brag.ts';
import type { DueDate } from '../../../src/domain/calendar-date.ts';
import { planImport, type ExistingAction, type ImportPlan, type PlannedCreate } from '../../../src/domain/import/import-plan.ts';
import { actionMatchKey, workstreamKey } from '../../../src/domain/import/match-key.ts';
import type { DirectoryPerson } from '../../../src/domain/leads/resolve-lead.ts';
import { gridFromText } from '../../../src/domain/register/grid.ts';
import { interpretRegister, type RegisterRow, type Workstream } from '../../../src/domain/register/interpret.ts';

const day = (date: string): DueDate => ({ date, precision: 'day' });
const month = (date: string): DueDate => ({ date, precision: 'month' });

const COMMUNICATION: Workstream = { ref: '1', name: '1. Communication' };
const IDENTIFY: Workstream = { ref: '3', name: '3. To identify need early' };

/** A register row with only what a test cares about said. */
function row(overrides: Partial<RegisterRow> = {}): RegisterRow {
  return {
    row: 2,
    ref: null,
    generatedRef: '1.1',
    workstream: COMMUNICATION,
    objective: null,
    title: 'Map the front door',
    successCriteria: null,
    impactMeasures: null,
    leadsText: null,
    start: null,
    due: null,
    milestones: [],
    links: [],
    statusWord: 'On track',
    progress: null,
    ...overrides,
  };
}

let nextId = 0;

/** An action as the store would hold it after importing `from`. */
function stored(from: RegisterRow, overrides: Partial<ExistingAction> = {}): ExistingAction {
  nextId += 1;
  const path = [from.workstream?.name ?? 'Unassigned', ...(from.objective ? [from.objective] : [])];
  return {
    id: `a${nextId}`,
    ref: from.ref ?? from.generatedRef,
    refGenerated: from.ref === null,
    matchKey: actionMatchKey(path, from.title),
    workstreamKey: workstreamKey(path),
    title: from.title,
    successCriteria: from.successCriteria,
    impactMeasures: from.impactMeasures,
    start: from.start,
    due: from.due,
    links: [...from.links],
    leadsText: from.leadsText ?? '',
    importedStatusWord: from.statusWord,
    inRegister: true,
    ...overrides,
  };
}

function person(overrides: Partial<DirectoryPerson> & Pick<DirectoryPerson, 'id' | 'name'>): DirectoryPerson {
  return { email: null, jobTitle: null, aliases: [], ...overrides };
}

function plan(options: {
  rows: RegisterRow[];
  existing?: ExistingAction[];
  directory?: DirectoryPerson[];
  statusWords?: Record<string, Brag>;
}): ImportPlan {
  return planImport({
    rows: options.rows,
    existing: options.existing ?? [],
    directory: options.directory ?? [],
    ...(options.statusWords ? { statusWords: options.statusWords } : {}),
    columns: { status: 'Status', lead: 'Lead' },
  });
}

/** What the store would hold after applying a first import's creates. */
function storedFromCreates(creates: readonly PlannedCreate[]): ExistingAction[] {
  return creates.map((c, i) => ({
    id: `stored-${i + 1}`,
    ref: c.ref,
    refGenerated: c.refGenerated,
    matchKey: c.matchKey,
    workstreamKey: c.workstreamKey,
    title: c.title,
    successCriteria: c.successCriteria,
    impactMeasures: c.impactMeasures,
    start: c.start,
    due: c.due,
    links: [...c.links],
    leadsText: c.leadsText,
    importedStatusWord: c.statusWord,
    inRegister: true,
  }));
}

describe('planImport: a first import', () => {
  it('creates every row, keeping the refs the register gives', () => {
    const result = plan({
      rows: [
        row({ row: 2, ref: '1.1', generatedRef: '1.1', title: 'Map the front door' }),
        row({ row: 3, ref: '1.2', generatedRef: '1.2', title: 'Publish the local offer' }),
      ],
    });
    expect(result.creates.map((c) => [c.ref, c.refGenerated, c.title])).toEqual([
      ['1.1', false, 'Map the front door'],
      ['1.2', false, 'Publish the local offer'],
    ]);
    expect(result).toMatchObject({ updates: [], unchanged: 0, removed: [], warnings: [], unresolvedLeads: [] });
  });

  it('keeps the refs made for a register that has none, and marks them as made', () => {
    const result = plan({
      rows: [
        row({ row: 2, generatedRef: '3.1', workstream: IDENTIFY, title: 'Screen at two' }),
        row({ row: 3, generatedRef: '3.2', workstream: IDENTIFY, title: 'Train health visitors' }),
      ],
    });
    expect(result.creates.map((c) => [c.ref, c.refGenerated])).toEqual([
      ['3.1', true],
      ['3.2', true],
    ]);
  });

  it("carries each row's fields, its status and its place in the register into the plan", () => {
    const [create] = plan({
      rows: [
        row({
          row: 7,
          ref: '1.4',
          generatedRef: '1.4',
          objective: 'Clear pathways',
          title: 'Map the front door',
          successCriteria: 'Parents know where to go',
          impactMeasures: 'Complaints down',
          leadsText: 'Head of SEND',
          start: month('2023-02-28'),
          due: day('2024-03-31'),
          milestones: [month('2023-11-30')],
          links: ['SEF', 'AFI2'],
          statusWord: 'On track some concerns',
        }),
      ],
    }).creates;
    expect(create).toEqual({
      ref: '1.4',
      refGenerated: false,
      status: 'amber',
      statusWord: 'On track some concerns',
      title: 'Map the front door',
      successCriteria: 'Parents know where to go',
      impactMeasures: 'Complaints down',
      start: month('2023-02-28'),
      due: day('2024-03-31'),
      milestones: [month('2023-11-30')],
      links: ['SEF', 'AFI2'],
      leadsText: 'Head of SEND',
      leads: [{ name: 'Head of SEND', personId: null }],
      workstreamKey: '1. communication > clear pathways',
      matchKey: '1. communication > clear pathways :: map the front door',
      position: 0,
      sourceRow: 7,
    });
  });

  it('numbers positions in register order', () => {
    const result = plan({
      rows: [row({ ref: 'A1', title: 'One' }), row({ ref: 'A2', title: 'Two' }), row({ ref: 'A3', title: 'Three' })],
    });
    expect(result.creates.map((c) => c.position)).toEqual([0, 1, 2]);
  });
});

describe('planImport: re-importing a register with refs', () => {
  it('counts a row that has not changed as unchanged and plans nothing for it', () => {
    const before = row({ ref: '1.1', generatedRef: '1.1', due: month('2023-11-30'), leadsText: 'Head of SEND', links: ['SEF'] });
    const result = plan({ rows: [before], existing: [stored(before)] });
    expect(result).toMatchObject({ creates: [], updates: [], unchanged: 1, removed: [] });
  });

  it('updates a row whose title and due date changed, naming what changed', () => {
    const before = row({ ref: '1.1', generatedRef: '1.1', title: 'Map the front door', due: month('2023-11-30') });
    const existing = stored(before);
    const result = plan({
      rows: [{ ...before, title: 'Map and publish the front door', due: month('2024-01-31') }],
      existing: [existing],
    });
    expect(result.creates).toEqual([]);
    expect(result.unchanged).toBe(0);
    expect(result.updates).toHaveLength(1);
    expect(result.updates[0]).toMatchObject({
      id: existing.id,
      ref: '1.1',
      changed: ['title', 'due'],
      status: null,
      dueRevised: true,
      restored: false,
    });
    expect(result.updates[0]!.fields).toMatchObject({ title: 'Map and publish the front door', due: month('2024-01-31') });
  });

  it('names every kind of field that can change, in a fixed order', () => {
    const before = row({
      ref: '1.1',
      generatedRef: '1.1',
      successCriteria: 'Parents know where to go',
      impactMeasures: 'Complaints down',
      start: month('2023-02-28'),
      due: month('2023-11-30'),
      links: ['SEF'],
      leadsText: 'Head of SEND',
    });
    const result = plan({
      rows: [
        {
          ...before,
          title: 'A new title',
          successCriteria: 'Every parent knows where to go',
          impactMeasures: null,
          start: month('2023-03-31'),
          due: month('2023-12-31'),
          links: ['SEF', 'DBV'],
          leadsText: 'Head of Service (SEND)',
          workstream: IDENTIFY,
        },
      ],
      existing: [stored(before)],
    });
    expect(result.updates[0]!.changed).toEqual(['title', 'success criteria', 'impact measures', 'start', 'due', 'links', 'leads', 'workstream']);
  });

  it('matches by ref even when the title was rewritten, so nothing is duplicated', () => {
    const before = row({ ref: '2.3', generatedRef: '2.3', title: 'Old wording' });
    const result = plan({ rows: [{ ...before, title: 'Completely different wording' }], existing: [stored(before)] });
    expect(result.creates).toEqual([]);
    expect(result.removed).toEqual([]);
    expect(result.updates.map((u) => u.changed)).toEqual([['title']]);
  });

  it('creates a row with a ref it has not seen beside the ones it matched', () => {
    const kept = row({ ref: '1.1', generatedRef: '1.1' });
    const result = plan({ rows: [kept, row({ row: 3, ref: '1.2', generatedRef: '1.2', title: 'Something new' })], existing: [stored(kept)] });
    expect(result.unchanged).toBe(1);
    expect(result.creates.map((c) => c.ref)).toEqual(['1.2']);
  });

  it('counts links in a new order as a change', () => {
    const before = row({ ref: '1.1', links: ['SEF', 'DBV'] });
    const result = plan({ rows: [{ ...before, links: ['DBV', 'SEF'] }], existing: [stored(before)] });
    expect(result.updates[0]!.changed).toEqual(['links']);
  });
});

describe('planImport: re-importing a register without refs', () => {
  it('matches a row by workstream and title, ignoring case and white space', () => {
    const before = row({ generatedRef: '1.1', title: 'Map the front door' });
    const existing = stored(before);
    const result = plan({
      rows: [row({ generatedRef: '1.1', workstream: { ref: '1', name: '1.  COMMUNICATION' }, title: '  map the   FRONT door ' })],
      existing: [existing],
    });
    expect(result.creates).toEqual([]);
    expect(result.removed).toEqual([]);
    expect(result.updates.map((u) => [u.id, u.changed])).toEqual([[existing.id, ['title']]]);
  });

  it('matches a row that moved down its priority by its title, not by its place', () => {
    const first = row({ generatedRef: '1.1', title: 'Map the front door' });
    const second = row({ generatedRef: '1.2', title: 'Publish the local offer' });
    const result = plan({
      rows: [
        { ...second, generatedRef: '1.1' },
        { ...first, generatedRef: '1.2' },
      ],
      existing: [stored(first), stored(second)],
    });
    expect(result).toMatchObject({ creates: [], updates: [], removed: [], unchanged: 2 });
  });

  it('matches two rows with the same title in one workstream to two stored actions in turn', () => {
    const a = row({ generatedRef: '1.1', title: 'Review', due: month('2024-01-31') });
    const b = row({ generatedRef: '1.2', title: 'Review', due: month('2024-06-30') });
    const storedA = stored(a);
    const storedB = stored(b);
    const result = plan({ rows: [a, b], existing: [storedA, storedB] });
    expect(result).toMatchObject({ creates: [], removed: [], unchanged: 2 });
  });

  it('does not match the same title in another workstream', () => {
    const before = row({ generatedRef: '1.1', title: 'Train staff' });
    const result = plan({ rows: [row({ generatedRef: '3.1', workstream: IDENTIFY, title: 'Train staff' })], existing: [stored(before)] });
    expect(result.creates.map((c) => c.title)).toEqual(['Train staff']);
    expect(result.removed.map((r) => r.ref)).toEqual(['1.1']);
  });

  it('gives a row added later the next free number in its priority', () => {
    const screen = row({ generatedRef: '3.1', workstream: IDENTIFY, title: 'Screen at two' });
    const train = row({ generatedRef: '3.2', workstream: IDENTIFY, title: 'Train health visitors' });
    const result = plan({
      rows: [
        row({ generatedRef: '3.1', workstream: IDENTIFY, title: 'Open a family hub' }),
        { ...screen, generatedRef: '3.2' },
        { ...train, generatedRef: '3.3' },
      ],
      existing: [stored(screen), stored(train)],
    });
    expect(result.creates.map((c) => [c.title, c.ref, c.refGenerated])).toEqual([['Open a family hub', '3.3', true]]);
    expect(result.unchanged).toBe(2);
  });

  it('gives two rows added at once two different free numbers', () => {
    const screen = row({ generatedRef: '3.1', workstream: IDENTIFY, title: 'Screen at two' });
    const train = row({ generatedRef: '3.2', workstream: IDENTIFY, title: 'Train health visitors' });
    const result = plan({
      rows: [
        row({ generatedRef: '3.1', workstream: IDENTIFY, title: 'Open a family hub' }),
        row({ generatedRef: '3.2', workstream: IDENTIFY, title: 'Run drop-in sessions' }),
        { ...screen, generatedRef: '3.3' },
        { ...train, generatedRef: '3.4' },
      ],
      existing: [stored(screen), stored(train)],
    });
    expect(result.creates.map((c) => c.ref)).toEqual(['3.3', '3.4']);
  });

  it('keeps a made ref that nobody holds yet', () => {
    const screen = row({ generatedRef: '3.1', workstream: IDENTIFY, title: 'Screen at two' });
    const result = plan({
      rows: [screen, row({ generatedRef: '3.2', workstream: IDENTIFY, title: 'Train health visitors' })],
      existing: [stored(screen), stored(row({ generatedRef: '1.2', title: 'Elsewhere' }))],
    });
    expect(result.creates.map((c) => c.ref)).toEqual(['3.2']);
  });

  it('skips a number held by an action that is no longer in the register', () => {
    const gone = row({ generatedRef: '3.1', workstream: IDENTIFY, title: 'Dropped action' });
    const result = plan({
      rows: [row({ generatedRef: '3.1', workstream: IDENTIFY, title: 'Brand new action' })],
      existing: [stored(gone, { inRegister: false })],
    });
    expect(result.creates.map((c) => c.ref)).toEqual(['3.2']);
  });

  it('treats a reworded title as a new action and flags the old one, as there is no ref to follow', () => {
    const before = row({ generatedRef: '1.1', title: 'Map the front door' });
    const existing = stored(before);
    const result = plan({ rows: [{ ...before, title: 'Map the digital front door' }], existing: [existing] });
    expect(result.creates.map((c) => [c.title, c.ref])).toEqual([['Map the digital front door', '1.2']]);
    expect(result.removed).toEqual([{ id: existing.id, ref: '1.1' }]);
  });
});

describe('planImport: rows that vanish and come back', () => {
  it('flags a row that is no longer in the register rather than deleting it', () => {
    const kept = row({ ref: '1.1' });
    const gone = row({ ref: '1.2', title: 'Publish the local offer' });
    const goneStored = stored(gone);
    const result = plan({ rows: [kept], existing: [stored(kept), goneStored] });
    expect(result.removed).toEqual([{ id: goneStored.id, ref: '1.2' }]);
    expect(result.updates).toEqual([]);
    expect(result.unchanged).toBe(1);
  });

  it('does not flag again an action that was already flagged', () => {
    const gone = row({ ref: '1.2', title: 'Publish the local offer' });
    const result = plan({ rows: [row({ ref: '1.1' })], existing: [stored(gone, { inRegister: false })] });
    expect(result.removed).toEqual([]);
  });

  it('restores a flagged action that reappears, even when nothing else about it changed', () => {
    const back = row({ ref: '1.2', title: 'Publish the local offer' });
    const existing = stored(back, { inRegister: false });
    const result = plan({ rows: [back], existing: [existing] });
    expect(result.unchanged).toBe(0);
    expect(result.creates).toEqual([]);
    expect(result.updates).toEqual([expect.objectContaining({ id: existing.id, ref: '1.2', restored: true, changed: [], status: null, dueRevised: false })]);
  });

  it('restores a flagged action found again by title in a register without refs', () => {
    const back = row({ generatedRef: '1.1', title: 'Publish the local offer' });
    const existing = stored(back, { inRegister: false });
    const result = plan({ rows: [back], existing: [existing] });
    expect(result.updates.map((u) => [u.id, u.restored])).toEqual([[existing.id, true]]);
  });
});

describe('planImport: statuses', () => {
  it('records a status changed in the spreadsheet since the last import', () => {
    const before = row({ ref: '1.1', statusWord: 'On track' });
    const result = plan({ rows: [{ ...before, statusWord: 'Off track' }], existing: [stored(before)] });
    expect(result.updates).toHaveLength(1);
    expect(result.updates[0]).toMatchObject({ status: { brag: 'red', word: 'Off track' }, changed: ['status'] });
  });

  it("keeps the register's own word when it records the change", () => {
    const before = row({ ref: '1.1', statusWord: 'On track no concerns' });
    const result = plan({ rows: [{ ...before, statusWord: 'On track some concerns' }], existing: [stored(before)] });
    expect(result.updates[0]!.status).toEqual({ brag: 'amber', word: 'On track some concerns' });
  });

  it('never sets a status when the word is the same as last time, even if other fields changed', () => {
    const before = row({ ref: '1.1', statusWord: 'Some concerns', title: 'Old title' });
    const result = plan({ rows: [{ ...before, title: 'New title' }], existing: [stored(before)] });
    expect(result.updates[0]).toMatchObject({ changed: ['title'], status: null });
  });

  it('names the row, the column and the word it does not know, and imports it as grey', () => {
    const result = plan({ rows: [row({ row: 9, ref: '1.1', statusWord: 'Stalled' })] });
    expect(result.creates[0]).toMatchObject({ status: 'grey', statusWord: 'Stalled' });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ row: 9, column: 'Status' });
    expect(result.warnings[0]!.message).toContain('"Stalled"');
    expect(result.warnings[0]!.message).toMatch(/grey/);
  });

  it("maps the programme's own word without a warning", () => {
    const result = plan({ rows: [row({ ref: '1.1', statusWord: 'Stalled' })], statusWords: { stalled: 'red' } });
    expect(result.creates[0]!.status).toBe('red');
    expect(result.warnings).toEqual([]);
  });

  it('imports a blank status as grey without a warning', () => {
    const result = plan({ rows: [row({ ref: '1.1', statusWord: '' })] });
    expect(result.creates[0]).toMatchObject({ status: 'grey', statusWord: '' });
    expect(result.warnings).toEqual([]);
  });

  it('maps the default words whatever their case', () => {
    const result = plan({
      rows: [
        row({ ref: '1', statusWord: 'COMPLETED' }),
        row({ ref: '2', statusWord: 'g' }),
        row({ ref: '3', statusWord: 'at risk' }),
        row({ ref: '4', statusWord: 'Delayed' }),
        row({ ref: '5', statusWord: 'Not due yet' }),
      ],
    });
    expect(result.creates.map((c) => c.status)).toEqual(['blue', 'green', 'amber', 'red', 'grey']);
  });
});

describe('planImport: due dates', () => {
  it('marks a moved due date as revised', () => {
    const before = row({ ref: '1.1', due: month('2023-11-30') });
    const result = plan({ rows: [{ ...before, due: month('2024-03-31') }], existing: [stored(before)] });
    expect(result.updates[0]).toMatchObject({ changed: ['due'], dueRevised: true });
  });

  it('does not count a first due date, given where there was none, as a revision', () => {
    const before = row({ ref: '1.1', due: null });
    const result = plan({ rows: [{ ...before, due: day('2024-03-31') }], existing: [stored(before)] });
    expect(result.updates[0]).toMatchObject({ changed: ['due'], dueRevised: false });
  });

  it('counts a month made into a day of the same month as a change of due date', () => {
    const before = row({ ref: '1.1', due: month('2024-03-31') });
    const result = plan({ rows: [{ ...before, due: day('2024-03-31') }], existing: [stored(before)] });
    expect(result.updates[0]!.changed).toEqual(['due']);
  });

  it('does not mark the due date revised when only something else changed', () => {
    const before = row({ ref: '1.1', due: month('2023-11-30') });
    const result = plan({ rows: [{ ...before, title: 'Reworded' }], existing: [stored(before)] });
    expect(result.updates[0]!.dueRevised).toBe(false);
  });
});

describe('planImport: leads', () => {
  const directory = [
    person({ id: 'p-jo', name: 'Jo Bloggs', email: 'jo.bloggs@hull.gov.uk', aliases: ['JB'] }),
    person({ id: 'p-sam', name: 'Sam Lee', jobTitle: 'Head of Service (SEND)' }),
    person({ id: 'p-ad', name: 'Priya Shah', jobTitle: 'Assistant Director Learning and Skills' }),
  ];

  it('splits leads on "/" and resolves each one against the directory', () => {
    const result = plan({ rows: [row({ ref: '1.1', leadsText: 'Jo Bloggs / Head of Service (SEND)' })], directory });
    expect(result.creates[0]!.leads).toEqual([
      { name: 'Jo Bloggs', personId: 'p-jo' },
      { name: 'Head of Service (SEND)', personId: 'p-sam' },
    ]);
    expect(result.creates[0]!.leadsText).toBe('Jo Bloggs / Head of Service (SEND)');
    expect(result.unresolvedLeads).toEqual([]);
  });

  it('resolves a lead given by initials that are an alias', () => {
    const result = plan({ rows: [row({ ref: '1.1', leadsText: 'JB' })], directory });
    expect(result.creates[0]!.leads).toEqual([{ name: 'JB', personId: 'p-jo' }]);
  });

  it('keeps "Assistant Director Learning and Skills" as one lead when nobody is known by it', () => {
    const result = plan({ rows: [row({ ref: '1.1', leadsText: 'Assistant Director Learning and Skills' })] });
    expect(result.creates[0]!.leads).toEqual([{ name: 'Assistant Director Learning and Skills', personId: null }]);
    expect(result.unresolvedLeads).toEqual(['Assistant Director Learning and Skills']);
  });

  it('resolves a role title with a trailing full stop to the person who holds it', () => {
    const result = plan({ rows: [row({ ref: '1.1', leadsText: 'Assistant Director Learning and Skills.' })], directory });
    expect(result.creates[0]!.leads).toEqual([{ name: 'Assistant Director Learning and Skills', personId: 'p-ad' }]);
  });

  it('splits on "and" only when both sides are people it knows', () => {
    const result = plan({ rows: [row({ ref: '1.1', leadsText: 'Jo Bloggs and Sam Lee' })], directory });
    expect(result.creates[0]!.leads.map((l) => l.personId)).toEqual(['p-jo', 'p-sam']);
  });

  it('lists a lead nobody matches once, however many rows name it, with one warning naming the lead column', () => {
    const result = plan({
      rows: [
        row({ ref: '1.1', leadsText: 'Director of Nursing / Jo Bloggs' }),
        row({ ref: '1.2', leadsText: 'Director of Nursing' }),
        row({ ref: '1.3', leadsText: 'Standards & Effectiveness Officer' }),
      ],
      directory,
    });
    expect(result.unresolvedLeads).toEqual(['Director of Nursing', 'Standards & Effectiveness Officer']);
    const leadWarnings = result.warnings.filter((w) => w.column === 'Lead');
    expect(leadWarnings).toHaveLength(2);
    expect(leadWarnings[0]!.message).toContain('"Director of Nursing"');
    expect(result.creates[0]!.leads).toEqual([
      { name: 'Director of Nursing', personId: null },
      { name: 'Jo Bloggs', personId: 'p-jo' },
    ]);
  });

  it('gives a row without leads no leads and no warning', () => {
    const result = plan({ rows: [row({ ref: '1.1', leadsText: null })], directory });
    expect(result.creates[0]).toMatchObject({ leads: [], leadsText: '' });
    expect(result.warnings).toEqual([]);
  });
});

describe('planImport: workstreams', () => {
  it('plans each workstream before its objectives, with the objective as its child', () => {
    const result = plan({
      rows: [
        row({ ref: '1.1', objective: 'Clear pathways' }),
        row({ ref: '1.2', objective: 'Clear pathways' }),
        row({ ref: '1.3', objective: 'Listening to families' }),
        row({ ref: '3.1', workstream: IDENTIFY }),
      ],
    });
    expect(result.workstreams).toEqual([
      { key: '1. communication', parentKey: null, ref: '1', name: '1. Communication', position: 0 },
      { key: '1. communication > clear pathways', parentKey: '1. communication', ref: null, name: 'Clear pathways', position: 1 },
      { key: '1. communication > listening to families', parentKey: '1. communication', ref: null, name: 'Listening to families', position: 2 },
      { key: '3. to identify need early', parentKey: null, ref: '3', name: '3. To identify need early', position: 3 },
    ]);
    expect(result.creates.map((c) => c.workstreamKey)).toEqual([
      '1. communication > clear pathways',
      '1. communication > clear pathways',
      '1. communication > listening to families',
      '3. to identify need early',
    ]);
  });

  it('puts a row with no workstream under "Unassigned"', () => {
    const result = plan({ rows: [row({ ref: '1', workstream: null })] });
    expect(result.workstreams).toEqual([{ key: 'unassigned', parentKey: null, ref: null, name: 'Unassigned', position: 0 }]);
    expect(result.creates[0]!.workstreamKey).toBe('unassigned');
  });

  it('plans a parent before its child even when the parent first appears with an objective', () => {
    const result = plan({ rows: [row({ ref: '1.1', objective: 'Clear pathways' }), row({ ref: '1.2' })] });
    expect(result.workstreams.map((w) => w.key)).toEqual(['1. communication', '1. communication > clear pathways']);
  });
});

describe('planImport: the Hull register', () => {
  const file = fileURLToPath(new URL('../../../examples/hull-send-plan.csv', import.meta.url));
  const reading = interpretRegister(gridFromText('hull-send-plan.csv', parse(readFileSync(file, 'utf8')) as string[][]));
  const columns = { status: reading.columns.status?.header, lead: reading.columns.lead?.header };
  const first = planImport({ rows: reading.rows, existing: [], directory: [], columns });

  it('creates all 63 actions on a first import, with refs made from priority and position', () => {
    expect(reading.errors).toEqual([]);
    expect(first.creates).toHaveLength(63);
    expect(first.creates.every((c) => c.refGenerated)).toBe(true);
    expect(first.creates[0]).toMatchObject({ ref: '1.1', status: 'amber', statusWord: 'On track some concerns', due: month('2023-11-30') });
    expect(new Set(first.creates.map((c) => c.ref)).size).toBe(63);
  });

  it("knows every one of Hull's status words", () => {
    expect(first.warnings.filter((w) => w.column === 'Status (RAGP)')).toEqual([]);
  });

  it('plans the six priorities, each before the objectives under it', () => {
    const top = first.workstreams.filter((w) => w.parentKey === null);
    expect(top.map((w) => w.ref)).toEqual(['1', '2', '3', '4', '5', '6']);
    const seen = new Set<string>();
    for (const w of first.workstreams) {
      if (w.parentKey !== null) expect(seen.has(w.parentKey)).toBe(true);
      seen.add(w.key);
    }
    expect(first.workstreams.every((w) => w.parentKey === null || w.ref === null)).toBe(true);
  });

  it('keeps role titles whole and splits only on "/"', () => {
    const leads = new Set(first.creates.flatMap((c) => c.leads.map((l) => l.name)));
    expect(leads).toContain('Assistant Director Learning and Skills');
    expect(leads).toContain('Standards & Effectiveness Officer');
    expect(leads).toContain('Assistant Director Safeguarding');
    expect(leads).toContain('Head Of Service');
    expect(leads).not.toContain('Skills');
    expect(first.unresolvedLeads.filter((l) => l === 'Assistant Director Learning and Skills')).toHaveLength(1);
  });

  it('resolves role titles against a directory that holds them', () => {
    const directory = [person({ id: 'p-ad', name: 'Priya Shah', jobTitle: 'Assistant Director Learning and Skills' })];
    const result = planImport({ rows: reading.rows, existing: [], directory, columns });
    const priyas = result.creates.filter((c) => c.leads.some((l) => l.personId === 'p-ad'));
    expect(priyas.length).toBeGreaterThan(0);
    expect(result.unresolvedLeads).not.toContain('Assistant Director Learning and Skills');
  });

  it('finds nothing to change when the same register is imported again', () => {
    const again = planImport({ rows: reading.rows, existing: storedFromCreates(first.creates), directory: [], columns });
    expect(again).toMatchObject({ creates: [], updates: [], removed: [], unchanged: 63 });
  });

  it('flags only the row taken out, though the rows after it have moved up', () => {
    const existing = storedFromCreates(first.creates);
    const withoutSecond = interpretRegister(
      gridFromText('hull-send-plan.csv', (parse(readFileSync(file, 'utf8')) as string[][]).filter((_, i) => i !== 2)),
    );
    expect(withoutSecond.rows[1]!.generatedRef).toBe('1.2');
    const again = planImport({ rows: withoutSecond.rows, existing, directory: [], columns });
    expect(again.removed).toEqual([{ id: existing[1]!.id, ref: '1.2' }]);
    expect(again).toMatchObject({ creates: [], updates: [], unchanged: 62 });
  });
});

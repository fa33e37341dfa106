import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect } from 'vitest';
import { importPeople } from '../../../src/app/people/import-people.ts';
import { importRegister } from '../../../src/app/register/import-register.ts';
import { listOverdueActions } from '../../../src/app/report/list-overdue.ts';
import { readRegisterFile } from '../../../adapters/files/read-register-file.ts';
import { appDeps, HULL_CSV, HULL_PEOPLE_CSV, tableCounts } from '../../support/app.ts';
import { describeEachDatabase, it } from '../../support/databases.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-import-'));
});

async function importFile(deps: ReturnType<typeof appDeps>, file: string, extra: { dryRun?: boolean; programme?: string } = {}) {
  return importRegister(deps, {
    programme: extra.programme ?? 'Hull',
    grid: await readRegisterFile(file),
    actor: 'test',
    file,
    dryRun: extra.dryRun ?? false,
  });
}

/** Hull's CSV with one cell changed, for re-import tests. */
async function hullWith(change: (rows: string[]) => string[], name: string): Promise<string> {
  const text = await readFile(HULL_CSV, 'utf8');
  const file = path.join(dir, name);
  await writeFile(file, change(text.split('\n')).join('\n'));
  return file;
}

describeEachDatabase('importing a register', (db) => {
  it("imports Hull's 63 actions under their 6 priorities, with warnings only for the odd cells", async () => {
    const deps = appDeps(db());
    const result = await importFile(deps, HULL_CSV);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.counts).toEqual({ created: 63, updated: 0, unchanged: 0, removed: 0 });
    expect(result.value.workstreams).toBe(6);
    const rowsWarned = [...new Set(result.value.warnings.filter((w) => w.row > 0).map((w) => w.row))].sort((a, b) => a - b);
    // Two TBCs, two "24-Apr" cells, and two rows due before they start.
    expect(rowsWarned).toEqual([10, 13, 27, 28, 48, 59]);
    const { rows } = await db().pool.query(`SELECT count(*)::int AS n, count(DISTINCT ref)::int AS refs FROM "Action"`);
    expect(rows[0]).toEqual({ n: 63, refs: 63 });
    const top = await db().pool.query(`SELECT name FROM "Workstream" WHERE "parentId" IS NULL ORDER BY position`);
    expect(top.rows.map((r) => r.name.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
  });

  it('leaves 63 actions when the same register is imported twice, and records no second status', async () => {
    const deps = appDeps(db());
    await importFile(deps, HULL_CSV);
    const again = await importFile(deps, HULL_CSV);
    expect(again.ok && again.value.counts).toEqual({ created: 0, updated: 0, unchanged: 63, removed: 0 });
    const counts = await tableCounts(db());
    expect(counts.Action).toBe(63);
    expect(counts.StatusUpdate).toBe(63);
  });

  it('lists as overdue exactly the open actions whose due month ended before the as-of day', async () => {
    const deps = appDeps(db());
    await importFile(deps, HULL_CSV);
    const result = await listOverdueActions(deps, { programme: 'Hull', asOf: '2024-03-01' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Worked out from the CSV by hand: month-only dates ending before March 2024, not "Completed".
    const expected = await expectedHullOverdue('2024-03-01');
    expect(result.value.items.map((i) => i.ref).sort()).toEqual(expected.sort());
    expect(result.value.items.every((i) => i.daysOverdue > 0 && i.status !== 'blue')).toBe(true);
  });

  it('records a status changed in the spreadsheet as an update from the import', async () => {
    const deps = appDeps(db());
    await importFile(deps, HULL_CSV);
    const changed = await hullWith((rows) => [rows[0]!, rows[1]!.replace(/On track some concerns(\r?)$/, 'Off track$1'), ...rows.slice(2)], 'status.csv');
    const result = await importFile(deps, changed);
    expect(result.ok && result.value.counts).toEqual({ created: 0, updated: 1, unchanged: 62, removed: 0 });
    const action = await db().prisma.action.findFirstOrThrow({ where: { ref: '1.1' }, include: { updates: { orderBy: { createdAt: 'asc' } } } });
    expect(action.status).toBe('red');
    expect(action.updates.map((u) => [u.source, u.status])).toEqual([
      ['import', 'amber'],
      ['import', 'red'],
    ]);
  });

  it("never lets an unchanged spreadsheet status override what a lead said in chat since", async () => {
    const deps = appDeps(db());
    await importFile(deps, HULL_CSV);
    const action = await db().prisma.action.findFirstOrThrow({ where: { ref: '1.2' } });
    await db().prisma.statusUpdate.create({ data: { actionId: action.id, authorName: 'Priya Shah', status: 'red', statusWord: 'Off track', source: 'slack' } });
    await db().prisma.action.update({ where: { id: action.id }, data: { status: 'red', statusWord: 'Off track' } });
    await importFile(deps, HULL_CSV);
    const after = await db().prisma.action.findFirstOrThrow({ where: { id: action.id } });
    expect(after.status).toBe('red');
  });

  it('flags a row that disappears as no longer in the register, and keeps it', async () => {
    const deps = appDeps(db());
    await importFile(deps, HULL_CSV);
    const shorter = await hullWith((rows) => [rows[0]!, ...rows.slice(2)], 'shorter.csv');
    const result = await importFile(deps, shorter);
    expect(result.ok && result.value.counts.removed).toBe(1);
    const gone = await db().prisma.action.findFirstOrThrow({ where: { ref: '1.1' } });
    expect(gone.inRegister).toBe(false);
    expect(await db().prisma.action.count()).toBe(63);
  });

  it('writes nothing on a dry run, and says what would change', async () => {
    const deps = appDeps(db());
    await importFile(deps, HULL_CSV);
    const before = await tableCounts(db());
    const changed = await hullWith((rows) => [rows[0]!, rows[1]!.replace(',Nov-23,', ',Dec-23,'), ...rows.slice(2)], 'dry.csv');
    const result = await importFile(deps, changed, { dryRun: true });
    expect(result.ok && result.value.plan.updates.map((u) => [u.ref, u.changed])).toEqual([['1.1', ['due']]]);
    expect(await tableCounts(db())).toEqual(before);
  });

  it('resolves leads to people once the directory is loaded', async () => {
    const deps = appDeps(db());
    await importFile(deps, HULL_CSV);
    const people = await importPeople(deps, await readRegisterFile(HULL_PEOPLE_CSV), 'test');
    expect(people.ok).toBe(true);
    const unresolved = await deps.store.register.unresolvedLeads();
    // "Head Of Service" could be the SEND or the ASC head: it stays unresolved rather than guessed.
    expect(unresolved.map((u) => u.name)).toEqual(['Head Of Service']);
    const overdue = await listOverdueActions(deps, { programme: 'Hull', asOf: '2024-03-01' });
    expect(overdue.ok && overdue.value.items[0]!.leads).toEqual(['Alex Morgan']);
  });
});

describeEachDatabase('importing an Excel register', (db) => {
  async function workbook(file: string, rows: (string | Date | null)[][], dueFormat = 'dd-mmm-yy') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Action plan');
    ws.addRow(['Kirklees SEND Written Statement of Action — action plan']);
    ws.addRow(['Ref', 'Action', 'Lead', 'Due date', 'RAG']);
    for (const r of rows) ws.addRow(r);
    ws.getColumn(4).numFmt = dueFormat;
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('keeps the original due date and counts the revision when a lead re-dates an action', async () => {
    const deps = appDeps(db());
    const first = await workbook(path.join(dir, 'wsoa-1.xlsx'), [
      ['1.1.1', 'Publish the graduated approach toolkit', 'KD/JG', new Date(Date.UTC(2023, 2, 31)), 'Green'],
      ['1.1.2', 'Train SENCOs on the toolkit', 'JG', new Date(Date.UTC(2023, 5, 30)), 'Amber'],
    ]);
    const created = await importRegister(deps, { programme: 'Kirklees', grid: await readRegisterFile(first), actor: 'test', file: first });
    expect(created.ok && created.value.counts.created).toBe(2);
    const second = await workbook(path.join(dir, 'wsoa-2.xlsx'), [
      ['1.1.1', 'Publish the graduated approach toolkit', 'KD/JG', new Date(Date.UTC(2023, 8, 30)), 'Green'],
      ['1.1.2', 'Train SENCOs on the toolkit', 'JG', new Date(Date.UTC(2023, 5, 30)), 'Amber'],
    ]);
    const updated = await importRegister(deps, { programme: 'Kirklees', grid: await readRegisterFile(second), actor: 'test', file: second });
    expect(updated.ok && updated.value.counts).toEqual({ created: 0, updated: 1, unchanged: 1, removed: 0 });
    const action = await db().prisma.action.findFirstOrThrow({ where: { ref: '1.1.1' }, include: { leads: { orderBy: { position: 'asc' } } } });
    expect(action.dueDate?.toISOString().slice(0, 10)).toBe('2023-09-30');
    expect(action.originalDueDate?.toISOString().slice(0, 10)).toBe('2023-03-31');
    expect(action.dueRevisions).toBe(1);
    expect(action.leads.map((l) => l.name)).toEqual(['KD', 'JG']);
  });

  it('reads a month-formatted date cell as a month, due on its last day', async () => {
    const deps = appDeps(db());
    const file = await workbook(path.join(dir, 'months.xlsx'), [['2.1', 'Refresh the local offer', 'AM', new Date(Date.UTC(2023, 10, 1)), 'Red']], 'mmm-yy');
    await importRegister(deps, { programme: 'Months', grid: await readRegisterFile(file), actor: 'test', file });
    const action = await db().prisma.action.findFirstOrThrow({ where: { ref: '2.1' } });
    expect([action.dueDate?.toISOString().slice(0, 10), action.duePrecision]).toEqual(['2023-11-30', 'month']);
  });

  it('writes nothing and names both rows when two rows share a ref', async () => {
    const deps = appDeps(db());
    const before = await tableCounts(db());
    const file = await workbook(path.join(dir, 'dupes.xlsx'), [
      ['1.1', 'One thing', 'AM', new Date(Date.UTC(2023, 2, 31)), 'Green'],
      ['1.1', 'Another thing', 'AM', new Date(Date.UTC(2023, 2, 31)), 'Green'],
    ]);
    const result = await importRegister(deps, { programme: 'Dupes', grid: await readRegisterFile(file), actor: 'test', file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('register-invalid');
    expect(result.error.issues?.[0]).toMatchObject({ row: 4 });
    expect(result.error.issues?.[0]?.message).toMatch(/rows 3 and 4/);
    expect(await tableCounts(db())).toEqual(before);
  });
});

describeEachDatabase('importing a malformed file', (db) => {
  it('writes nothing when the register has no action column', async () => {
    const deps = appDeps(db());
    const file = path.join(dir, 'no-title.csv');
    await writeFile(file, 'Lead,Due Date,Status\nAM,Nov-23,Green\n');
    const before = await tableCounts(db());
    const result = await importRegister(deps, { programme: 'Broken', grid: await readRegisterFile(file), actor: 'test', file });
    expect(result.ok).toBe(false);
    expect(await tableCounts(db())).toEqual(before);
  });

  it('refuses an empty file or a corrupt workbook before touching the database', async () => {
    const empty = path.join(dir, 'empty.csv');
    await writeFile(empty, '');
    await expect(readRegisterFile(empty)).rejects.toThrow(/empty/i);
    const garbage = path.join(dir, 'garbage.xlsx');
    await writeFile(garbage, Buffer.from('this is not a workbook at all'));
    await expect(readRegisterFile(garbage)).rejects.toThrow(/garbage\.xlsx/);
    expect((await tableCounts(db())).Action).toBe(0);
  });
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An oracle written independently of the importer, for the date forms Hull uses. */
async function expectedHullOverdue(asOf: string): Promise<string[]> {
  const { parse } = await import('csv-parse/sync');
  const rows: string[][] = parse(await readFile(HULL_CSV, 'utf8'));
  const refs: string[] = [];
  const perPriority = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const priority = row[0]!.split('.')[0]!;
    const n = (perPriority.get(priority) ?? 0) + 1;
    perPriority.set(priority, n);
    const due = row[7]!.trim();
    const status = row[9]!.trim();
    let year: number | null = null;
    let month: number | null = null;
    let m: RegExpMatchArray | null;
    if ((m = due.match(/^([A-Za-z]{3})-(\d{2})$/))) [month, year] = [MONTHS.indexOf(m[1]!) + 1, 2000 + Number(m[2])];
    else if ((m = due.match(/^(\d{2})-([A-Za-z]{3})$/))) [month, year] = [MONTHS.indexOf(m[2]!) + 1, 2000 + Number(m[1])];
    else if ((m = due.match(/([A-Za-z]+) (\d{4})$/))) [month, year] = [MONTHS.indexOf(m[1]!.slice(0, 3)) + 1, Number(m[2])];
    if (year === null || month === null) continue;
    const firstOfNext = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
    if (firstOfNext <= asOf && !/^completed/i.test(status)) refs.push(`${priority}.${n}`);
  }
  return refs;
}

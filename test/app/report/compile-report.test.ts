import { expect } from 'vitest';
import { compileReport } from '../../../src/app/report/compile-report.ts';
import { describeEachDatabase, it } from '../../support/databases.ts';
import { hullWithBoard } from '../../support/hull-with-board.ts';
import type { Database } from '../../../adapters/store/open-database.ts';

// The register was imported in January; the report is compiled the week before the March board.
const NOW = new Date('2024-03-06T10:00:00Z');

async function say(db: Database, ref: string, status: 'blue' | 'green' | 'amber' | 'red', at: string, note: string) {
  const action = await db.prisma.action.findFirstOrThrow({ where: { ref } });
  await db.prisma.statusUpdate.create({ data: { actionId: action.id, authorName: 'Alex Morgan', status, statusWord: status, note, source: 'slack', createdAt: new Date(at) } });
  await db.prisma.action.update({ where: { id: action.id }, data: { status, statusWord: status } });
}

describeEachDatabase('compiling the highlight report', (db) => {
  it("measures movement against each action's status at the previous board's cut-off", async () => {
    const deps = await hullWithBoard(db(), NOW);
    // The February board's cut-off is noon on 9 Feb 2024 (two working days before the 13th).
    await say(db(), '1.1', 'red', '2024-02-01T10:00:00Z', 'Complaints backlog');
    await say(db(), '1.1', 'green', '2024-03-05T10:00:00Z', 'Backlog cleared');
    await say(db(), '1.2', 'green', '2024-02-01T10:00:00Z', 'Going well');
    await say(db(), '1.2', 'red', '2024-03-05T10:00:00Z', 'Lost the analyst');
    const result = await compileReport(deps, { programme: 'Hull', asOf: '2024-03-06' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = result.value;
    expect(report.board).toBe('SEND Partnership Board');
    expect(report.nextMeeting).toBe('2024-03-12');
    const items = report.workstreams.flatMap((w) => w.items);
    expect(items.find((i) => i.ref === '1.1')).toMatchObject({ status: 'green', direction: 'up', latestUpdate: { note: 'Backlog cleared' } });
    expect(items.find((i) => i.ref === '1.2')).toMatchObject({ status: 'red', direction: 'down' });
    expect(Object.values(report.totals).reduce((a, b) => a + b, 0)).toBe(63);
  });

  it('lists the leads who have said nothing since the last board, and not those who have', async () => {
    const deps = await hullWithBoard(db(), NOW);
    const before = await compileReport(deps, { programme: 'Hull', asOf: '2024-03-06' });
    const missingBefore = before.ok ? before.value.missingUpdates.map((m) => m.lead) : [];
    expect(missingBefore).toContain('Priya Shah');
    const priyas = await db().prisma.action.findMany({ where: { leads: { some: { person: { email: 'priya.shah@hull.example' } } }, status: { not: 'blue' } } });
    for (const a of priyas) await say(db(), a.ref, 'green', '2024-03-05T10:00:00Z', 'On plan');
    const after = await compileReport(deps, { programme: 'Hull', asOf: '2024-03-06' });
    expect(after.ok && after.value.missingUpdates.map((m) => m.lead)).not.toContain('Priya Shah');
  });

  it('says which board is meant when the board named does not exist', async () => {
    const deps = await hullWithBoard(db(), NOW);
    const result = await compileReport(deps, { programme: 'Hull', board: 'Cabinet', asOf: '2024-03-06' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe('Hull has no board called "Cabinet". Boards: SEND Partnership Board.');
  });
});

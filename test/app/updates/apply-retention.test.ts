import { expect } from 'vitest';
import type { Database } from '../../../adapters/store/open-database.ts';
import { readRegisterFile } from '../../../adapters/files/read-register-file.ts';
import { addBoard } from '../../../src/app/boards/manage-boards.ts';
import { importRegister } from '../../../src/app/register/import-register.ts';
import { applyRetention } from '../../../src/app/updates/apply-retention.ts';
import { appDeps, HULL_CSV } from '../../support/app.ts';
import { describeEachDatabase, it } from '../../support/databases.ts';

// Six months before this is 10 Jul 2024.
const NOW = new Date('2025-01-10T02:15:00Z');

/** Hull imported on 15 Jan 2024 (one "import" update per action), then three updates to its first action. */
async function hullWithHistory(db: Database) {
  const imported = await importRegister(appDeps(db, new Date('2024-01-15T10:00:00Z')), { programme: 'Hull', grid: await readRegisterFile(HULL_CSV), actor: 'test', file: 'hull.csv' });
  if (!imported.ok) throw new Error(imported.error.message);
  const action = await db.prisma.action.findFirstOrThrow({ where: { ref: '1.1' } });
  const author = await db.prisma.person.create({ data: { name: 'Priya Shah', email: 'priya.shah@hull.example' } });
  const deps = appDeps(db, NOW);
  for (const [note, at] of [['February', '2024-02-01T09:00:00Z'], ['April', '2024-04-01T09:00:00Z'], ['September', '2024-09-01T09:00:00Z']] as const) {
    await deps.store.updates.record({
      actionId: action.id, authorId: author.id, authorName: author.name, onBehalfOfId: null, status: 'amber', statusWord: 'Some concerns',
      note, nextSteps: null, evidenceUrl: null, revisedDue: null, source: 'cli', correctsId: null, at: new Date(at),
    });
  }
  const notes = async () => (await db.prisma.statusUpdate.findMany({ where: { actionId: action.id }, orderBy: { createdAt: 'asc' } })).map((u) => u.note ?? u.source);
  return { deps, notes };
}

describeEachDatabase('retention of old status updates', (db) => {
  it('keeps everything when the retention period is 0 (the default)', async () => {
    const { deps, notes } = await hullWithHistory(db());
    const before = await db().prisma.statusUpdate.count();
    expect(await applyRetention(deps, 0)).toEqual({ removed: 0 });
    expect(await db().prisma.statusUpdate.count()).toBe(before);
    expect(await notes()).toEqual(['import', 'February', 'April', 'September']);
  });

  it("deletes superseded updates older than the period, keeps every action's latest, and says how many in the audit trail", async () => {
    const { deps, notes } = await hullWithHistory(db());
    const actions = await db().prisma.action.count();
    expect(await applyRetention(deps, 6)).toEqual({ removed: 2 });
    // April is the latest before 10 Jul 2024: a report from then on compares against it.
    expect(await notes()).toEqual(['April', 'September']);
    // Every other action's only update (its import, older than the period) is its latest, and stays.
    expect(await db().prisma.statusUpdate.count()).toBe(actions + 1);
    const audit = await db().prisma.auditEntry.findMany({ where: { verb: 'retention' } });
    expect(audit.map((a) => ({ actor: a.actor, entity: a.entity, details: a.details }))).toEqual([
      { actor: 'scheduler', entity: 'status-update', details: { months: 6, olderThan: '2024-07-10T02:15:00.000Z', removed: 2 } },
    ]);
    expect(await applyRetention(deps, 6)).toEqual({ removed: 0 });
  });

  it("keeps what a board's current report compares against when its last meeting is older than the period", async () => {
    const { deps, notes } = await hullWithHistory(db());
    // The last meeting, 12 Mar 2024, had its cut-off on 8 Mar: February is the baseline its next report compares against.
    const board = await addBoard(deps, 'Hull', 'SEND Partnership Board', { meetings: ['2024-03-12', '2025-03-11'] }, 'test');
    expect(board.ok).toBe(true);
    expect(await applyRetention(deps, 6)).toEqual({ removed: 1 });
    expect(await notes()).toEqual(['February', 'April', 'September']);
  });
});

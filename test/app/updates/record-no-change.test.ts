import { expect } from 'vitest';
import type { Database } from '../../../adapters/store/open-database.ts';
import { grantRole } from '../../../src/app/roles/grant-role.ts';
import { NO_CHANGE_NOTE, recordNoChange } from '../../../src/app/updates/record-no-change.ts';
import { hullWithBoard } from '../../support/hull-with-board.ts';
import { describeEachDatabase, it } from '../../support/databases.ts';

// The week before the March board (12 Mar 2024): inside its cycle.
const NOW = new Date('2024-03-06T10:00:00Z');

async function hull(db: Database) {
  const deps = await hullWithBoard(db, NOW);
  const programme = await db.prisma.programme.findFirstOrThrow({ where: { name: 'Hull' } });
  const person = async (email: string) => {
    const p = await db.prisma.person.findFirstOrThrow({ where: { email } });
    return { id: p.id, name: p.name };
  };
  return { deps, priya: await person('priya.shah@hull.example'), sam: await person('sam.okafor@hull.example'), programmeId: programme.id };
}

const ledBy = (db: Database, personId: string) =>
  db.prisma.action.findMany({ where: { leads: { some: { personId } } }, select: { id: true, ref: true, status: true, statusWord: true }, orderBy: { position: 'asc' } });
const notLedBy = (db: Database, personId: string) =>
  db.prisma.action.findFirstOrThrow({ where: { leads: { none: { personId } }, status: { not: 'blue' } }, select: { id: true, ref: true } });

describeEachDatabase('recording "no change"', (db) => {
  it('records one update per open action with the status and status word it has now', async () => {
    const { deps, priya } = await hull(db());
    const open = (await ledBy(db(), priya.id)).filter((a) => a.status !== 'blue');
    expect(open.length).toBeGreaterThan(1);

    const result = await recordNoChange(deps, { person: priya, actionIds: null, source: 'slack' });
    expect(result.ok && result.value.recorded.map((r) => r.ref)).toEqual(open.map((a) => a.ref));
    expect(result.ok && result.value.refused).toEqual([]);

    const updates = await db().prisma.statusUpdate.findMany({ where: { authorId: priya.id } });
    expect(updates).toHaveLength(open.length);
    for (const a of open) {
      const u = updates.find((x) => x.actionId === a.id)!;
      expect(u).toMatchObject({ status: a.status, statusWord: a.statusWord, note: NO_CHANGE_NOTE, source: 'slack', authorName: 'Priya Shah', onBehalfOfId: null, correctsId: null });
      expect(u.createdAt).toEqual(NOW);
    }
  });

  it('does not change any status or due date', async () => {
    const { deps, priya } = await hull(db());
    const before = await db().prisma.action.findMany({ select: { id: true, status: true, statusWord: true, dueDate: true }, orderBy: { id: 'asc' } });
    await recordNoChange(deps, { person: priya, actionIds: null, source: 'teams' });
    const after = await db().prisma.action.findMany({ select: { id: true, status: true, statusWord: true, dueDate: true }, orderBy: { id: 'asc' } });
    expect(after).toEqual(before);
  });

  it('refuses actions the person does not lead, and records the ones they do', async () => {
    const { deps, priya } = await hull(db());
    const mine = (await ledBy(db(), priya.id)).find((a) => a.status !== 'blue')!;
    const theirs = await notLedBy(db(), priya.id);

    const result = await recordNoChange(deps, { person: priya, actionIds: [mine.id, theirs.id], source: 'slack' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.recorded.map((r) => r.id)).toEqual([mine.id]);
    expect(result.value.refused).toEqual([
      { actionId: theirs.id, ref: theirs.ref, code: 'forbidden', reason: expect.stringContaining(`Only the lead of action ${theirs.ref}`) },
    ]);
    expect(await db().prisma.statusUpdate.count({ where: { actionId: theirs.id, authorId: priya.id } })).toBe(0);
  });

  it('refuses a complete action and one that is not in the programme named', async () => {
    const { deps, priya } = await hull(db());
    const mine = (await ledBy(db(), priya.id)).find((a) => a.status !== 'blue')!;
    await db().prisma.action.update({ where: { id: mine.id }, data: { status: 'blue', statusWord: 'Complete' } });

    const result = await recordNoChange(deps, { person: priya, actionIds: [mine.id, 'not-an-action'], source: 'slack' });
    expect(result.ok && result.value.recorded).toEqual([]);
    expect(result.ok && result.value.refused.map((r) => [r.code, r.reason])).toEqual([
      ['closed', `Action ${mine.ref} is already complete.`],
      ['action-not-found', 'That action is no longer in Stocktake.'],
    ]);
    const other = await recordNoChange(deps, { person: priya, actionIds: [(await ledBy(db(), priya.id)).find((a) => a.status !== 'blue')!.id], source: 'slack', programmeId: 'another-programme' });
    expect(other.ok && other.value.refused.map((r) => r.code)).toEqual(['action-not-found']);
  });

  it('records nothing twice when the button is pressed again in the same cycle', async () => {
    const { deps, priya } = await hull(db());
    const first = await recordNoChange(deps, { person: priya, actionIds: null, source: 'slack' });
    const second = await recordNoChange(deps, { person: priya, actionIds: null, source: 'teams' });
    expect(second.ok && second.value.recorded).toEqual([]);
    expect(second.ok && second.value.alreadyUpdated.length).toBe(first.ok ? first.value.recorded.length : -1);
    expect(await db().prisma.statusUpdate.count({ where: { authorId: priya.id } })).toBe(first.ok ? first.value.recorded.length : -1);
  });

  it('lets a delegate answer for the lead they cover, on the lead’s behalf', async () => {
    const { deps, priya, sam } = await hull(db());
    const granted = await grantRole(deps, { email: 'sam.okafor@hull.example', role: 'delegate', programme: 'Hull', forEmail: 'priya.shah@hull.example', actor: 'test' });
    expect(granted.ok).toBe(true);
    const open = (await ledBy(db(), priya.id)).filter((a) => a.status !== 'blue');

    const result = await recordNoChange(deps, { person: sam, actionIds: null, forPersonId: priya.id, source: 'slack' });
    expect(result.ok && result.value.recorded.map((r) => r.ref)).toEqual(open.map((a) => a.ref));
    expect(result.ok && new Set(result.value.recorded.map((r) => r.onBehalfOfId))).toEqual(new Set([priya.id]));
  });

  it('refuses, for someone who covers nobody, the actions of the lead they name', async () => {
    const { deps, priya, sam } = await hull(db());
    const result = await recordNoChange(deps, { person: sam, actionIds: null, forPersonId: priya.id, source: 'slack' });
    expect(result.ok && result.value.recorded).toEqual([]);
    expect(result.ok && result.value.refused.every((r) => r.code === 'forbidden')).toBe(true);
  });
});

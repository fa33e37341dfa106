import { expect } from 'vitest';
import { markAway } from '../../../src/app/people/mark-away.ts';
import { compileReportCached } from '../../../src/app/report/report-cache.ts';
import type { AppDeps } from '../../../src/app/deps.ts';
import type { HighlightReport } from '../../../src/domain/report/report-types.ts';
import { appDeps } from '../../support/app.ts';
import { hullWithBoard } from '../../support/hull-with-board.ts';
import { describeEachDatabase, it } from '../../support/databases.ts';

const NOW = new Date('2024-03-06T10:00:00Z');

async function preview(deps: AppDeps): Promise<HighlightReport> {
  const result = await compileReportCached(deps, { programme: 'Hull', board: 'SEND Partnership Board' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const item = (report: HighlightReport, ref: string) => report.workstreams.flatMap((w) => w.items).find((i) => i.ref === ref)!;

async function recordStatus(deps: AppDeps, ref: string, status: 'green' | 'red', note: string): Promise<void> {
  const programme = (await deps.store.programmes.findByName('Hull'))!;
  const action = (await deps.store.updates.actionForUpdate({ programmeId: programme.id, ref }))!;
  const author = (await deps.store.people.findByEmail('helen.carter@hull.example'))!;
  await deps.store.updates.record({
    actionId: action.id, authorId: author.id, authorName: author.name, onBehalfOfId: null, status, statusWord: status, note,
    nextSteps: null, evidenceUrl: null, revisedDue: null, source: 'slack', correctsId: null, at: NOW,
  });
}

describeEachDatabase('the report kept for previews', (db) => {
  it('is compiled once for previews asked for while nothing changes, together or one after another', async () => {
    const deps = await hullWithBoard(db(), NOW);
    const [a, b] = await Promise.all([preview(deps), preview(deps)]);
    expect(b).toBe(a);
    expect(await preview(deps)).toBe(a);
  });

  it('shows a chair the new status right after an update is recorded', async () => {
    const deps = await hullWithBoard(db(), NOW);
    const before = await preview(deps);
    const status = item(before, '1.1').status === 'red' ? 'green' : 'red';
    await recordStatus(deps, '1.1', status, 'Moved on since the last preview');
    const after = await preview(deps);
    expect(item(after, '1.1')).toMatchObject({ status, latestUpdate: { note: 'Moved on since the last preview' } });
  });

  it('shows an update recorded through another connection to the database, as on another replica', async () => {
    const deps = await hullWithBoard(db(), NOW);
    await preview(deps);
    await recordStatus(appDeps(db(), NOW), '1.2', 'red', 'Recorded elsewhere');
    expect(item(await preview(deps), '1.2')).toMatchObject({ status: 'red', latestUpdate: { note: 'Recorded elsewhere' } });
  });

  it('shows a lead as on leave right after their leave is recorded', async () => {
    const deps = await hullWithBoard(db(), NOW);
    const before = await preview(deps);
    const lead = before.missingUpdates[0]!.lead;
    const person = (await deps.store.people.directory()).find((p) => p.name === lead)!;
    const away = await markAway(deps, { email: person.email!, from: '2024-03-01', to: '2024-03-20', delegateEmail: null, actor: 'test' });
    expect(away.ok).toBe(true);
    const after = await preview(deps);
    expect(after.readiness.onLeaveLeads).toContain(lead);
    expect(after.missingUpdates.map((m) => m.lead)).not.toContain(lead);
  });
});

import { describe, expect, it } from 'vitest';
import { compileHighlightReport } from '../../../src/domain/report/highlight-report.ts';
import { listOverdue } from '../../../src/domain/report/overdue-list.ts';
import { totalOf } from '../../../src/domain/report/totals.ts';
import { context, hullActions } from './fixtures.ts';

// Hull's real register: six priorities with long names, month due dates and its own status words.
describe('the Hull register', () => {
  const actions = hullActions();
  const report = compileHighlightReport(actions, context({ asOf: '2024-03-14', nextMeeting: '2024-04-16', previousCutoff: null }));

  it('reports all 63 actions across the six priorities, in priority order', () => {
    expect(totalOf(report.totals)).toBe(63);
    expect(report.workstreams.map((w) => w.ref)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(report.workstreams[0]!.name).toMatch(/^1\. To work towards having clear and open lines of communication/);
    expect(report.workstreams.reduce((n, w) => n + totalOf(w.totals), 0)).toBe(63);
  });

  it("maps Hull's own words but keeps them: \"On track some concerns\" is amber", () => {
    const first = report.workstreams[0]!.items[0]!;
    expect(first).toMatchObject({ ref: '1.1', status: 'amber', statusWord: 'On track some concerns', duePrecision: 'month' });
  });

  it('agrees with the overdue list about what is overdue', () => {
    expect(report.overdue.map((i) => i.ref)).toEqual(listOverdue(actions, '2024-03-14').map((i) => i.ref));
    expect(report.overdue.length).toBeGreaterThan(0);
  });

  it('lists every item within its own workstream in natural ref order', () => {
    for (const w of report.workstreams) {
      const refs = w.items.map((i) => Number(i.ref.split('.')[1]));
      expect(refs).toEqual([...refs].sort((a, b) => a - b));
      expect(w.items.every((i) => i.workstream === w.name)).toBe(true);
    }
  });

  it('asks about every open action on a first cycle with no updates yet', () => {
    const open = 63 - report.totals.blue;
    expect(report.readiness).toMatchObject({ expected: open, updated: 0 });
    expect(report.missingUpdates.flatMap((m) => m.actions).length).toBeGreaterThanOrEqual(open);
  });
});

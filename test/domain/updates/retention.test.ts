import { describe, expect, it } from 'vitest';
import { retentionHorizon, updatesToRemove, type UpdateStub } from '../../../src/domain/updates/retention.ts';

const at = (iso: string) => new Date(iso);
const stub = (id: string, actionId: string, iso: string, correctsId: string | null = null): UpdateStub => ({ id, actionId, at: at(iso), correctsId });

describe('retentionHorizon', () => {
  it('keeps everything when retention is 0 months (the default: boards need the history)', () => {
    expect(retentionHorizon(at('2026-11-23T02:15:00Z'), 0, [])).toBeNull();
  });

  it('is that many calendar months back, in UTC whatever the machine zone', () => {
    expect(retentionHorizon(at('2026-11-23T02:15:00Z'), 12, [])).toEqual(at('2025-11-23T02:15:00Z'));
    // 31 May less three months: the end of February, not a day in March.
    expect(retentionHorizon(at('2026-05-31T10:00:00Z'), 3, [])).toEqual(at('2026-02-28T10:00:00Z'));
  });

  it('moves back to a report baseline older than that, so a board still sees movement since its last cut-off', () => {
    const cutoff = at('2026-08-10T11:00:00Z');
    expect(retentionHorizon(at('2026-11-23T02:15:00Z'), 1, [null, cutoff, at('2026-11-01T09:30:00Z')])).toEqual(cutoff);
  });
});

describe('updatesToRemove', () => {
  const horizon = at('2025-01-01T00:00:00Z');

  it('removes superseded updates before the horizon and keeps every one after it', () => {
    const updates = [
      stub('old1', 'A', '2024-03-01T09:00:00Z'),
      stub('old2', 'A', '2024-06-01T09:00:00Z'),
      stub('base', 'A', '2024-09-01T09:00:00Z'),
      stub('new1', 'A', '2025-02-01T09:00:00Z'),
      stub('new2', 'A', '2025-03-01T09:00:00Z'),
    ];
    expect(updatesToRemove(updates, horizon).sort()).toEqual(['old1', 'old2']);
  });

  it("never removes an action's latest update, however old", () => {
    const updates = [stub('a1', 'A', '2020-01-01T09:00:00Z'), stub('a2', 'A', '2021-01-01T09:00:00Z'), stub('b1', 'B', '2019-05-05T09:00:00Z')];
    expect(updatesToRemove(updates, horizon)).toEqual(['a1']);
  });

  it('keeps the latest before the horizon as the baseline for reports from the horizon on', () => {
    const updates = [stub('x', 'A', '2024-12-31T23:59:59Z'), stub('y', 'A', '2025-01-01T00:00:00Z'), stub('w', 'A', '2024-12-01T00:00:00Z')];
    expect(updatesToRemove(updates, horizon)).toEqual(['w']);
  });

  it('keeps the whole chain of updates a kept correction points at', () => {
    const updates = [
      stub('first', 'A', '2024-01-01T09:00:00Z'),
      stub('fix1', 'A', '2024-01-02T09:00:00Z', 'first'),
      stub('other', 'A', '2024-02-01T09:00:00Z'),
      stub('baseline', 'A', '2024-06-01T09:00:00Z'),
      stub('fix2', 'A', '2025-02-01T09:00:00Z', 'fix1'),
    ];
    expect(updatesToRemove(updates, horizon)).toEqual(['other']);
  });

  it('treats each action on its own', () => {
    const updates = [stub('a-old', 'A', '2024-01-01T09:00:00Z'), stub('a-new', 'A', '2024-02-01T09:00:00Z'), stub('b-only', 'B', '2024-01-01T09:00:00Z')];
    expect(updatesToRemove(updates, horizon)).toEqual(['a-old']);
  });

  it('stops at a loop of corrections rather than running for ever', () => {
    const updates = [stub('p', 'A', '2024-01-01T09:00:00Z', 'q'), stub('q', 'A', '2024-01-02T09:00:00Z', 'p'), stub('r', 'A', '2025-06-01T09:00:00Z', 'p')];
    expect(updatesToRemove(updates, horizon)).toEqual([]);
  });
});

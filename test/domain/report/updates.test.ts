import { describe, expect, it } from 'vitest';
import { latestUpdate, updatedSince } from '../../../src/domain/report/updates.ts';
import { update } from './fixtures.ts';

describe('latestUpdate', () => {
  it('finds the latest update whatever order updates are given in', () => {
    const updates = [
      update({ at: '2025-03-05T10:00:00Z', note: 'middle' }),
      update({ at: '2025-03-09T10:00:00Z', note: 'latest' }),
      update({ at: '2025-02-01T10:00:00Z', note: 'earliest' }),
    ];
    expect(latestUpdate(updates)?.note).toBe('latest');
  });

  it('is null for an action nobody has updated', () => {
    expect(latestUpdate([])).toBeNull();
  });

  it('limited to an instant, ignores later updates and includes one made exactly at it', () => {
    const cutoff = new Date('2025-02-10T12:00:00Z');
    const updates = [
      update({ at: '2025-02-01T10:00:00Z', note: 'before' }),
      update({ at: '2025-02-10T12:00:00Z', note: 'at cut-off' }),
      update({ at: '2025-02-10T12:00:01Z', note: 'just after' }),
    ];
    expect(latestUpdate(updates, cutoff)?.note).toBe('at cut-off');
    expect(latestUpdate(updates.slice(2), cutoff)).toBeNull();
  });

  it('of two updates at the same instant, takes the one recorded later', () => {
    const at = '2025-03-05T10:00:00Z';
    expect(latestUpdate([update({ at, note: 'first' }), update({ at, note: 'second' })])?.note).toBe('second');
  });
});

describe('updatedSince', () => {
  const start = new Date('2025-03-03T09:30:00Z');

  it('counts an update at or after the cycle start', () => {
    expect(updatedSince([update({ at: '2025-03-03T09:30:00Z' })], start)).toBe(true);
    expect(updatedSince([update({ at: '2025-03-10T09:30:00Z' })], start)).toBe(true);
  });

  it('does not count an update before the cycle start', () => {
    expect(updatedSince([update({ at: '2025-03-03T09:29:59Z' })], start)).toBe(false);
  });

  it('does not count a status read from the spreadsheet as a reply from the lead', () => {
    expect(updatedSince([update({ at: '2025-03-04T09:30:00Z', source: 'import' })], start)).toBe(false);
    expect(updatedSince([update({ at: '2025-03-04T09:30:00Z', source: 'import' })], null)).toBe(false);
  });

  it('with no cycle, counts any update at all', () => {
    expect(updatedSince([update({ at: '2020-01-01T00:00:00Z' })], null)).toBe(true);
    expect(updatedSince([], null)).toBe(false);
  });
});

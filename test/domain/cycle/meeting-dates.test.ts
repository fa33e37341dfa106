import { describe, expect, it } from 'vitest';
import { nextMeeting, previousMeeting } from '../../../src/domain/cycle/meeting-dates.ts';

const meetings = ['2025-03-11', '2025-01-14', '2025-02-11'];

describe('nextMeeting', () => {
  it('finds the first meeting after the as-of date, whatever the order given', () => {
    expect(nextMeeting(meetings, '2025-01-20')).toBe('2025-02-11');
  });

  it('counts a meeting on the as-of date as the next one', () => {
    expect(nextMeeting(meetings, '2025-02-11')).toBe('2025-02-11');
  });

  it('returns null when no meeting is left', () => {
    expect(nextMeeting(meetings, '2025-03-12')).toBeNull();
    expect(nextMeeting([], '2025-03-12')).toBeNull();
  });
});

describe('previousMeeting', () => {
  it('finds the last meeting before the as-of date', () => {
    expect(previousMeeting(meetings, '2025-03-01')).toBe('2025-02-11');
  });

  it('does not count a meeting on the as-of date', () => {
    expect(previousMeeting(meetings, '2025-02-11')).toBe('2025-01-14');
  });

  it('returns null before the first meeting', () => {
    expect(previousMeeting(meetings, '2025-01-14')).toBeNull();
  });
});

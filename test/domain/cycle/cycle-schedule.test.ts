import { describe, expect, it } from 'vitest';
import { cycleSchedule, DEFAULT_CYCLE_SETTINGS, validateCycleSettings } from '../../../src/domain/cycle/cycle-schedule.ts';

describe('DEFAULT_CYCLE_SETTINGS', () => {
  it('follows DESIGN: ask 5 working days before at 09:30, chase 2 later, cut off 2 before at 12:00, London, England and Wales', () => {
    expect(DEFAULT_CYCLE_SETTINGS).toEqual({
      askDays: 5,
      askTime: '09:30',
      chaseDays: 2,
      cutoffDays: 2,
      cutoffTime: '12:00',
      timezone: 'Europe/London',
      nation: 'england-wales',
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_CYCLE_SETTINGS)).toBe(true);
  });
});

describe('cycleSchedule', () => {
  it('schedules a winter Tuesday meeting with the defaults', () => {
    expect(cycleSchedule('2025-03-11', DEFAULT_CYCLE_SETTINGS)).toEqual({
      meeting: '2025-03-11',
      askOn: '2025-03-04',
      askAt: new Date('2025-03-04T09:30:00Z'),
      chaseOn: '2025-03-06',
      chaseAt: new Date('2025-03-06T09:30:00Z'),
      cutoffOn: '2025-03-07',
      cutoffAt: new Date('2025-03-07T12:00:00Z'),
    });
  });

  it('uses the defaults when no settings are given', () => {
    expect(cycleSchedule('2025-03-11')).toEqual(cycleSchedule('2025-03-11', DEFAULT_CYCLE_SETTINGS));
  });

  it('keeps 09:30 London time in British Summer Time (08:30 UTC)', () => {
    const s = cycleSchedule('2025-07-08');
    expect(s.askOn).toBe('2025-07-01');
    expect(s.askAt).toEqual(new Date('2025-07-01T08:30:00Z'));
    expect(s.cutoffAt).toEqual(new Date('2025-07-04T11:00:00Z'));
  });

  it('uses each day’s own offset when the clocks change inside the cycle', () => {
    // Clocks went forward on 30 March 2025: the ask is in GMT, the cut-off still GMT, a later one BST.
    const s = cycleSchedule('2025-04-01');
    expect(s.askAt).toEqual(new Date('2025-03-25T09:30:00Z'));
    expect(s.cutoffOn).toBe('2025-03-28');
    const after = cycleSchedule('2025-04-03');
    expect(after.cutoffOn).toBe('2025-04-01');
    expect(after.cutoffAt).toEqual(new Date('2025-04-01T11:00:00Z'));
  });

  it('moves the ask earlier when a bank holiday falls in the window', () => {
    // Thu 8 May 2025: Mon 5 May is the early May bank holiday, so the ask is Wed 30 April, not Thu 1 May.
    const s = cycleSchedule('2025-05-08');
    expect(s.askOn).toBe('2025-04-30');
    expect(s.chaseOn).toBe('2025-05-02');
    expect(s.cutoffOn).toBe('2025-05-06');
  });

  it('chases over a bank holiday in working days', () => {
    // Ask Fri 2 May 2025 for Fri 9 May; the chase skips the weekend and the bank holiday.
    const s = cycleSchedule('2025-05-09');
    expect(s.askOn).toBe('2025-05-01');
    expect(s.chaseOn).toBe('2025-05-06');
  });

  it('follows the programme’s nation: Easter Monday moves the dates in England but not in Scotland', () => {
    const england = cycleSchedule('2025-04-22', { nation: 'england-wales' });
    const scotland = cycleSchedule('2025-04-22', { nation: 'scotland' });
    expect([england.askOn, england.chaseOn, england.cutoffOn]).toEqual(['2025-04-11', '2025-04-15', '2025-04-16']);
    expect([scotland.askOn, scotland.chaseOn, scotland.cutoffOn]).toEqual(['2025-04-14', '2025-04-16', '2025-04-17']);
  });

  it('skips Christmas and Boxing Day for a meeting between Christmas and New Year', () => {
    // Tue 30 Dec 2025: Mon 29, (Fri 26 and Thu 25 are bank holidays), Wed 24, Tue 23, Mon 22, Fri 19.
    const s = cycleSchedule('2025-12-30');
    expect(s.askOn).toBe('2025-12-19');
    expect(s.chaseOn).toBe('2025-12-23');
    expect(s.cutoffOn).toBe('2025-12-24');
  });

  it('skips New Year’s Day (and 2 January in Scotland) for an early January meeting', () => {
    expect(cycleSchedule('2026-01-06').askOn).toBe('2025-12-29');
    expect(cycleSchedule('2026-01-06', { nation: 'scotland' }).askOn).toBe('2025-12-24');
  });

  it('honours a board’s own days and times', () => {
    const s = cycleSchedule('2025-03-11', { askDays: 10, askTime: '08:00', chaseDays: 3, cutoffDays: 1, cutoffTime: '17:00' });
    expect(s.askOn).toBe('2025-02-25');
    expect(s.askAt).toEqual(new Date('2025-02-25T08:00:00Z'));
    expect(s.chaseOn).toBe('2025-02-28');
    expect(s.chaseAt).toEqual(new Date('2025-02-28T08:00:00Z'));
    expect(s.cutoffOn).toBe('2025-03-10');
    expect(s.cutoffAt).toEqual(new Date('2025-03-10T17:00:00Z'));
  });

  it('works in another timezone', () => {
    const s = cycleSchedule('2025-03-11', { timezone: 'America/New_York' });
    expect(s.askAt).toEqual(new Date('2025-03-04T14:30:00Z'));
  });

  it('orders ask, chase and cut-off before the meeting with the defaults all year', () => {
    for (let month = 1; month <= 12; month++) {
      const meeting = `2025-${String(month).padStart(2, '0')}-15`;
      const s = cycleSchedule(meeting);
      expect(s.askAt < s.chaseAt && s.chaseAt < s.cutoffAt).toBe(true);
      expect(s.cutoffOn < meeting).toBe(true);
    }
  });
});

describe('validateCycleSettings', () => {
  it('accepts the defaults', () => {
    expect(validateCycleSettings(DEFAULT_CYCLE_SETTINGS)).toEqual([]);
    expect(validateCycleSettings({})).toEqual([]);
  });

  it('rejects days that are not whole numbers', () => {
    expect(validateCycleSettings({ askDays: 2.5 })).toEqual([
      'Ask days must be a whole number of working days, at least 1 (got 2.5).',
    ]);
    expect(validateCycleSettings({ cutoffDays: -1 })[0]).toMatch(/^Cut-off days must be a whole number/);
  });

  it('rejects a time that is not HH:MM on a 24-hour clock', () => {
    expect(validateCycleSettings({ askTime: '9.30am' })).toEqual(['Ask time must be a 24-hour time such as 09:30 (got "9.30am").']);
    expect(validateCycleSettings({ cutoffTime: '24:00' })[0]).toMatch(/^Cut-off time/);
  });

  it('rejects an unknown timezone', () => {
    expect(validateCycleSettings({ timezone: 'Europe/Hull' })).toEqual([
      '"Europe/Hull" is not a timezone I know; use one such as Europe/London.',
    ]);
  });

  it('rejects a cut-off that is not after the ask', () => {
    expect(validateCycleSettings({ askDays: 2, cutoffDays: 2 })[0]).toMatch(/must come before the cut-off/);
  });

  it('asks for room to chase between the ask and the cut-off', () => {
    expect(validateCycleSettings({ askDays: 3, cutoffDays: 2, chaseDays: 1 })).toEqual([
      'Leave at least two working days between the ask and the cut-off, so there is a day to chase on.',
    ]);
  });

  it('rejects a chase that would fall on or after the cut-off and says the most it can be', () => {
    expect(validateCycleSettings({ chaseDays: 3 })).toEqual([
      'The chase (3 working days after the ask) must come before the cut-off; with the ask 5 and the cut-off 2 working days before the meeting, chase at most 2 working days after the ask.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { boardMeetingDates, reportWindow } from '../../../src/domain/cycle/board-calendar.ts';
import { DEFAULT_CYCLE_SETTINGS, type CycleSettings } from '../../../src/domain/cycle/cycle-schedule.ts';

const settings: CycleSettings = { ...DEFAULT_CYCLE_SETTINGS };

describe('boardMeetingDates', () => {
  it('returns the explicit dates, sorted, when there is no rule', () => {
    expect(boardMeetingDates(['2024-03-20', '2024-01-17', '2024-02-21'], null, '2024-02-01')).toEqual(['2024-01-17', '2024-02-21', '2024-03-20']);
  });

  it('drops an explicit date given twice', () => {
    expect(boardMeetingDates(['2024-03-20', '2024-03-20'], null, '2024-02-01')).toEqual(['2024-03-20']);
  });

  it('unrolls a rule such as "second Tuesday" on both sides of the day', () => {
    const dates = boardMeetingDates([], 'second Tuesday', '2024-03-01');
    expect(dates).toContain('2024-02-13');
    expect(dates).toContain('2024-03-12');
    expect(dates).toContain('2024-04-09');
    expect(dates.some((d) => d < '2024-03-01')).toBe(true);
    expect(dates.some((d) => d > '2024-12-31')).toBe(true);
    expect(dates.every((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 2)).toBe(true);
  });

  it('unrolls the rule over about thirteen months either side', () => {
    const dates = boardMeetingDates([], 'second Tuesday', '2024-03-01');
    expect(dates[0]).toBe('2023-02-14');
    expect(dates.at(-1)).toBe('2025-03-11');
    expect(dates).toHaveLength(26);
  });

  it('merges explicit dates with the rule, sorted and without repeats', () => {
    const dates = boardMeetingDates(['2024-03-20', '2024-03-12'], 'second Tuesday', '2024-03-01');
    expect(dates.filter((d) => d === '2024-03-12')).toHaveLength(1);
    expect(dates.slice(dates.indexOf('2024-02-13'), dates.indexOf('2024-04-09') + 1)).toEqual(['2024-02-13', '2024-03-12', '2024-03-20', '2024-04-09']);
    expect(dates).toEqual([...dates].sort());
  });

  it('ignores a rule it cannot read and keeps the explicit dates', () => {
    expect(boardMeetingDates(['2024-03-20'], 'whenever the chair likes', '2024-03-01')).toEqual(['2024-03-20']);
    expect(boardMeetingDates(['2024-03-20'], 'Tuesday', '2024-03-01')).toEqual(['2024-03-20']);
  });

  it('treats an empty rule as no rule', () => {
    expect(boardMeetingDates(['2024-03-20'], '', '2024-03-01')).toEqual(['2024-03-20']);
  });

  it('has no meetings with neither dates nor a rule', () => {
    expect(boardMeetingDates([], null, '2024-03-01')).toEqual([]);
  });
});

describe('reportWindow', () => {
  const meetings = ['2024-01-09', '2024-02-13', '2024-03-12'];

  it('picks the next meeting on or after the day, and the previous one strictly before it', () => {
    const window = reportWindow(meetings, '2024-03-01', settings);
    expect(window.nextMeeting).toBe('2024-03-12');
    expect(window.previousMeeting).toBe('2024-02-13');
  });

  it("still counts a meeting as next on the meeting's own day", () => {
    const window = reportWindow(meetings, '2024-02-13', settings);
    expect(window.nextMeeting).toBe('2024-02-13');
    expect(window.previousMeeting).toBe('2024-01-09');
  });

  it("starts the cycle at the previous meeting's cut-off: two working days before, at noon in London", () => {
    const window = reportWindow(meetings, '2024-03-01', settings);
    // Tuesday 13 February 2024 → Friday 9 February, 12:00 GMT.
    expect(window.previousCutoff).toEqual(new Date('2024-02-09T12:00:00Z'));
    expect(window.cycleStart).toEqual(new Date('2024-02-09T12:00:00Z'));
  });

  it("starts the first cycle at the next meeting's ask: five working days before, at 09:30", () => {
    const window = reportWindow(['2024-02-13'], '2024-02-01', settings);
    expect(window.previousMeeting).toBeNull();
    expect(window.previousCutoff).toBeNull();
    // Tuesday 13 February 2024 → Tuesday 6 February, 09:30 GMT.
    expect(window.cycleStart).toEqual(new Date('2024-02-06T09:30:00Z'));
  });

  it('keeps 09:30 as London time in summer, which is 08:30 UTC', () => {
    const window = reportWindow(['2024-07-09'], '2024-07-01', settings);
    expect(window.cycleStart).toEqual(new Date('2024-07-02T08:30:00Z'));
  });

  it('keeps noon as London time in summer for the cut-off', () => {
    const window = reportWindow(['2024-07-09', '2024-08-13'], '2024-07-20', settings);
    // Tuesday 9 July 2024 → Friday 5 July, 12:00 BST.
    expect(window.previousCutoff).toEqual(new Date('2024-07-05T11:00:00Z'));
  });

  it('moves the ask earlier past the Easter bank holidays in England', () => {
    // Thursday 4 April 2024: Easter Monday (1 April) and Good Friday (29 March) are skipped.
    const window = reportWindow(['2024-04-04'], '2024-03-01', settings);
    expect(window.cycleStart).toEqual(new Date('2024-03-26T09:30:00Z'));
  });

  it('moves the cut-off back past Easter Monday in England but not in Scotland, where it is a working day', () => {
    const dates = ['2024-04-03', '2024-05-01'];
    // England and Wales: Tuesday 2 April, then Thursday 28 March (Good Friday and Easter Monday skipped), noon GMT.
    expect(reportWindow(dates, '2024-04-10', settings).previousCutoff).toEqual(new Date('2024-03-28T12:00:00Z'));
    // Scotland: Tuesday 2 April, then Monday 1 April, noon BST.
    expect(reportWindow(dates, '2024-04-10', { ...settings, nation: 'scotland' }).previousCutoff).toEqual(new Date('2024-04-01T11:00:00Z'));
  });

  it('follows other cycle settings', () => {
    const window = reportWindow(['2024-02-13'], '2024-02-01', { ...settings, askDays: 3, askTime: '10:00' });
    expect(window.cycleStart).toEqual(new Date('2024-02-08T10:00:00Z'));
  });

  it('has no next meeting after the last one, but still measures from the last cut-off', () => {
    const window = reportWindow(meetings, '2024-04-01', settings);
    expect(window.nextMeeting).toBeNull();
    expect(window.previousMeeting).toBe('2024-03-12');
    expect(window.cycleStart).toEqual(new Date('2024-03-08T12:00:00Z'));
  });

  it('has nothing to frame a cycle with when the board has no meetings', () => {
    expect(reportWindow([], '2024-03-01', settings)).toEqual({ nextMeeting: null, previousMeeting: null, cycleStart: null, previousCutoff: null });
  });

  it('does not care what order the meetings come in', () => {
    expect(reportWindow(['2024-03-12', '2024-01-09', '2024-02-13'], '2024-03-01', settings)).toEqual(reportWindow(meetings, '2024-03-01', settings));
  });
});

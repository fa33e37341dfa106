import { describe, expect, it } from 'vitest';
import {
  describeMeetingRule,
  meetingDateInMonth,
  meetingDatesFromRule,
  parseMeetingRule,
  type MeetingRule,
} from '../../../src/domain/cycle/meeting-rule.ts';
import { weekday } from '../../../src/domain/dates/calendar.ts';

const rule = (text: string): MeetingRule => {
  const parsed = parseMeetingRule(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('parseMeetingRule', () => {
  it.each([
    ['second Tuesday', { nth: 2, weekday: 2 }],
    ['Second Tuesday', { nth: 2, weekday: 2 }],
    ['first Monday of each month', { nth: 1, weekday: 1 }],
    ['last Thursday', { nth: -1, weekday: 4 }],
    ['2nd Wed', { nth: 2, weekday: 3 }],
    ['every month on the third Friday', { nth: 3, weekday: 5 }],
    ['the fourth Thursday of the month', { nth: 4, weekday: 4 }],
    ['monthly, 1st Mon', { nth: 1, weekday: 1 }],
    ['last Fri of every month.', { nth: -1, weekday: 5 }],
    ['fifth Friday', { nth: 5, weekday: 5 }],
    ['second Tuesdays', { nth: 2, weekday: 2 }],
    ['Thurs 3rd', { nth: 3, weekday: 4 }],
    ['final Weds', { nth: -1, weekday: 3 }],
  ] as const)('reads %j', (text, expected) => {
    expect(parseMeetingRule(text)).toEqual({ ok: true, value: expected });
  });

  it('says which week is missing', () => {
    const result = parseMeetingRule('Tuesday');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/doesn't say which week: add first, second, third, fourth, fifth or last/);
  });

  it('says which day is missing', () => {
    const result = parseMeetingRule('second of each month');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/doesn't say which day of the week/);
  });

  it('names the words it does not understand', () => {
    const result = parseMeetingRule('every other month on the second Tuesday');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('"other"');
      expect(result.error).toContain('"second Tuesday"');
    }
  });

  it('rejects a day of the month rather than a weekday', () => {
    expect(parseMeetingRule('the 14th').ok).toBe(false);
  });

  it('rejects two ordinals', () => {
    expect(parseMeetingRule('first second Tuesday').ok).toBe(false);
  });

  it('asks for a rule when given nothing', () => {
    expect(parseMeetingRule('  ')).toEqual({ ok: false, error: expect.stringMatching(/^Please give a meeting rule/) });
  });
});

describe('describeMeetingRule', () => {
  it('writes the rule back in words', () => {
    expect(describeMeetingRule(rule('2nd Tue'))).toBe('second Tuesday of each month');
    expect(describeMeetingRule(rule('last thu'))).toBe('last Thursday of each month');
  });

  it('reads back what it writes', () => {
    const r = rule('every month on the third Friday');
    expect(parseMeetingRule(describeMeetingRule(r))).toEqual({ ok: true, value: r });
  });
});

describe('meetingDateInMonth', () => {
  it('finds the second Tuesday when the month starts on a Tuesday', () => {
    expect(meetingDateInMonth(rule('second Tuesday'), 2025, 4)).toBe('2025-04-08'); // 1 April 2025 was a Tuesday
  });

  it('finds the first Monday when the month starts on a Monday', () => {
    expect(meetingDateInMonth(rule('first Monday'), 2025, 9)).toBe('2025-09-01');
  });

  it('finds the last Thursday when the month ends on a Thursday', () => {
    expect(meetingDateInMonth(rule('last Thursday'), 2025, 7)).toBe('2025-07-31');
  });

  it('finds the last Friday in a leap February', () => {
    expect(meetingDateInMonth(rule('last Friday'), 2024, 2)).toBe('2024-02-23');
    expect(meetingDateInMonth(rule('last Thursday'), 2024, 2)).toBe('2024-02-29');
  });

  it('has no fifth Friday in a month with only four', () => {
    expect(meetingDateInMonth(rule('fifth Friday'), 2025, 2)).toBeNull();
    expect(meetingDateInMonth(rule('fifth Friday'), 2025, 5)).toBe('2025-05-30');
  });
});

describe('meetingDatesFromRule', () => {
  it('lists the second Tuesdays of 2025', () => {
    expect(meetingDatesFromRule(rule('second Tuesday'), '2025-01-01', '2025-12-31')).toEqual([
      '2025-01-14',
      '2025-02-11',
      '2025-03-11',
      '2025-04-08',
      '2025-05-13',
      '2025-06-10',
      '2025-07-08',
      '2025-08-12',
      '2025-09-09',
      '2025-10-14',
      '2025-11-11',
      '2025-12-09',
    ]);
  });

  it('includes meetings on the first and last day of the range', () => {
    expect(meetingDatesFromRule(rule('second Tuesday'), '2025-01-14', '2025-03-11')).toEqual(['2025-01-14', '2025-02-11', '2025-03-11']);
  });

  it('leaves out meetings just outside the range', () => {
    expect(meetingDatesFromRule(rule('second Tuesday'), '2025-01-15', '2025-03-10')).toEqual(['2025-02-11']);
  });

  it('runs across the year end', () => {
    expect(meetingDatesFromRule(rule('last Thursday'), '2025-11-01', '2026-02-28')).toEqual([
      '2025-11-27',
      '2025-12-25',
      '2026-01-29',
      '2026-02-26',
    ]);
  });

  it('skips months without a fifth such day', () => {
    expect(meetingDatesFromRule(rule('fifth Friday'), '2025-01-01', '2025-06-30')).toEqual(['2025-01-31', '2025-05-30']);
  });

  it('returns nothing for a range that ends before it starts', () => {
    expect(meetingDatesFromRule(rule('first Monday'), '2025-06-01', '2025-01-01')).toEqual([]);
  });

  it('always lands on the rule’s weekday in the right week', () => {
    for (const [text, nth, day] of [['first Monday', 1, 1], ['third Wednesday', 3, 3], ['fourth Sunday', 4, 7]] as const) {
      for (const date of meetingDatesFromRule(rule(text), '2024-01-01', '2027-12-31')) {
        expect(weekday(date)).toBe(day);
        expect(Math.ceil(Number(date.slice(8)) / 7)).toBe(nth);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  bankHolidays,
  isBankHoliday,
  isWorkingDay,
  nextWorkingDay,
  parseNation,
  workingDaysBefore,
} from '../../src/domain/working-days.ts';

describe('isWorkingDay', () => {
  it('counts Monday to Friday as working days', () => {
    expect(isWorkingDay('2025-03-10', 'england-wales')).toBe(true); // Monday
    expect(isWorkingDay('2025-03-14', 'england-wales')).toBe(true); // Friday
  });

  it('does not count weekends', () => {
    expect(isWorkingDay('2025-03-15', 'england-wales')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-16', 'scotland')).toBe(false); // Sunday
  });

  it('does not count Christmas Day, Boxing Day or New Year’s Day', () => {
    for (const nation of ['england-wales', 'scotland', 'northern-ireland'] as const) {
      expect(isWorkingDay('2025-12-25', nation)).toBe(false);
      expect(isWorkingDay('2025-12-26', nation)).toBe(false);
      expect(isWorkingDay('2025-01-01', nation)).toBe(false);
    }
  });

  it('does not count the substitute days when Christmas falls at a weekend (2021)', () => {
    expect(isWorkingDay('2021-12-27', 'england-wales')).toBe(false);
    expect(isWorkingDay('2021-12-28', 'england-wales')).toBe(false);
    expect(isWorkingDay('2021-12-29', 'england-wales')).toBe(true);
  });

  it('does not count the New Year substitute Monday (3 January 2022)', () => {
    expect(isWorkingDay('2022-01-03', 'england-wales')).toBe(false);
    expect(isWorkingDay('2022-01-04', 'england-wales')).toBe(true);
  });

  it('gives Scotland 2 January as well, with both substitutes in 2022', () => {
    expect(isWorkingDay('2025-01-02', 'scotland')).toBe(false);
    expect(isWorkingDay('2025-01-02', 'england-wales')).toBe(true);
    expect(isWorkingDay('2022-01-03', 'scotland')).toBe(false);
    expect(isWorkingDay('2022-01-04', 'scotland')).toBe(false);
  });

  it('does not count Good Friday anywhere in the UK', () => {
    for (const nation of ['england-wales', 'scotland', 'northern-ireland'] as const) {
      expect(isWorkingDay('2025-04-18', nation)).toBe(false);
    }
  });

  it('treats Easter Monday as a holiday in England and Wales but not in Scotland', () => {
    expect(isWorkingDay('2025-04-21', 'england-wales')).toBe(false);
    expect(isWorkingDay('2025-04-21', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2025-04-21', 'scotland')).toBe(true);
  });

  it('treats St Andrew’s Day as a holiday in Scotland only', () => {
    expect(isWorkingDay('2022-11-30', 'scotland')).toBe(false); // a Wednesday
    expect(isWorkingDay('2022-11-30', 'england-wales')).toBe(true);
  });

  it('moves St Andrew’s Day to the Monday when it falls at a weekend', () => {
    expect(isWorkingDay('2024-12-02', 'scotland')).toBe(false); // 30 Nov 2024 was a Saturday
    expect(isWorkingDay('2025-12-01', 'scotland')).toBe(false); // 30 Nov 2025 is a Sunday
    expect(isWorkingDay('2025-12-01', 'england-wales')).toBe(true);
  });

  it('treats St Patrick’s Day as a holiday in Northern Ireland only', () => {
    expect(isWorkingDay('2025-03-17', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2025-03-17', 'england-wales')).toBe(true);
    expect(isWorkingDay('2025-03-17', 'scotland')).toBe(true);
  });

  it('moves St Patrick’s Day to the Monday when it falls on a Sunday (2024)', () => {
    expect(isWorkingDay('2024-03-18', 'northern-ireland')).toBe(false);
  });

  it('treats the Battle of the Boyne as a Northern Ireland holiday, with its substitute Monday', () => {
    expect(isWorkingDay('2025-07-14', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2025-07-14', 'england-wales')).toBe(true);
  });

  it('does not count the early May bank holiday', () => {
    expect(isWorkingDay('2025-05-05', 'england-wales')).toBe(false);
    expect(isWorkingDay('2025-05-05', 'scotland')).toBe(false);
  });

  it('follows the early May bank holiday when it moved to VE Day (8 May 2020)', () => {
    expect(isWorkingDay('2020-05-08', 'england-wales')).toBe(false);
    expect(isWorkingDay('2020-05-04', 'england-wales')).toBe(true);
  });

  it('has the summer bank holiday at the start of August in Scotland and the end elsewhere', () => {
    expect(isWorkingDay('2025-08-04', 'scotland')).toBe(false);
    expect(isWorkingDay('2025-08-04', 'england-wales')).toBe(true);
    expect(isWorkingDay('2025-08-25', 'england-wales')).toBe(false);
    expect(isWorkingDay('2025-08-25', 'scotland')).toBe(true);
  });

  it('includes one-off national holidays (the Coronation, 8 May 2023)', () => {
    expect(isWorkingDay('2023-05-08', 'england-wales')).toBe(false);
  });

  it('ignores observances such as Mother’s Day', () => {
    expect(isBankHoliday('2025-03-30', 'england-wales')).toBe(false);
  });
});

describe('bankHolidays', () => {
  it("lists England and Wales's eight bank holidays for 2025 in order", () => {
    expect(bankHolidays(2025, 'england-wales').map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('returns a copy that callers cannot use to change the cache', () => {
    bankHolidays(2025, 'scotland').pop();
    expect(bankHolidays(2025, 'scotland')).toHaveLength(10);
  });
});

describe('addWorkingDays', () => {
  it('returns the date itself for zero days', () => {
    expect(addWorkingDays('2025-03-15', 0, 'england-wales')).toBe('2025-03-15');
  });

  it('skips the weekend: one working day after a Friday is the Monday', () => {
    expect(addWorkingDays('2025-03-14', 1, 'england-wales')).toBe('2025-03-17');
  });

  it('counts backwards for negative days: one before a Monday is the Friday', () => {
    expect(addWorkingDays('2025-03-17', -1, 'england-wales')).toBe('2025-03-14');
  });

  it('skips Christmas, Boxing Day and the weekend', () => {
    expect(addWorkingDays('2025-12-24', 1, 'england-wales')).toBe('2025-12-29');
    expect(addWorkingDays('2025-12-29', -1, 'england-wales')).toBe('2025-12-24');
  });

  it('runs across the year end, skipping New Year’s Day and, in Scotland, 2 January', () => {
    expect(addWorkingDays('2025-12-31', 1, 'england-wales')).toBe('2026-01-02');
    expect(addWorkingDays('2025-12-31', 1, 'scotland')).toBe('2026-01-05');
  });

  it('skips Easter in England and Wales but only Good Friday in Scotland', () => {
    expect(addWorkingDays('2025-04-17', 1, 'england-wales')).toBe('2025-04-22');
    expect(addWorkingDays('2025-04-17', 1, 'scotland')).toBe('2025-04-21');
  });

  it('counts many days across several holidays', () => {
    // 20 working days from Thu 11 Dec 2025 in England: Christmas, Boxing Day and New Year are skipped.
    expect(addWorkingDays('2025-12-11', 20, 'england-wales')).toBe('2026-01-13');
  });

  it('rejects a fractional number of days', () => {
    expect(() => addWorkingDays('2025-03-14', 1.5, 'england-wales')).toThrow(RangeError);
  });

  it('stays fast over years of lookups', () => {
    const start = performance.now();
    let day = '2025-01-01';
    for (let i = 0; i < 200; i++) day = addWorkingDays(day, 5, 'northern-ireland');
    expect(day > '2028-01-01').toBe(true);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('workingDaysBefore', () => {
  it('puts 2 working days before a Tuesday on the Friday before', () => {
    expect(workingDaysBefore('2025-03-11', 2, 'england-wales')).toBe('2025-03-07');
  });

  it('moves earlier over the early May bank holiday', () => {
    // Wed 7 May 2025: Tue 6, (Mon 5 is a bank holiday), Fri 2.
    expect(workingDaysBefore('2025-05-07', 2, 'england-wales')).toBe('2025-05-02');
  });

  it('moves earlier over St Patrick’s Day in Northern Ireland only', () => {
    expect(workingDaysBefore('2025-03-18', 1, 'northern-ireland')).toBe('2025-03-14');
    expect(workingDaysBefore('2025-03-18', 1, 'england-wales')).toBe('2025-03-17');
  });
});

describe('nextWorkingDay', () => {
  it('keeps a working day', () => {
    expect(nextWorkingDay('2025-03-14', 'england-wales')).toBe('2025-03-14');
  });

  it('moves a Saturday to the Monday, and past Easter Monday', () => {
    expect(nextWorkingDay('2025-03-15', 'england-wales')).toBe('2025-03-17');
    expect(nextWorkingDay('2025-04-18', 'england-wales')).toBe('2025-04-22');
  });
});

describe('parseNation', () => {
  it.each([
    ['england-wales', 'england-wales'],
    ['England and Wales', 'england-wales'],
    ['England & Wales', 'england-wales'],
    ['Wales', 'england-wales'],
    ['Scotland', 'scotland'],
    ['northern ireland', 'northern-ireland'],
    ['NI', 'northern-ireland'],
  ] as const)('reads %j', (text, nation) => {
    expect(parseNation(text)).toEqual({ ok: true, value: nation });
  });

  it('lists the nations when it cannot read one', () => {
    expect(parseNation('Ireland')).toEqual({
      ok: false,
      error: '"Ireland" is not a nation I know. Use one of: england-wales, scotland, northern-ireland.',
    });
  });
});

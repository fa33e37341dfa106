import { describe, expect, it } from 'vitest';
import { describeDueDate, parseRegisterDate, readDatesInCell } from '../../../src/domain/register/register-date.ts';

const day = (date: string) => ({ date, precision: 'day' as const });
const month = (date: string) => ({ date, precision: 'month' as const });

describe('parseRegisterDate', () => {
  it.each([
    ['31-Mar-18', '2018-03-31'],
    ['31/03/2018', '2018-03-31'],
    ['2018-03-31', '2018-03-31'],
    ['31.03.18', '2018-03-31'],
    ['1/4/2024', '2024-04-01'],
    ['31 March 2018', '2018-03-31'],
    ['24th October 2020', '2020-10-24'],
    ['March 31, 2024', '2024-03-31'],
  ])('reads %s as the day %s, day first as in the UK', (text, date) => {
    expect(parseRegisterDate(text)).toEqual({ due: day(date), milestones: [], warning: null });
  });

  it.each([
    ['Nov-23', '2023-11-30'],
    ['Nov 19', '2019-11-30'],
    ['Dec 2019', '2019-12-31'],
    ['November 2023', '2023-11-30'],
    ['May- 24', '2024-05-31'],
    ['Feb-24', '2024-02-29'],
    ['Sept 2024', '2024-09-30'],
    ["Apr'25", '2025-04-30'],
    ['03/2024', '2024-03-31'],
    ['2024-03', '2024-03-31'],
  ])('reads %s as a month, due on its last day (%s)', (text, date) => {
    expect(parseRegisterDate(text)).toEqual({ due: month(date), milestones: [], warning: null });
  });

  it('reads words around a date without complaint ("Review August 2024")', () => {
    expect(parseRegisterDate('Review August 2024')).toEqual({ due: month('2024-08-31'), milestones: [], warning: null });
    expect(parseRegisterDate('End of March 2025')).toEqual({ due: month('2025-03-31'), milestones: [], warning: null });
  });

  it('reads "24-Apr" (two digits, a month, no year) as the month April 2024, with a warning', () => {
    const read = parseRegisterDate('24-Apr');
    expect(read.due).toEqual(month('2024-04-30'));
    expect(read.warning).toMatch(/"24-Apr" read as the month Apr 2024/);
  });

  it('takes the last of several dates as due and keeps the others as milestones, with a warning', () => {
    const read = parseRegisterDate('Nov 19 Dec 19 April 2020');
    expect(read.due).toEqual(month('2020-04-30'));
    expect(read.milestones).toEqual([month('2019-11-30'), month('2019-12-31')]);
    expect(read.warning).toMatch(/several dates in "Nov 19 Dec 19 April 2020": the last, Apr 2020/);
  });

  it('keeps days and months apart within one cell', () => {
    const read = parseRegisterDate('31/01/2024 then Mar-24');
    expect(read.milestones).toEqual([day('2024-01-31')]);
    expect(read.due).toEqual(month('2024-03-31'));
  });

  it('gives no date and no warning for a blank cell', () => {
    expect(parseRegisterDate('')).toEqual({ due: null, milestones: [], warning: null });
    expect(parseRegisterDate('   \n ')).toEqual({ due: null, milestones: [], warning: null });
  });

  it.each(['TBC', 'tbc', 'TBA', 'To be confirmed'])('gives no date for %s, with a warning that it is not set yet', (text) => {
    const read = parseRegisterDate(text);
    expect(read.due).toBeNull();
    expect(read.warning).toBe(`no date yet ("${text}")`);
  });

  it.each(['Ongoing', 'Q3 2024', '1st April', 'Marketing 2024', '45231'])('gives no date for unreadable %s, with a warning quoting it', (text) => {
    expect(parseRegisterDate(text)).toEqual({ due: null, milestones: [], warning: `could not read a date in "${text}"` });
  });

  it('refuses days that do not exist, and says so', () => {
    expect(parseRegisterDate('31/02/2024')).toEqual({ due: null, milestones: [], warning: '"31/02/2024" is not a real date' });
    expect(parseRegisterDate('13/13/2024').due).toBeNull();
  });

  it('does not read US month-first dates as valid days', () => {
    expect(parseRegisterDate('03/31/2024').due).toBeNull();
  });

  it('treats two-digit years as this century', () => {
    expect(parseRegisterDate('1-Jan-99').due).toEqual(day('2099-01-01'));
  });

  it('does not take a month name inside a longer word for a month', () => {
    expect(parseRegisterDate('Maybe 2024').due).toBeNull();
  });

  it('quotes long unreadable text cut short, on one line', () => {
    const read = parseRegisterDate(`To be agreed with the\nboard once the ${'very '.repeat(20)}long review ends`);
    expect(read.warning).toMatch(/^could not read a date in "To be agreed with the board once the very .*\.\.\."$/);
  });
});

describe('readDatesInCell', () => {
  it('lists every date in the order written', () => {
    expect(readDatesInCell('Feb-23 to Apr-23').dates).toEqual([month('2023-02-28'), month('2023-04-30')]);
  });

  it('says when text held no date', () => {
    expect(readDatesInCell('Ongoing').unread).toBe('could not read a date in "Ongoing"');
    expect(readDatesInCell('').unread).toBeNull();
  });
});

describe('describeDueDate', () => {
  it('shows a day in full and a month as month and year', () => {
    expect(describeDueDate(day('2018-03-31'))).toBe('31 Mar 2018');
    expect(describeDueDate(month('2023-11-30'))).toBe('Nov 2023');
  });
});

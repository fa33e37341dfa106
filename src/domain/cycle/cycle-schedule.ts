import type { CalendarDate } from '../calendar-date.ts';
import { instantInZone } from '../dates/calendar.ts';
import { addWorkingDays, NATIONS, type Nation } from '../working-days.ts';

export interface CycleSettings {
  /** Working days before the meeting that leads are asked for updates. */
  askDays: number;
  /** Wall-clock `HH:MM` in the programme's timezone. */
  askTime: string;
  /** Working days after the ask that non-responders are chased (at the ask time). */
  chaseDays: number;
  /** Working days before the meeting that updates close and the report is compiled. */
  cutoffDays: number;
  cutoffTime: string;
  timezone: string;
  nation: Nation;
}

/** DESIGN, "Cycle defaults". */
export const DEFAULT_CYCLE_SETTINGS: Readonly<CycleSettings> = Object.freeze({
  askDays: 5,
  askTime: '09:30',
  chaseDays: 2,
  cutoffDays: 2,
  cutoffTime: '12:00',
  timezone: 'Europe/London',
  nation: 'england-wales',
});

export interface CycleSchedule {
  meeting: CalendarDate;
  askOn: CalendarDate;
  askAt: Date;
  chaseOn: CalendarDate;
  chaseAt: Date;
  cutoffOn: CalendarDate;
  cutoffAt: Date;
}

/**
 * When each step of one meeting's cycle happens. Offsets are working days, so a bank holiday in
 * the window moves the ask (and the rest) earlier. Instants come from the programme's timezone,
 * so 09:30 stays 09:30 in London on either side of a clock change.
 */
export function cycleSchedule(meeting: CalendarDate, settings: Partial<CycleSettings> = {}): CycleSchedule {
  const s = { ...DEFAULT_CYCLE_SETTINGS, ...settings };
  const askOn = addWorkingDays(meeting, -s.askDays, s.nation);
  const chaseOn = addWorkingDays(askOn, s.chaseDays, s.nation);
  const cutoffOn = addWorkingDays(meeting, -s.cutoffDays, s.nation);
  return {
    meeting,
    askOn,
    askAt: instantInZone(askOn, s.askTime, s.timezone),
    chaseOn,
    chaseAt: instantInZone(chaseOn, s.askTime, s.timezone),
    cutoffOn,
    cutoffAt: instantInZone(cutoffOn, s.cutoffTime, s.timezone),
  };
}

/**
 * Problems with a board's cycle settings, worded for the person setting them; empty when sound.
 * The chase must come before the cut-off, or there would be nothing left to chase for.
 */
export function validateCycleSettings(settings: Partial<CycleSettings>): string[] {
  const s = { ...DEFAULT_CYCLE_SETTINGS, ...settings };
  const problems: string[] = [];
  const whole = (value: number, name: string, min: number) => {
    if (!Number.isInteger(value) || value < min) problems.push(`${name} must be a whole number of working days, at least ${min} (got ${value}).`);
  };
  whole(s.askDays, 'Ask days', 1);
  whole(s.chaseDays, 'Chase days', 1);
  whole(s.cutoffDays, 'Cut-off days', 0);
  for (const [name, time] of [['Ask time', s.askTime], ['Cut-off time', s.cutoffTime]] as const) {
    if (!isClockTime(time)) problems.push(`${name} must be a 24-hour time such as 09:30 (got "${time}").`);
  }
  if (!isTimezone(s.timezone)) problems.push(`"${s.timezone}" is not a timezone I know; use one such as Europe/London.`);
  if (!(NATIONS as readonly string[]).includes(s.nation)) problems.push(`Nation must be one of ${NATIONS.join(', ')} (got "${s.nation}").`);
  if (problems.length === 0) {
    if (s.cutoffDays >= s.askDays) {
      problems.push(`The ask (${s.askDays} working days before) must come before the cut-off (${s.cutoffDays} working days before).`);
    } else if (s.askDays - s.cutoffDays < 2) {
      problems.push('Leave at least two working days between the ask and the cut-off, so there is a day to chase on.');
    } else if (s.askDays - s.chaseDays <= s.cutoffDays) {
      problems.push(
        `The chase (${s.chaseDays} working days after the ask) must come before the cut-off; ` +
          `with the ask ${s.askDays} and the cut-off ${s.cutoffDays} working days before the meeting, chase at most ${s.askDays - s.cutoffDays - 1} working days after the ask.`,
      );
    }
  }
  return problems;
}

function isClockTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

function isTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

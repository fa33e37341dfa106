import type { CycleSettings } from '../../domain/cycle/cycle-schedule.ts';
import type { Board, Programme } from '../../domain/programme.ts';

/** A board's cycle, in its programme's timezone and nation. */
export function cycleSettingsOf(board: Board, programme: Programme): CycleSettings {
  return {
    askDays: board.askDays,
    askTime: board.askTime,
    chaseDays: board.chaseDays,
    cutoffDays: board.cutoffDays,
    cutoffTime: board.cutoffTime,
    timezone: programme.timezone,
    nation: programme.nation,
  };
}

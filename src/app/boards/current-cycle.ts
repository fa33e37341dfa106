import type { CalendarDate } from '../../domain/calendar-date.ts';
import { boardMeetingDates, reportWindow } from '../../domain/cycle/board-calendar.ts';
import { cycleSchedule } from '../../domain/cycle/cycle-schedule.ts';
import type { Board, Programme } from '../../domain/programme.ts';
import type { AppDeps } from '../deps.ts';
import { cycleSettingsOf } from './cycle-settings.ts';

export interface CurrentCycle {
  board: Board;
  meeting: CalendarDate;
  cycleStart: Date | null;
  cutoffAt: Date;
}

/** The cycle a programme is in on a day: the board whose next meeting comes soonest. */
export async function currentCycle(deps: AppDeps, programme: Programme, today: CalendarDate): Promise<CurrentCycle | null> {
  let best: CurrentCycle | null = null;
  for (const board of await deps.store.boards.list(programme.id)) {
    const settings = cycleSettingsOf(board, programme);
    const window = reportWindow(boardMeetingDates(board.meetings, board.meetingRule, today), today, settings);
    if (!window.nextMeeting) continue;
    if (best && best.meeting <= window.nextMeeting) continue;
    best = { board, meeting: window.nextMeeting, cycleStart: window.cycleStart, cutoffAt: cycleSchedule(window.nextMeeting, settings).cutoffAt };
  }
  return best;
}

import type { CalendarDate } from '../../domain/calendar-date.ts';
import { boardMeetingDates, reportWindow } from '../../domain/cycle/board-calendar.ts';
import { dateInZone } from '../../domain/dates/calendar.ts';
import type { Board, Programme } from '../../domain/programme.ts';
import { compileHighlightReport } from '../../domain/report/highlight-report.ts';
import type { HighlightReport } from '../../domain/report/report-types.ts';
import { cycleSettingsOf } from '../boards/cycle-settings.ts';
import type { AppDeps } from '../deps.ts';
import { findProgramme } from '../programmes/find-programme.ts';
import { fail, ok, type Result } from '../result.ts';

export interface ReportRequest {
  programme?: string | null;
  board?: string | null;
  asOf?: CalendarDate | null;
}

/** The board a report is for: the one named, else the programme's only board, else none (a programme-wide report). */
async function findBoard(deps: AppDeps, programme: Programme, name?: string | null): Promise<Result<Board | null>> {
  if (name) {
    const board = await deps.store.boards.findByName(programme.id, name);
    if (board) return ok(board);
    const known = (await deps.store.boards.list(programme.id)).map((b) => b.name);
    return fail('board-not-found', `${programme.name} has no board called "${name}".${known.length ? ` Boards: ${known.join(', ')}.` : ''}`);
  }
  const boards = await deps.store.boards.list(programme.id);
  return ok(boards.length === 1 ? boards[0]! : null);
}

/** What a report is for: the programme, its board (if any) and the day it is compiled as of. */
export interface ReportTarget {
  programme: Programme;
  board: Board | null;
  asOf: CalendarDate;
}

export async function findReportTarget(deps: AppDeps, req: ReportRequest): Promise<Result<ReportTarget>> {
  const programme = await findProgramme(deps, req.programme);
  if (!programme.ok) return programme;
  const board = await findBoard(deps, programme.value, req.board);
  if (!board.ok) return board;
  return ok({ programme: programme.value, board: board.value, asOf: req.asOf ?? dateInZone(deps.clock.now(), programme.value.timezone) });
}

export async function compileReport(deps: AppDeps, req: ReportRequest): Promise<Result<HighlightReport>> {
  const target = await findReportTarget(deps, req);
  return target.ok ? ok(await compileReportFor(deps, target.value)) : target;
}

export async function compileReportFor(deps: AppDeps, { programme, board, asOf }: ReportTarget): Promise<HighlightReport> {
  const window = board
    ? reportWindow(boardMeetingDates(await deps.store.boards.meetings(board.id), board.meetingRule, asOf), asOf, cycleSettingsOf(board, programme))
    : { nextMeeting: null, previousMeeting: null, cycleStart: null, previousCutoff: null };

  const actions = await deps.store.register.reportActions(programme.id, window);
  // Leads on leave on the day are shown as on leave, not as missing.
  const leadIds = [...new Set(actions.flatMap((a) => a.leadPersonIds))];
  const away = await deps.store.people.absences(leadIds, asOf, asOf);
  return compileHighlightReport(actions, {
    awayLeads: [...new Set(away.map((a) => a.personId))],
    programme: programme.name,
    board: board?.name ?? null,
    asOf,
    cycleStart: window.cycleStart,
    previousCutoff: window.previousCutoff,
    nextMeeting: window.nextMeeting,
  });
}

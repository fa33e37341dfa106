import type { CalendarDate } from '../../domain/calendar-date.ts';
import { validateCycleSettings } from '../../domain/cycle/cycle-schedule.ts';
import { boardMeetingDates } from '../../domain/cycle/board-calendar.ts';
import { parseMeetingRule, describeMeetingRule } from '../../domain/cycle/meeting-rule.ts';
import { dateInZone, isCalendarDate } from '../../domain/dates/calendar.ts';
import type { Board, Programme } from '../../domain/programme.ts';
import type { AppDeps } from '../deps.ts';
import { findProgramme } from '../programmes/find-programme.ts';
import { fail, ok, type Result } from '../result.ts';
import { cycleSettingsOf } from './cycle-settings.ts';

export interface BoardChanges {
  meetings?: string[];
  rule?: string;
  chair?: string;
  slackChannel?: string;
  teamsChannel?: string;
  askDays?: number;
  askTime?: string;
  chaseDays?: number;
  cutoffDays?: number;
  cutoffTime?: string;
}

export interface BoardSummary extends Board {
  meetings: CalendarDate[];
  chairs: string[];
  ruleText: string | null;
  /** The next few meetings from the dates set and the rule. */
  upcoming: CalendarDate[];
}

function checkMeetings(dates: string[]): Result<CalendarDate[]> {
  const bad = dates.filter((d) => !isCalendarDate(d));
  if (bad.length) return fail('invalid-input', `Meeting dates must be YYYY-MM-DD; these are not: ${bad.join(', ')}.`);
  return ok(dates);
}

async function applyChanges(deps: AppDeps, programme: Programme, board: Board, c: BoardChanges, actor: string): Promise<Result<Board>> {
  const patch: Partial<Board> = {};
  if (c.rule !== undefined) {
    if (c.rule === '') patch.meetingRule = null;
    else {
      const rule = parseMeetingRule(c.rule);
      if (!rule.ok) return fail('invalid-input', rule.error);
      patch.meetingRule = describeMeetingRule(rule.value);
    }
  }
  if (c.slackChannel !== undefined) patch.slackChannelId = c.slackChannel || null;
  if (c.teamsChannel !== undefined) patch.teamsChannelId = c.teamsChannel || null;
  for (const key of ['askDays', 'askTime', 'chaseDays', 'cutoffDays', 'cutoffTime'] as const) {
    if (c[key] !== undefined) (patch as Record<string, unknown>)[key] = c[key];
  }
  const problems = validateCycleSettings({ ...cycleSettingsOf({ ...board, ...patch }, programme) });
  if (problems.length) return fail('invalid-input', problems.join(' '));
  let meetings: CalendarDate[] = [];
  if (c.meetings?.length) {
    const checked = checkMeetings(c.meetings);
    if (!checked.ok) return checked;
    meetings = checked.value;
  }
  let chairId: string | null = null;
  if (c.chair) {
    const chair = await deps.store.people.findByEmail(c.chair);
    if (!chair) return fail('person-not-found', `Nobody in the directory has the email ${c.chair}: add them with \`stocktake people import\`.`);
    chairId = chair.id;
  }
  const updated = Object.keys(patch).length ? await deps.store.boards.update(board.id, patch) : board;
  if (meetings.length) await deps.store.boards.addMeetings(board.id, meetings);
  if (chairId) await deps.store.grants.grant({ personId: chairId, role: 'chair', programmeId: programme.id, boardId: board.id });
  await deps.store.audit.record({ actor, programmeId: programme.id, verb: 'update', entity: 'board', entityId: board.id, details: { ...c } });
  return ok(updated);
}

export async function addBoard(deps: AppDeps, programmeName: string, name: string, c: BoardChanges, actor: string): Promise<Result<BoardSummary>> {
  const programme = await findProgramme(deps, programmeName);
  if (!programme.ok) return programme;
  if (!c.meetings?.length && !c.rule) return fail('invalid-input', 'A board needs its meetings: --meetings YYYY-MM-DD,… or --rule "second Tuesday".');
  if (await deps.store.boards.findByName(programme.value.id, name)) return fail('board-exists', `${programme.value.name} already has a board called "${name}": use board set to change it.`);
  const board = await deps.store.boards.create(programme.value.id, { name, meetingRule: null, askDays: 5, slackChannelId: null, teamsChannelId: null });
  const changed = await applyChanges(deps, programme.value, board, c, actor);
  if (!changed.ok) {
    await deps.store.boards.remove(board.id);
    return changed;
  }
  return summarise(deps, programme.value, name);
}

export async function setBoard(deps: AppDeps, programmeName: string | null, name: string, c: BoardChanges, actor: string): Promise<Result<BoardSummary>> {
  const programme = await findProgramme(deps, programmeName);
  if (!programme.ok) return programme;
  const board = await deps.store.boards.findByName(programme.value.id, name);
  if (!board) return fail('board-not-found', `${programme.value.name} has no board called "${name}".`);
  const changed = await applyChanges(deps, programme.value, board, c, actor);
  if (!changed.ok) return changed;
  return summarise(deps, programme.value, name);
}

export async function listBoards(deps: AppDeps, programmeName: string | null): Promise<Result<{ programme: Programme; boards: BoardSummary[] }>> {
  const programme = await findProgramme(deps, programmeName);
  if (!programme.ok) return programme;
  const today = dateInZone(deps.clock.now(), programme.value.timezone);
  const boards = await deps.store.boards.list(programme.value.id);
  return ok({ programme: programme.value, boards: boards.map((b) => withUpcoming(b, today)) });
}

function withUpcoming(b: Board & { meetings: CalendarDate[]; chairs: string[] }, today: CalendarDate): BoardSummary {
  const upcoming = boardMeetingDates(b.meetings, b.meetingRule, today).filter((d) => d >= today).slice(0, 3);
  return { ...b, ruleText: b.meetingRule, upcoming };
}

async function summarise(deps: AppDeps, programme: Programme, name: string): Promise<Result<BoardSummary>> {
  const listed = await listBoards(deps, programme.name);
  if (!listed.ok) return listed;
  return ok(listed.value.boards.find((b) => b.name.toLowerCase() === name.toLowerCase())!);
}

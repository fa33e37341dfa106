import type { CalendarDate } from '../calendar-date.ts';
import { addDays, daysBetween, dateInZone, instantInZone, weekday } from '../dates/calendar.ts';
import { cycleSchedule, type CycleSettings } from './cycle-schedule.ts';

/**
 * The one place that decides what is due now (DESIGN decision 4): given the state of every programme
 * and the instant, the messages that should exist. Each has a key; the outbox keeps one row per key,
 * so asking again — the next tick, a restart, a second replica — never sends anything twice.
 */

export interface LeadState {
  personId: string;
  openActionIds: string[];
  overdueActionIds: string[];
  /** Each open action's latest update from a person (not the spreadsheet), if any. */
  lastUpdateAt: Record<string, Date>;
  /** Leave: not chased; their delegate, if named, is asked instead. */
  away: { from: CalendarDate; to: CalendarDate; delegateId: string | null }[];
  /** Overdue nudges sent since this lead last updated anything. */
  nudgesSinceUpdate: number;
}

export interface MeetingState {
  id: string;
  date: CalendarDate;
  /** Set when the meeting moved after its prompts may have gone out. */
  movedFrom: CalendarDate | null;
}

export interface BoardState {
  id: string;
  settings: CycleSettings;
  autoPostReport: boolean;
  meetings: MeetingState[];
}

export interface ProgrammeState {
  id: string;
  timezone: string;
  boards: BoardState[];
  leads: LeadState[];
  managerIds: string[];
  hasChannel: boolean;
  nudge: NudgeSettings;
  digest: { weekday: number; time: string };
}

export interface NudgeSettings {
  /** Days between nudges about the same overdue actions (default weekly). */
  cadenceDays: number;
  /** Local time from which nudges go out. */
  time: string;
  /** Nudges ignored before the programme manager is told. */
  maxIgnored: number;
}

export const DEFAULT_NUDGE: NudgeSettings = { cadenceDays: 7, time: '10:00', maxIgnored: 3 };
export const DEFAULT_DIGEST = { weekday: 1, time: '09:00' };

export type Intent =
  | { kind: 'prompt' | 'chase'; key: string; programmeId: string; boardId: string; meetingId: string; meeting: CalendarDate; cutoffAt: Date; recipientId: string; forPersonId: string | null; actionIds: string[] }
  | { kind: 'escalation'; key: string; programmeId: string; boardId: string; meetingId: string; meeting: CalendarDate; recipientId: string; silent: { personId: string; actionIds: string[] }[] }
  | { kind: 'report'; key: string; programmeId: string; boardId: string; meetingId: string; meeting: CalendarDate }
  | { kind: 'moved'; key: string; programmeId: string; boardId: string; meetingId: string; meeting: CalendarDate; movedFrom: CalendarDate; recipientId: string }
  | { kind: 'nudge'; key: string; programmeId: string; recipientId: string; actionIds: string[] }
  | { kind: 'nudge-ignored'; key: string; programmeId: string; recipientId: string; personId: string; nudges: number; actionIds: string[] }
  | { kind: 'digest'; key: string; programmeId: string; weekStart: CalendarDate };

export interface DueNowInput {
  now: Date;
  programmes: ProgrammeState[];
  /** Keys already in the outbox (a chaser follows a prompt that went out; a move notice follows a prompt). */
  existingKeys: ReadonlySet<string>;
  /** People already sent something today (in their programme's timezone): at most one nudge-bearing message a day. */
  messagedToday: ReadonlySet<string>;
}

const isAway = (lead: LeadState, day: CalendarDate) => lead.away.find((a) => a.from <= day && day <= a.to) ?? null;
const notUpdatedSince = (lead: LeadState, since: Date) => lead.openActionIds.filter((id) => !(lead.lastUpdateAt[id] && lead.lastUpdateAt[id]! >= since));

export function dueNow(input: DueNowInput): Intent[] {
  const intents: Intent[] = [];
  for (const programme of input.programmes) {
    intents.push(...cycleIntents(programme, input));
    intents.push(...digestIntents(programme, input.now));
    // Someone about to get a prompt or chaser today is not nudged as well: one message a day at most.
    const fresh = intents.filter((i) => !input.existingKeys.has(i.key));
    const busy = new Set([...input.messagedToday, ...fresh.flatMap((i) => ('recipientId' in i ? [i.recipientId] : []))]);
    intents.push(...nudgeIntents(programme, input.now, busy));
  }
  return intents;
}

function cycleIntents(p: ProgrammeState, input: DueNowInput): Intent[] {
  const out: Intent[] = [];
  const now = input.now;
  const today = dateInZone(now, p.timezone);
  for (const board of p.boards) {
    for (const meeting of board.meetings) {
      if (meeting.date < today) continue;
      const s = cycleSchedule(meeting.date, board.settings);
      const base = { programmeId: p.id, boardId: board.id, meetingId: meeting.id, meeting: meeting.date };
      const meetingOver = now >= instantInZone(addDays(meeting.date, 1), '00:00', p.timezone);
      if (now < s.askAt || meetingOver) continue;
      const beforeCutoff = now < s.cutoffAt;
      const askedLeads = p.leads.filter((l) => l.openActionIds.length > 0);

      for (const lead of askedLeads) {
        const promptKey = `prompt:${meeting.id}:${lead.personId}`;
        const away = isAway(lead, s.askOn);
        // On leave: not asked or chased; the named delegate is asked in their place.
        const recipientId = away ? away.delegateId : lead.personId;
        if (recipientId && beforeCutoff) {
          out.push({ kind: 'prompt', key: promptKey, ...base, cutoffAt: s.cutoffAt, recipientId, forPersonId: away ? lead.personId : null, actionIds: lead.openActionIds });
          const outstanding = notUpdatedSince(lead, s.askAt);
          if (now >= s.chaseAt && outstanding.length > 0 && input.existingKeys.has(promptKey)) {
            out.push({ kind: 'chase', key: `chase:${meeting.id}:${lead.personId}`, ...base, cutoffAt: s.cutoffAt, recipientId, forPersonId: away ? lead.personId : null, actionIds: outstanding });
          }
        }
        if (meeting.movedFrom && input.existingKeys.has(promptKey) && beforeCutoff && recipientId) {
          out.push({ kind: 'moved', key: `moved:${meeting.id}:${meeting.date}:${lead.personId}`, ...base, movedFrom: meeting.movedFrom, recipientId });
        }
      }

      if (!beforeCutoff) {
        const silent = askedLeads
          .filter((l) => !isAway(l, s.askOn))
          .map((l) => ({ personId: l.personId, actionIds: notUpdatedSince(l, s.askAt) }))
          .filter((l) => l.actionIds.length > 0);
        if (silent.length > 0) {
          for (const managerId of p.managerIds) out.push({ kind: 'escalation', key: `escalate:${meeting.id}:${managerId}`, ...base, recipientId: managerId, silent });
        }
        if (board.autoPostReport) out.push({ kind: 'report', key: `report:${meeting.id}`, ...base });
      }
    }
  }
  return out;
}

/** Monday of the week a day falls in. */
export function weekStart(day: CalendarDate): CalendarDate {
  return addDays(day, 1 - weekday(day));
}

function digestIntents(p: ProgrammeState, now: Date): Intent[] {
  if (!p.hasChannel) return [];
  const today = dateInZone(now, p.timezone);
  const monday = weekStart(today);
  const digestDay = addDays(monday, p.digest.weekday - 1);
  // Missed while the bot was down: it still goes once, late, the same week.
  if (now < instantInZone(digestDay, p.digest.time, p.timezone)) return [];
  return [{ kind: 'digest', key: `digest:${p.id}:${monday}`, programmeId: p.id, weekStart: monday }];
}

function nudgeIntents(p: ProgrammeState, now: Date, busy: ReadonlySet<string>): Intent[] {
  const today = dateInZone(now, p.timezone);
  if (now < instantInZone(today, p.nudge.time, p.timezone)) return [];
  // Periods are counted from a fixed Monday so every lead's cadence lines up with the week.
  const period = Math.floor(daysBetween('2024-01-01', today) / p.nudge.cadenceDays);
  const out: Intent[] = [];
  for (const lead of p.leads) {
    if (lead.overdueActionIds.length === 0 || isAway(lead, today) || busy.has(lead.personId)) continue;
    out.push({ kind: 'nudge', key: `nudge:${p.id}:${lead.personId}:${period}`, programmeId: p.id, recipientId: lead.personId, actionIds: lead.overdueActionIds });
    if (lead.nudgesSinceUpdate >= p.nudge.maxIgnored) {
      for (const managerId of p.managerIds) {
        out.push({
          kind: 'nudge-ignored',
          key: `nudge-ignored:${p.id}:${lead.personId}:${period}:${managerId}`,
          programmeId: p.id,
          recipientId: managerId,
          personId: lead.personId,
          nudges: lead.nudgesSinceUpdate,
          actionIds: lead.overdueActionIds,
        });
      }
    }
  }
  return out;
}

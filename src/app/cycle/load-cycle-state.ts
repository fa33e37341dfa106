import { addDays, dateInZone, instantInZone } from '../../domain/dates/calendar.ts';
import { meetingDatesFromRule, parseMeetingRule } from '../../domain/cycle/meeting-rule.ts';
import { DEFAULT_DIGEST, DEFAULT_NUDGE, type DueNowInput, type LeadState, type ProgrammeState } from '../../domain/cycle/due-now.ts';
import { isOverdue } from '../../domain/overdue.ts';
import { cycleSettingsOf } from '../boards/cycle-settings.ts';
import type { AppDeps } from '../deps.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Programme } from '../../domain/programme.ts';

/** How far ahead a board's rule is turned into meeting rows (outbox keys name meetings by id). */
const MEETINGS_AHEAD_DAYS = 70;

/** Everything `dueNow` needs, read from the store for one instant. */
export async function loadCycleState(deps: AppDeps, now: Date): Promise<DueNowInput> {
  // Programmes' reads are independent of one another: asked for together, so round trips overlap.
  const loaded = await Promise.all((await deps.store.programmes.list()).map((programme) => loadProgramme(deps, programme, now)));
  return {
    now,
    programmes: loaded.map((l) => l.state),
    existingKeys: await deps.store.outbox.existingKeys(loaded.flatMap((l) => l.keyPrefixes)),
    messagedToday: new Set(loaded.flatMap((l) => [...l.messagedToday])),
  };
}

async function loadProgramme(deps: AppDeps, programme: Programme, now: Date): Promise<{ state: ProgrammeState; keyPrefixes: string[]; messagedToday: Set<string> }> {
  const today = dateInZone(now, programme.timezone);
  const [boards, leadActions, managerIds, messagedToday] = await Promise.all([
    loadBoards(deps, programme, today),
    deps.store.register.leadActions(programme.id),
    deps.store.grants.holders(programme.id, 'programme-manager'),
    deps.store.outbox.messagedSince(instantInZone(today, '00:00', programme.timezone)),
  ]);
  const updated = leadActions.map((lead) => {
    const lastUpdateAt: Record<string, Date> = {};
    for (const a of lead.actions) if (a.lastUpdateAt) lastUpdateAt[a.id] = a.lastUpdateAt;
    const latest = Object.values(lastUpdateAt).reduce<Date | null>((max, d) => (!max || d > max ? d : max), null);
    return { lead, lastUpdateAt, latest };
  });
  const [absences, nudges] = await Promise.all([
    deps.store.people.absences(leadActions.map((l) => l.personId), today, addDays(today, 31)),
    // Nudges since each lead's latest update, for every lead in one read.
    deps.store.outbox.countsSince('nudge', updated.map((u) => ({ personId: u.lead.personId, since: u.latest }))),
  ]);
  const leads: LeadState[] = updated.map(({ lead, lastUpdateAt }) => ({
    personId: lead.personId,
    openActionIds: lead.actions.map((a) => a.id),
    overdueActionIds: lead.actions.filter((a) => isOverdue(a.due, a.status, today)).map((a) => a.id),
    lastUpdateAt,
    away: absences.filter((a) => a.personId === lead.personId),
    nudgesSinceUpdate: nudges.get(lead.personId) ?? 0,
  }));
  return {
    state: {
      id: programme.id,
      timezone: programme.timezone,
      boards,
      leads,
      managerIds,
      hasChannel: Boolean(programme.slackChannelId || programme.teamsChannelId),
      nudge: DEFAULT_NUDGE,
      digest: DEFAULT_DIGEST,
    },
    keyPrefixes: [
      ...boards.flatMap((b) => b.meetings.flatMap((m) => [`prompt:${m.id}:`, `chase:${m.id}:`, `moved:${m.id}:`])),
      `digest:${programme.id}:`, `nudge:${programme.id}:`, `nudge-ignored:${programme.id}:`, 'escalate:', 'report:',
    ],
    messagedToday,
  };
}

/** The programme's boards with their meetings from today, rule-made meetings written ahead first. */
async function loadBoards(deps: AppDeps, programme: Programme, today: CalendarDate): Promise<ProgrammeState['boards']> {
  const boards = await deps.store.boards.list(programme.id);
  return Promise.all(
    boards.map(async (board) => {
      const rule = board.meetingRule ? parseMeetingRule(board.meetingRule) : null;
      if (rule?.ok) await deps.store.boards.addMeetings(board.id, meetingDatesFromRule(rule.value, today, addDays(today, MEETINGS_AHEAD_DAYS)));
      return { id: board.id, settings: cycleSettingsOf(board, programme), autoPostReport: board.autoPostReport, meetings: await deps.store.boards.meetingRecords(board.id, today) };
    }),
  );
}

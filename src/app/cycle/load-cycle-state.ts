import { addDays, dateInZone, instantInZone } from '../../domain/dates/calendar.ts';
import { meetingDatesFromRule, parseMeetingRule } from '../../domain/cycle/meeting-rule.ts';
import { DEFAULT_DIGEST, DEFAULT_NUDGE, type DueNowInput, type LeadState, type ProgrammeState } from '../../domain/cycle/due-now.ts';
import { isOverdue } from '../../domain/overdue.ts';
import { cycleSettingsOf } from '../boards/cycle-settings.ts';
import type { AppDeps } from '../deps.ts';

/** How far ahead a board's rule is turned into meeting rows (outbox keys name meetings by id). */
const MEETINGS_AHEAD_DAYS = 70;

/** Everything `dueNow` needs, read from the store for one instant. */
export async function loadCycleState(deps: AppDeps, now: Date): Promise<DueNowInput> {
  const programmes: ProgrammeState[] = [];
  const keyPrefixes: string[] = [];
  let messagedToday = new Set<string>();
  for (const programme of await deps.store.programmes.list()) {
    const today = dateInZone(now, programme.timezone);
    const boards = [];
    for (const board of await deps.store.boards.list(programme.id)) {
      const rule = board.meetingRule ? parseMeetingRule(board.meetingRule) : null;
      if (rule?.ok) await deps.store.boards.addMeetings(board.id, meetingDatesFromRule(rule.value, today, addDays(today, MEETINGS_AHEAD_DAYS)));
      const meetings = await deps.store.boards.meetingRecords(board.id, today);
      for (const m of meetings) keyPrefixes.push(`prompt:${m.id}:`, `chase:${m.id}:`, `moved:${m.id}:`);
      boards.push({ id: board.id, settings: cycleSettingsOf(board, programme), autoPostReport: board.autoPostReport, meetings });
    }
    const leadActions = await deps.store.register.leadActions(programme.id);
    const absences = await deps.store.people.absences(leadActions.map((l) => l.personId), today, addDays(today, 31));
    const updated = leadActions.map((lead) => {
      const lastUpdateAt: Record<string, Date> = {};
      for (const a of lead.actions) if (a.lastUpdateAt) lastUpdateAt[a.id] = a.lastUpdateAt;
      const latest = Object.values(lastUpdateAt).reduce<Date | null>((max, d) => (!max || d > max ? d : max), null);
      return { lead, lastUpdateAt, latest };
    });
    // Nudges since each lead's latest update, for every lead in one read.
    const nudges = await deps.store.outbox.countsSince('nudge', updated.map((u) => ({ personId: u.lead.personId, since: u.latest })));
    const leads: LeadState[] = updated.map(({ lead, lastUpdateAt }) => ({
      personId: lead.personId,
      openActionIds: lead.actions.map((a) => a.id),
      overdueActionIds: lead.actions.filter((a) => isOverdue(a.due, a.status, today)).map((a) => a.id),
      lastUpdateAt,
      away: absences.filter((a) => a.personId === lead.personId),
      nudgesSinceUpdate: nudges.get(lead.personId) ?? 0,
    }));
    programmes.push({
      id: programme.id,
      timezone: programme.timezone,
      boards,
      leads,
      managerIds: await deps.store.grants.holders(programme.id, 'programme-manager'),
      hasChannel: Boolean(programme.slackChannelId || programme.teamsChannelId),
      nudge: DEFAULT_NUDGE,
      digest: DEFAULT_DIGEST,
    });
    keyPrefixes.push(`digest:${programme.id}:`, `nudge:${programme.id}:`, `nudge-ignored:${programme.id}:`, 'escalate:', 'report:');
    const messaged = await deps.store.outbox.messagedSince(instantInZone(today, '00:00', programme.timezone));
    messagedToday = new Set([...messagedToday, ...messaged]);
  }
  return { now, programmes, existingKeys: await deps.store.outbox.existingKeys(keyPrefixes), messagedToday };
}

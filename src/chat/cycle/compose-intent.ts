import { compileReport } from '../../app/report/compile-report.ts';
import type { ComposeIntent } from '../../app/cycle/tick.ts';
import type { AppDeps } from '../../app/deps.ts';
import type { OutboxItem } from '../../app/ports/outbox.ts';
import type { ChatPlatform, PersonContact } from '../../app/ports/store.ts';
import { addDays, dateInZone, daysBetween, instantInZone } from '../../domain/dates/calendar.ts';
import type { Intent } from '../../domain/cycle/due-now.ts';
import { platformFor } from '../../domain/outbox/retry-policy.ts';
import { daysOverdue, isOverdue } from '../../domain/overdue.ts';
import type { Board, Programme } from '../../domain/programme.ts';
import { latestUpdate } from '../../domain/report/updates.ts';
import type { ReportAction } from '../../domain/report/types.ts';
import { reportPost } from '../commands/send-report.ts';
import type { Message } from '../message.ts';
import type { OutboxPayload } from '../outbox-payload.ts';
import type { CycleAction, OverdueAction } from '../views/cycle/cycle-format.ts';
import { digestMessage } from '../views/cycle/digest.ts';
import { escalationMessage } from '../views/cycle/escalation.ts';
import { movedMessage } from '../views/cycle/moved.ts';
import { nudgeIgnoredMessage, nudgeMessage } from '../views/cycle/nudge.ts';
import { chaseMessage, promptMessage } from '../views/cycle/prompt.ts';

/**
 * Writes the words for what `dueNow` decided, one tick at a time. Lookups are cached for the tick,
 * so a fan-out to hundreds of leads reads each programme's register once.
 */
export function createComposer(deps: AppDeps): ComposeIntent {
  const programmes = new Map<string, Promise<Programme | null>>();
  const boards = new Map<string, Promise<Board | null>>();
  const registers = new Map<string, Promise<Map<string, ReportAction>>>();
  let contacts: Promise<Map<string, PersonContact>> | null = null;
  const programme = (id: string) => cached(programmes, id, () => deps.store.programmes.findById(id));
  const board = (id: string) => cached(boards, id, () => deps.store.boards.findById(id));
  const register = (id: string) =>
    cached(registers, id, async () => new Map((await deps.store.register.reportActions(id, { previousCutoff: null, cycleStart: null })).map((a) => [a.id, a])));
  // Everyone's name and contact in one read, rather than two reads per message of a fan-out.
  const contactOf = async (id: string) => {
    contacts ??= deps.store.people.contacts().then((all) => new Map(all.map((c) => [c.personId, c])));
    return (await contacts).get(id) ?? null;
  };
  const nameOf = async (id: string) => (await contactOf(id))?.name ?? 'Someone';

  const toPerson = async (intent: Intent & { recipientId: string }, payload: OutboxPayload): Promise<OutboxItem[]> => {
    const contact = await contactOf(intent.recipientId);
    if (!contact) return [];
    const platform = platformFor({ ...contact, hasTeamsConversation: Boolean(contact.teamsConversation) });
    return [{ key: intent.key, kind: intent.kind, programmeId: intent.programmeId, personId: intent.recipientId, platform, recipient: { personId: intent.recipientId }, payload }];
  };
  const toChannels = (intent: Intent, target: { slackChannelId: string | null; teamsChannelId: string | null }, payload: OutboxPayload): OutboxItem[] => {
    const channels = ([['slack', target.slackChannelId], ['teams', target.teamsChannelId]] as [ChatPlatform, string | null][]).filter(([, id]) => id);
    // The first channel keeps the intent's key, so the tick sees it as done; a second platform gets a suffix.
    return channels.map(([platform, channelId], i) => ({
      key: i === 0 ? intent.key : `${intent.key}:${platform}`,
      kind: intent.kind,
      programmeId: intent.programmeId,
      personId: null,
      platform,
      recipient: { channelId: channelId! },
      payload,
    }));
  };
  const actionsOf = async (programmeId: string, ids: readonly string[]) => {
    const all = await register(programmeId);
    return ids.flatMap((id) => (all.has(id) ? [all.get(id)!] : []));
  };

  return async (intent) => {
    const p = await programme(intent.programmeId);
    if (!p) return [];
    const today = dateInZone(deps.clock.now(), p.timezone);
    switch (intent.kind) {
      case 'prompt':
      case 'chase': {
        const b = await board(intent.boardId);
        if (!b) return [];
        const view = {
          leadName: await nameOf(intent.recipientId),
          coveringFor: intent.forPersonId ? await nameOf(intent.forPersonId) : null,
          coveringForId: intent.forPersonId,
          board: b.name,
          boardId: b.id,
          meetingId: intent.meetingId,
          meeting: intent.meeting,
          cutoffAt: intent.cutoffAt,
          timezone: p.timezone,
          actions: (await actionsOf(p.id, intent.actionIds)).map(cycleAction),
        };
        return toPerson(intent, { message: intent.kind === 'prompt' ? promptMessage(view) : chaseMessage(view) });
      }
      case 'escalation': {
        const b = await board(intent.boardId);
        if (!b) return [];
        const all = await register(p.id);
        const silent = await Promise.all(intent.silent.map(async (s) => ({ leadName: await nameOf(s.personId), refs: s.actionIds.map((id) => all.get(id)?.ref ?? '?') })));
        return toPerson(intent, { message: escalationMessage({ board: b.name, meeting: intent.meeting, silent }) });
      }
      case 'moved': {
        const b = await board(intent.boardId);
        if (!b) return [];
        return toPerson(intent, { message: movedMessage({ board: b.name, from: intent.movedFrom, to: intent.meeting, timezone: p.timezone }) });
      }
      case 'nudge':
        return toPerson(intent, { message: nudgeMessage({ leadName: await nameOf(intent.recipientId), programme: p.name, actions: overdueActions(await actionsOf(p.id, intent.actionIds), today) }) });
      case 'nudge-ignored':
        return toPerson(intent, {
          message: nudgeIgnoredMessage({ leadName: await nameOf(intent.personId), nudges: intent.nudges, programme: p.name, actions: overdueActions(await actionsOf(p.id, intent.actionIds), today) }),
        });
      case 'report': {
        const b = await board(intent.boardId);
        const report = b ? await compileReport(deps, { programme: p.name, board: b.name }) : null;
        if (!b || !report?.ok) return [];
        return toChannels(intent, b, reportPost(report.value, p, b, `Compiled at the cut-off for the meeting on ${intent.meeting}.`));
      }
      case 'digest':
        return toChannels(intent, p, { message: await digest(deps, p, intent.weekStart, today) });
    }
  };
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  if (!map.has(key)) map.set(key, load());
  return map.get(key)!;
}

function cycleAction(a: ReportAction): CycleAction {
  const last = latestUpdate(a.updates.filter((u) => u.source !== 'import'));
  return { id: a.id, ref: a.ref, title: a.title, workstream: a.workstream, status: a.status, statusWord: a.statusWord, due: a.due, lastUpdate: last ? { at: last.at, author: last.author } : null };
}

function overdueActions(actions: readonly ReportAction[], today: string): OverdueAction[] {
  return actions.filter((a) => a.due && isOverdue(a.due, a.status, today)).map((a) => ({ id: a.id, ref: a.ref, title: a.title, status: a.status, statusWord: a.statusWord, due: a.due!, daysOverdue: daysOverdue(a.due!, today) }));
}

/** The week in a programme: what moved since Monday a week ago, what fell overdue, what is coming, who is still to reply. */
async function digest(deps: AppDeps, p: Programme, weekStart: string, today: string): Promise<Message> {
  const since = instantInZone(addDays(weekStart, -7), '00:00', p.timezone);
  const actions = (await deps.store.register.reportActions(p.id, { previousCutoff: since, cycleStart: null })).filter((a) => a.inRegister);
  const report = await compileReport(deps, { programme: p.name });
  const item = (a: ReportAction) => ({ ref: a.ref, title: a.title, leads: a.leads, status: a.status, statusWord: a.statusWord, due: a.due });
  return digestMessage({
    programme: p.name,
    weekStart,
    statusChanges: actions.flatMap((a) => {
      const before = latestUpdate(a.updates, since);
      return before && before.status !== a.status ? [{ ref: a.ref, title: a.title, from: before.status, to: a.status }] : [];
    }),
    newlyOverdue: actions
      .filter((a) => a.due && isOverdue(a.due, a.status, today) && daysBetween(a.due.date, addDays(weekStart, -7)) < 0)
      .map((a) => ({ ...item(a), daysOverdue: daysOverdue(a.due!, today) })),
    dueSoon: actions.filter((a) => a.status !== 'blue' && a.due && a.due.date >= today && a.due.date <= addDays(today, 14)).map(item),
    missingUpdates: report.ok ? report.value.missingUpdates.map((m) => ({ lead: m.lead, refs: m.actions })) : [],
    nextMeeting: report.ok && report.value.board && report.value.nextMeeting ? { board: report.value.board, date: report.value.nextMeeting } : null,
  });
}

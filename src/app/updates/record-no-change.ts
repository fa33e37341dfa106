import { dateInZone } from '../../domain/dates/calendar.ts';
import type { Programme } from '../../domain/programme.ts';
import { currentCycle } from '../boards/current-cycle.ts';
import type { AppDeps } from '../deps.ts';
import { loadActor } from '../identity/load-actor.ts';
import { onBehalfOf, updatableAction, type UpdatableRefusal, type UpdatableRefusalCode } from './updatable.ts';
import { fail, ok, type Result } from '../result.ts';

export const NO_CHANGE_NOTE = 'No change since the last update';

/** At most this many actions in one request (a prompt lists a lead's open actions: far fewer). */
export const NO_CHANGE_LIMIT = 500;

export interface NoChangeRequest {
  person: { id: string; name: string };
  /** The actions to mark unchanged; null: every open action the person leads (or `forPersonId` leads). */
  actionIds: readonly string[] | null;
  source: 'slack' | 'teams';
  /** With `actionIds: null`: whose open actions (a delegate answering for a lead on leave). Default: the person's own. */
  forPersonId?: string | null;
  /** Only actions of this programme (the prompt's); any other reads as not found. */
  programmeId?: string | null;
}

export interface NoChangeAction {
  id: string;
  ref: string;
  title: string;
}

export type NoChangeRefusalCode = UpdatableRefusalCode;
export type NoChangeRefusal = UpdatableRefusal;

export interface NoChangeRecorded {
  /** Each recorded as an update with its status unchanged. */
  recorded: (NoChangeAction & { updateId: string; onBehalfOfId: string | null })[];
  /** The person had already updated these this cycle: their update stands (a second press changes nothing). */
  alreadyUpdated: NoChangeAction[];
  refused: NoChangeRefusal[];
}

/**
 * "No change on any of these": for each action the person may update, appends an update with the
 * status and status word it has now and the note "No change since the last update". Statuses and
 * due dates do not move. Actions the person already updated this cycle are left alone, so their
 * note is not buried and a second press (or the other platform) records nothing twice.
 */
export async function recordNoChange(deps: AppDeps, req: NoChangeRequest): Promise<Result<NoChangeRecorded>> {
  if (req.actionIds !== null && req.actionIds.length > NO_CHANGE_LIMIT) {
    return fail('invalid-input', `Mark at most ${NO_CHANGE_LIMIT} actions as unchanged at once.`);
  }
  const ids = req.actionIds !== null ? [...new Set(req.actionIds)] : await openActionIds(deps, req.forPersonId ?? req.person.id, req.programmeId ?? null);
  const actor = await loadActor(deps, req.person.id);
  const now = deps.clock.now();
  const cycleStarts = new Map<string, Promise<Date | null>>();
  const result: NoChangeRecorded = { recorded: [], alreadyUpdated: [], refused: [] };

  for (const id of ids) {
    const found = await updatableAction(deps, actor, id, req.programmeId ?? null);
    if (!found.ok) {
      result.refused.push(found.refusal);
      continue;
    }
    const action = found.action;
    const item = { id: action.id, ref: action.ref, title: action.title };
    if (!cycleStarts.has(action.programmeId)) cycleStarts.set(action.programmeId, cycleStartOf(deps, action.programmeId, now));
    const since = await cycleStarts.get(action.programmeId)!;
    if (since !== null && (await deps.store.updates.latestBy(action.id, req.person.id, since)) !== null) {
      result.alreadyUpdated.push(item);
      continue;
    }
    const onBehalfOfId = onBehalfOf(action, req.person.id);
    const recorded = await deps.store.updates.record({
      actionId: action.id,
      authorId: req.person.id,
      authorName: req.person.name,
      onBehalfOfId,
      status: action.status,
      statusWord: action.statusWord,
      note: NO_CHANGE_NOTE,
      nextSteps: null,
      evidenceUrl: null,
      revisedDue: null,
      source: req.source,
      correctsId: null,
      at: now,
    });
    result.recorded.push({ ...item, updateId: recorded.id, onBehalfOfId });
  }
  return ok(result);
}

// ── Pieces shared with recordUpdate (they belong beside it; see the note in the report) ──


/** The action, if it exists (in the programme, when one is given), is open, and the actor may update it. */
/** Updates at or after this instant are this cycle's (as recordUpdate counts corrections); null outside any cycle. */
async function cycleStartOf(deps: AppDeps, programmeId: string, now: Date): Promise<Date | null> {
  const programme: Programme | null = await deps.store.programmes.findById(programmeId);
  if (!programme) return null;
  const cycle = await currentCycle(deps, programme, dateInZone(now, programme.timezone));
  return cycle?.cycleStart ?? null;
}

async function openActionIds(deps: AppDeps, leadId: string, programmeId: string | null): Promise<string[]> {
  const open = await deps.store.register.openActionsLedBy([leadId]);
  return open.filter((a) => programmeId === null || a.programmeId === programmeId).map((a) => a.id);
}

import { BRAG_LABEL } from '../../domain/brag.ts';
import { dateInZone } from '../../domain/dates/calendar.ts';
import { canUpdateAction } from '../../domain/roles/permissions.ts';
import { validateUpdate, type UpdateDraft, type ValidUpdate } from '../../domain/updates/validate-update.ts';
import { currentCycle } from '../boards/current-cycle.ts';
import type { AppDeps } from '../deps.ts';
import { loadActor } from '../identity/load-actor.ts';
import type { ActionForUpdate } from '../ports/store.ts';
import { ACTION_NOT_FOUND, onBehalfOf, visibleAction } from './updatable.ts';
import { fail, failWith, ok, type Result } from '../result.ts';

export interface UpdateRequest {
  person: { id: string; name: string };
  actionId: string;
  draft: UpdateDraft;
  source: 'slack' | 'teams' | 'cli';
}

export interface UpdateRecorded {
  action: ActionForUpdate;
  update: ValidUpdate & { id: string; at: Date };
  /** True when it replaces the same person's earlier update in this cycle (both are kept). */
  correction: boolean;
  /** Set when someone updated a lead's action for them (delegate, workstream lead, programme manager). */
  onBehalfOfId: string | null;
}

/** Checks who may update, checks the update, and appends it; the action's history is never rewritten. */
export async function recordUpdate(deps: AppDeps, req: UpdateRequest): Promise<Result<UpdateRecorded>> {
  const actor = await loadActor(deps, req.person.id);
  const action = await visibleAction(deps, actor, req.actionId);
  if (!action) return fail('action-not-found', ACTION_NOT_FOUND);
  const permission = canUpdateAction(actor, action);
  if (!permission.allowed) return fail('forbidden', permission.reason);
  const programme = (await deps.store.programmes.findById(action.programmeId))!;

  const now = deps.clock.now();
  const today = dateInZone(now, programme.timezone);
  const checked = validateUpdate(req.draft, today);
  if (!checked.ok) {
    return failWith({ code: 'invalid-input', message: 'The update needs a little more before it can be saved.', fieldErrors: checked.errors as Record<string, string> });
  }

  const cycle = await currentCycle(deps, programme, today);
  const inCycle = cycle && now.getTime() <= cycle.cutoffAt.getTime();
  const earlier = inCycle ? await deps.store.updates.latestBy(action.id, req.person.id, cycle.cycleStart) : null;
  const onBehalfOfId = onBehalfOf(action, req.person.id);

  const recorded = await deps.store.updates.record({
    actionId: action.id,
    authorId: req.person.id,
    authorName: req.person.name,
    onBehalfOfId,
    status: checked.value.status,
    statusWord: BRAG_LABEL[checked.value.status],
    note: checked.value.note,
    nextSteps: checked.value.nextSteps,
    evidenceUrl: checked.value.evidenceUrl,
    revisedDue: checked.value.revisedDue,
    source: req.source,
    correctsId: earlier?.id ?? null,
    at: now,
  });
  return ok({ action, update: { ...checked.value, ...recorded }, correction: earlier !== null, onBehalfOfId });
}

import { canUpdateAction, canViewProgramme, type Actor } from '../../domain/roles/permissions.ts';
import type { AppDeps } from '../deps.ts';
import type { ActionForUpdate } from '../ports/store.ts';

export type UpdatableRefusalCode = 'action-not-found' | 'forbidden' | 'closed';

export interface UpdatableRefusal {
  actionId: string;
  ref: string | null;
  code: UpdatableRefusalCode;
  reason: string;
}

export type Updatable = { ok: true; action: ActionForUpdate } | { ok: false; refusal: UpdatableRefusal };

export const ACTION_NOT_FOUND = 'That action is no longer in Stocktake.';

/**
 * The action, if it exists (in this programme, if given) and the actor works on its programme. An
 * action of a programme they do not work on reads as not found, so a crafted id discloses no ref.
 */
export async function visibleAction(deps: AppDeps, actor: Actor, actionId: string, programmeId: string | null = null): Promise<ActionForUpdate | null> {
  const action = await deps.store.updates.actionForUpdate({ id: actionId });
  if (!action || (programmeId !== null && action.programmeId !== programmeId)) return null;
  return canViewProgramme(actor, action.programmeId).allowed ? action : null;
}

/** An action this person may update now: it exists (in this programme, if given), is open and in the register, and they may act on it. */
export async function updatableAction(deps: AppDeps, actor: Actor, actionId: string, programmeId: string | null): Promise<Updatable> {
  const action = await visibleAction(deps, actor, actionId, programmeId);
  if (!action) {
    return { ok: false, refusal: { actionId, ref: null, code: 'action-not-found', reason: ACTION_NOT_FOUND } };
  }
  const refuse = (code: UpdatableRefusalCode, reason: string): Updatable => ({ ok: false, refusal: { actionId, ref: action.ref, code, reason } });
  if (!action.inRegister) return refuse('closed', `Action ${action.ref} is no longer in the register.`);
  if (action.status === 'blue') return refuse('closed', `Action ${action.ref} is already complete.`);
  const permission = canUpdateAction(actor, action);
  if (!permission.allowed) return refuse('forbidden', permission.reason);
  return { ok: true, action };
}

/** Someone updating an action they do not lead does so on behalf of its (first) lead. */
export function onBehalfOf(action: Pick<ActionForUpdate, 'leadPersonIds'>, personId: string): string | null {
  return action.leadPersonIds.includes(personId) ? null : (action.leadPersonIds[0] ?? null);
}

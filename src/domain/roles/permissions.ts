import type { Grant } from './roles.ts';

/** Who is asking: their grants, and the programmes in which they lead at least one action. */
export interface Actor {
  personId: string;
  grants: readonly Grant[];
  /** Programmes where the person is a named lead of some action: leads can see their programme without a grant. */
  leadsInProgrammeIds?: readonly string[];
}

export type Permission = { allowed: true } | { allowed: false; reason: string };

export interface ActionScope {
  programmeId: string;
  /** The action's workstream and all its ancestors, so a lead of a priority covers its objectives. */
  workstreamIds: readonly string[];
  leadPersonIds: readonly string[];
  /** For the refusal message, e.g. "1.2.3". */
  ref?: string;
}

export interface BoardScope {
  id: string;
  programmeId: string;
  /** For the refusal message, e.g. "SEND Partnership Board". */
  name?: string;
}

export interface ProgrammeScope {
  id: string;
  name?: string;
}

const ALLOWED: Permission = { allowed: true };

function grantsIn(actor: Actor, programmeId: string): Grant[] {
  return actor.grants.filter((g) => g.programmeId === programmeId);
}

function managesProgramme(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.role === 'programme-manager' || g.role === 'admin');
}

/**
 * Leads update their own actions; a delegate updates the actions of the person they cover
 * (within their workstream, if the grant names one); a workstream lead updates anything in their
 * workstream or below; programme managers and admins update anything in the programme.
 */
export function canUpdateAction(actor: Actor, action: ActionScope): Permission {
  if (action.leadPersonIds.includes(actor.personId)) return ALLOWED;
  const grants = grantsIn(actor, action.programmeId);
  if (managesProgramme(grants)) return ALLOWED;
  const inWorkstream = (g: Grant) => !!g.workstreamId && action.workstreamIds.includes(g.workstreamId);
  for (const g of grants) {
    if (g.role === 'workstream-lead' && inWorkstream(g)) return ALLOWED;
    if (g.role === 'delegate' && g.forPersonId && action.leadPersonIds.includes(g.forPersonId) && (!g.workstreamId || inWorkstream(g))) {
      return ALLOWED;
    }
  }
  const which = action.ref ? `action ${action.ref}` : 'this action';
  return {
    allowed: false,
    reason: `Only the lead of ${which}, someone covering for them, its workstream lead or a programme manager can update it.`,
  };
}

/** A board's chair, a programme manager or an admin sends its report. */
export function canSendReport(actor: Actor, board: BoardScope): Permission {
  const grants = grantsIn(actor, board.programmeId);
  if (managesProgramme(grants)) return ALLOWED;
  if (grants.some((g) => g.role === 'chair' && (!g.boardId || g.boardId === board.id))) return ALLOWED;
  const name = board.name ? board.name : 'this board';
  return { allowed: false, reason: `Only the chair of ${name} or a programme manager can send its report.` };
}

/** Anyone with a grant in the programme, or a named lead of one of its actions, can see it (e.g. `/overdue`). */
export function canViewProgramme(actor: Actor, programme: ProgrammeScope | string): Permission {
  const { id, name } = typeof programme === 'string' ? { id: programme, name: undefined } : programme;
  if (grantsIn(actor, id).length > 0 || actor.leadsInProgrammeIds?.includes(id)) return ALLOWED;
  return {
    allowed: false,
    reason: `Only people working on ${name ?? 'this programme'} can see it. Ask a programme manager to add you.`,
  };
}

/** Settings, boards, imports and grants: programme managers and admins. */
export function canManageProgramme(actor: Actor, programme: ProgrammeScope | string): Permission {
  const { id, name } = typeof programme === 'string' ? { id: programme, name: undefined } : programme;
  if (managesProgramme(grantsIn(actor, id))) return ALLOWED;
  return { allowed: false, reason: `Only a programme manager or an admin of ${name ?? 'this programme'} can change it.` };
}

import { parseRole, grantScopeProblem, ROLE_LABEL, type Grant } from '../../domain/roles/roles.ts';
import type { AppDeps } from '../deps.ts';
import { findProgramme } from '../programmes/find-programme.ts';
import { fail, ok, type Result } from '../result.ts';

export interface GrantRequest {
  email: string;
  role: string;
  programme?: string | null;
  board?: string | null;
  workstream?: string | null;
  forEmail?: string | null;
  actor: string;
}

async function resolveGrant(deps: AppDeps, req: GrantRequest): Promise<Result<Grant & { personId: string; personName: string }>> {
  const role = parseRole(req.role);
  if (!role.ok) return fail('invalid-input', role.error);
  const person = await deps.store.people.findByEmail(req.email);
  if (!person) return fail('person-not-found', `Nobody in the directory has the email ${req.email}: add them with \`stocktake people import\`.`);
  const programme = await findProgramme(deps, req.programme);
  if (!programme.ok) return programme;
  let boardId: string | null = null;
  if (req.board) {
    const board = await deps.store.boards.findByName(programme.value.id, req.board);
    if (!board) return fail('board-not-found', `${programme.value.name} has no board called "${req.board}".`);
    boardId = board.id;
  }
  let workstreamId: string | null = null;
  if (req.workstream) {
    workstreamId = await deps.store.register.findWorkstream(programme.value.id, req.workstream);
    if (!workstreamId) return fail('workstream-not-found', `${programme.value.name} has no workstream "${req.workstream}" (give its number, letter or name).`);
  }
  let forPersonId: string | null = null;
  if (req.forEmail) {
    const covered = await deps.store.people.findByEmail(req.forEmail);
    if (!covered) return fail('person-not-found', `Nobody in the directory has the email ${req.forEmail}.`);
    forPersonId = covered.id;
  }
  const grant: Grant = { role: role.value, programmeId: programme.value.id, boardId, workstreamId, forPersonId };
  const problem = grantScopeProblem(grant);
  if (problem) return fail('invalid-input', problem);
  return ok({ ...grant, personId: person.id, personName: person.name });
}

export async function grantRole(deps: AppDeps, req: GrantRequest): Promise<Result<string>> {
  const g = await resolveGrant(deps, req);
  if (!g.ok) return g;
  const { personName, ...grant } = g.value;
  const { created } = await deps.store.grants.grant(grant);
  await deps.store.audit.record({ actor: req.actor, programmeId: grant.programmeId, verb: 'grant', entity: 'role', entityId: grant.personId, details: { ...grant } });
  return ok(`${personName} ${created ? 'is now' : 'was already'} ${ROLE_LABEL[grant.role]}${req.board ? ` of ${req.board}` : ''}${req.workstream ? ` for workstream ${req.workstream}` : ''}${req.forEmail ? ` for ${req.forEmail}` : ''}.`);
}

export async function revokeRole(deps: AppDeps, req: GrantRequest): Promise<Result<string>> {
  const g = await resolveGrant(deps, req);
  if (!g.ok) return g;
  const { personName, ...grant } = g.value;
  const removed = await deps.store.grants.revoke(grant);
  await deps.store.audit.record({ actor: req.actor, programmeId: grant.programmeId, verb: 'revoke', entity: 'role', entityId: grant.personId, details: { ...grant } });
  return ok(removed ? `${personName} is no longer ${ROLE_LABEL[grant.role]}.` : `${personName} did not have that role.`);
}

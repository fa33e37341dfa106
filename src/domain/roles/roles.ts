/** Roles are permissions (DESIGN, "Roles"); a person's job title grants nothing. */
export const ROLES = ['lead', 'delegate', 'workstream-lead', 'chair', 'programme-manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  lead: 'lead',
  delegate: 'delegate',
  'workstream-lead': 'workstream lead',
  chair: 'chair',
  'programme-manager': 'programme manager',
  admin: 'admin',
};

/**
 * One role granted to a person, scoped to a programme and optionally narrowed. Optional fields
 * accept null as well, so database rows can be passed as they are.
 */
export interface Grant {
  role: Role;
  programmeId: string;
  /** A chair's board. A chair grant without one chairs every board of the programme. */
  boardId?: string | null;
  /** A workstream lead's workstream; on a delegate grant it narrows the cover to that workstream. */
  workstreamId?: string | null;
  /** The person a delegate acts for. */
  forPersonId?: string | null;
}

/** Reads a role as typed ("programme manager", "Workstream_Lead"), for `grant` and chat commands. */
export function parseRole(text: string): { ok: true; value: Role } | { ok: false; error: string } {
  const key = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  // The US spelling turns up in pasted commands; accept it rather than make people retype.
  const role = key === 'program-manager' ? 'programme-manager' : key;
  if ((ROLES as readonly string[]).includes(role)) return { ok: true, value: role as Role };
  const shown = text.trim() === '' ? 'No role was given' : `"${text.trim()}" is not a role`;
  return { ok: false, error: `${shown}. Valid roles: ${ROLES.join(', ')}.` };
}

/** Why a grant's scope does not make sense for its role, or null when it does. */
export function grantScopeProblem(grant: Grant): string | null {
  switch (grant.role) {
    case 'delegate':
      return grant.forPersonId ? null : 'A delegate must be given the person they act for (--for EMAIL).';
    case 'workstream-lead':
      return grant.workstreamId ? null : 'A workstream lead must be given their workstream (--workstream REF).';
    default:
      return null;
  }
}

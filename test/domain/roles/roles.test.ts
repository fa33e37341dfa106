import { describe, expect, it } from 'vitest';
import { grantScopeProblem, parseRole, ROLE_LABEL, ROLES } from '../../../src/domain/roles/roles.ts';

describe('parseRole', () => {
  it.each(ROLES)('accepts %j as written', (role) => {
    expect(parseRole(role)).toEqual({ ok: true, value: role });
  });

  it('accepts spaces, underscores and capitals', () => {
    expect(parseRole('Programme Manager')).toEqual({ ok: true, value: 'programme-manager' });
    expect(parseRole('workstream_lead')).toEqual({ ok: true, value: 'workstream-lead' });
    expect(parseRole('  CHAIR ')).toEqual({ ok: true, value: 'chair' });
  });

  it('accepts the US spelling "program manager"', () => {
    expect(parseRole('program manager')).toEqual({ ok: true, value: 'programme-manager' });
  });

  it('rejects an unknown role and lists the valid ones', () => {
    expect(parseRole('owner')).toEqual({
      ok: false,
      error: '"owner" is not a role. Valid roles: lead, delegate, workstream-lead, chair, programme-manager, admin.',
    });
  });

  it('rejects a blank role and lists the valid ones', () => {
    expect(parseRole('')).toEqual({
      ok: false,
      error: 'No role was given. Valid roles: lead, delegate, workstream-lead, chair, programme-manager, admin.',
    });
  });
});

describe('ROLE_LABEL', () => {
  it('words each role in British English for people', () => {
    expect(ROLE_LABEL['programme-manager']).toBe('programme manager');
    expect(ROLE_LABEL['workstream-lead']).toBe('workstream lead');
  });
});

describe('grantScopeProblem', () => {
  it('requires a delegate to name whom they act for', () => {
    expect(grantScopeProblem({ role: 'delegate', programmeId: 'p' })).toMatch(/--for EMAIL/);
    expect(grantScopeProblem({ role: 'delegate', programmeId: 'p', forPersonId: 'x' })).toBeNull();
  });

  it('requires a workstream lead to name their workstream', () => {
    expect(grantScopeProblem({ role: 'workstream-lead', programmeId: 'p', workstreamId: null })).toMatch(/--workstream REF/);
    expect(grantScopeProblem({ role: 'workstream-lead', programmeId: 'p', workstreamId: 'w' })).toBeNull();
  });

  it('accepts a chair without a board (every board of the programme) and programme-wide roles', () => {
    expect(grantScopeProblem({ role: 'chair', programmeId: 'p' })).toBeNull();
    expect(grantScopeProblem({ role: 'programme-manager', programmeId: 'p' })).toBeNull();
    expect(grantScopeProblem({ role: 'admin', programmeId: 'p' })).toBeNull();
  });
});

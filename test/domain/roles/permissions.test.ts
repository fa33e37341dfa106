import { describe, expect, it } from 'vitest';
import {
  canManageProgramme,
  canSendReport,
  canUpdateAction,
  canViewProgramme,
  type Actor,
  type ActionScope,
} from '../../../src/domain/roles/permissions.ts';
import type { Grant } from '../../../src/domain/roles/roles.ts';

const HULL = 'hull';
const KENT = 'kent';
const actor = (personId: string, grants: Grant[] = [], leadsInProgrammeIds?: string[]): Actor => ({
  personId,
  grants,
  ...(leadsInProgrammeIds ? { leadsInProgrammeIds } : {}),
});

/** Action 3.2.1 sits in objective 3.2 under priority 3; Karen leads it. */
const action: ActionScope = { programmeId: HULL, workstreamIds: ['ws-3.2', 'ws-3'], leadPersonIds: ['karen'], ref: '3.2.1' };
const board = { id: 'spb', programmeId: HULL, name: 'SEND Partnership Board' };

describe('canUpdateAction', () => {
  it('lets a lead update their own action without any grant', () => {
    expect(canUpdateAction(actor('karen'), action)).toEqual({ allowed: true });
  });

  it('lets one of several leads update a shared action', () => {
    expect(canUpdateAction(actor('james'), { ...action, leadPersonIds: ['karen', 'james'] })).toEqual({ allowed: true });
  });

  it('refuses someone else’s action, saying who can update it', () => {
    expect(canUpdateAction(actor('james', [{ role: 'lead', programmeId: HULL }]), action)).toEqual({
      allowed: false,
      reason: 'Only the lead of action 3.2.1, someone covering for them, its workstream lead or a programme manager can update it.',
    });
  });

  it('words the refusal without a ref when none is given', () => {
    const { ref: _ref, ...noRef } = action;
    const result = canUpdateAction(actor('james'), noRef);
    expect(result.allowed === false && result.reason).toMatch(/^Only the lead of this action,/);
  });

  it('lets a delegate update the actions of the person they act for', () => {
    const delegate = actor('dan', [{ role: 'delegate', programmeId: HULL, forPersonId: 'karen' }]);
    expect(canUpdateAction(delegate, action)).toEqual({ allowed: true });
  });

  it('does not let a delegate update actions of someone they do not cover', () => {
    const delegate = actor('dan', [{ role: 'delegate', programmeId: HULL, forPersonId: 'james' }]);
    expect(canUpdateAction(delegate, action).allowed).toBe(false);
  });

  it('does not let a delegate act in another programme', () => {
    const delegate = actor('dan', [{ role: 'delegate', programmeId: KENT, forPersonId: 'karen' }]);
    expect(canUpdateAction(delegate, action).allowed).toBe(false);
  });

  it('limits a delegate to their workstream when the grant names one', () => {
    const inside = actor('dan', [{ role: 'delegate', programmeId: HULL, forPersonId: 'karen', workstreamId: 'ws-3' }]);
    const outside = actor('dan', [{ role: 'delegate', programmeId: HULL, forPersonId: 'karen', workstreamId: 'ws-4' }]);
    expect(canUpdateAction(inside, action).allowed).toBe(true);
    expect(canUpdateAction(outside, action).allowed).toBe(false);
  });

  it('ignores a delegate grant that names no one', () => {
    expect(canUpdateAction(actor('dan', [{ role: 'delegate', programmeId: HULL, forPersonId: null }]), action).allowed).toBe(false);
  });

  it('lets a workstream lead update actions in their workstream', () => {
    expect(canUpdateAction(actor('wendy', [{ role: 'workstream-lead', programmeId: HULL, workstreamId: 'ws-3.2' }]), action)).toEqual({
      allowed: true,
    });
  });

  it('lets the lead of a parent workstream update actions below it', () => {
    expect(canUpdateAction(actor('wendy', [{ role: 'workstream-lead', programmeId: HULL, workstreamId: 'ws-3' }]), action).allowed).toBe(true);
  });

  it('does not let a workstream lead update another workstream’s actions', () => {
    expect(canUpdateAction(actor('wendy', [{ role: 'workstream-lead', programmeId: HULL, workstreamId: 'ws-4' }]), action).allowed).toBe(false);
  });

  it('does not treat a workstream lead grant without a workstream as programme-wide', () => {
    expect(canUpdateAction(actor('wendy', [{ role: 'workstream-lead', programmeId: HULL }]), action).allowed).toBe(false);
  });

  it('lets a programme manager or an admin update any action in their programme', () => {
    expect(canUpdateAction(actor('pat', [{ role: 'programme-manager', programmeId: HULL }]), action).allowed).toBe(true);
    expect(canUpdateAction(actor('ada', [{ role: 'admin', programmeId: HULL }]), action).allowed).toBe(true);
  });

  it('does not let a programme manager of another programme update it', () => {
    expect(canUpdateAction(actor('pat', [{ role: 'programme-manager', programmeId: KENT }]), action).allowed).toBe(false);
  });

  it('does not let a chair update actions by virtue of chairing', () => {
    expect(canUpdateAction(actor('chris', [{ role: 'chair', programmeId: HULL, boardId: 'spb' }]), action).allowed).toBe(false);
  });
});

describe('canSendReport', () => {
  it('lets the chair of the board send its report', () => {
    expect(canSendReport(actor('chris', [{ role: 'chair', programmeId: HULL, boardId: 'spb' }]), board)).toEqual({ allowed: true });
  });

  it('does not let the chair of another board send it', () => {
    expect(canSendReport(actor('chris', [{ role: 'chair', programmeId: HULL, boardId: 'delivery' }]), board)).toEqual({
      allowed: false,
      reason: 'Only the chair of SEND Partnership Board or a programme manager can send its report.',
    });
  });

  it('lets a chair granted for the whole programme send any of its boards’ reports', () => {
    expect(canSendReport(actor('chris', [{ role: 'chair', programmeId: HULL, boardId: null }]), board).allowed).toBe(true);
  });

  it('does not let a chair in another programme send it', () => {
    expect(canSendReport(actor('chris', [{ role: 'chair', programmeId: KENT, boardId: 'spb' }]), board).allowed).toBe(false);
  });

  it('lets a programme manager or an admin send it', () => {
    expect(canSendReport(actor('pat', [{ role: 'programme-manager', programmeId: HULL }]), board).allowed).toBe(true);
    expect(canSendReport(actor('ada', [{ role: 'admin', programmeId: HULL }]), board).allowed).toBe(true);
  });

  it('does not let a lead or workstream lead send it', () => {
    const result = canSendReport(actor('karen', [{ role: 'lead', programmeId: HULL }, { role: 'workstream-lead', programmeId: HULL, workstreamId: 'ws-3' }]), board);
    expect(result.allowed).toBe(false);
  });

  it('words the refusal without a board name when none is given', () => {
    expect(canSendReport(actor('karen'), { id: 'spb', programmeId: HULL })).toEqual({
      allowed: false,
      reason: 'Only the chair of this board or a programme manager can send its report.',
    });
  });
});

describe('canViewProgramme', () => {
  it('lets anyone with any grant in the programme see it', () => {
    for (const grant of [
      { role: 'lead', programmeId: HULL },
      { role: 'delegate', programmeId: HULL, forPersonId: 'karen' },
      { role: 'chair', programmeId: HULL, boardId: 'spb' },
    ] satisfies Grant[]) {
      expect(canViewProgramme(actor('x', [grant]), HULL)).toEqual({ allowed: true });
    }
  });

  it('lets a named lead of one of its actions see it without a grant', () => {
    expect(canViewProgramme(actor('karen', [], [HULL]), { id: HULL, name: 'Hull SEND' })).toEqual({ allowed: true });
  });

  it('refuses someone with grants only in other programmes, naming the programme', () => {
    expect(canViewProgramme(actor('x', [{ role: 'admin', programmeId: KENT }], [KENT]), { id: HULL, name: 'Hull SEND' })).toEqual({
      allowed: false,
      reason: 'Only people working on Hull SEND can see it. Ask a programme manager to add you.',
    });
  });

  it('refuses someone with no grants at all', () => {
    expect(canViewProgramme(actor('x'), HULL).allowed).toBe(false);
  });
});

describe('canManageProgramme', () => {
  it('lets a programme manager or an admin manage the programme', () => {
    expect(canManageProgramme(actor('pat', [{ role: 'programme-manager', programmeId: HULL }]), HULL)).toEqual({ allowed: true });
    expect(canManageProgramme(actor('ada', [{ role: 'admin', programmeId: HULL }]), HULL)).toEqual({ allowed: true });
  });

  it('does not let a chair, workstream lead or lead manage it', () => {
    const result = canManageProgramme(
      actor('chris', [
        { role: 'chair', programmeId: HULL, boardId: 'spb' },
        { role: 'workstream-lead', programmeId: HULL, workstreamId: 'ws-3' },
        { role: 'lead', programmeId: HULL },
      ]),
      { id: HULL, name: 'Hull SEND' },
    );
    expect(result).toEqual({ allowed: false, reason: 'Only a programme manager or an admin of Hull SEND can change it.' });
  });

  it('does not let a programme manager of another programme manage it', () => {
    expect(canManageProgramme(actor('pat', [{ role: 'programme-manager', programmeId: KENT }]), HULL).allowed).toBe(false);
  });
});

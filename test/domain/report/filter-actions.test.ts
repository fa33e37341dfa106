import { describe, expect, it } from 'vitest';
import { filterActions, matchesWorkstream } from '../../../src/domain/report/filter-actions.ts';
import { action } from './fixtures.ts';

const COMMUNICATION = '1. To work towards having clear and open lines of communication';
const IDENTIFY = '3. To identify need early and respond to it effectively';

const actions = [
  action({ ref: '1.1', workstream: COMMUNICATION, workstreamRef: '1', leads: ['Assistant Director Learning and Skills.'], leadPersonIds: [] }),
  action({ ref: '1.2', workstream: COMMUNICATION, workstreamRef: '1', leads: ['Priya Shah'], leadPersonIds: ['p-priya'] }),
  action({ ref: '3.1', workstream: IDENTIFY, workstreamRef: '3', leads: ['Head of Service (SEND)', 'Priya Shah'], leadPersonIds: ['p-sam', 'p-priya'] }),
  action({ ref: 'C.1', workstream: 'Workstream C – Quality of plans', workstreamRef: 'C', leads: ['Jo Bloggs'], leadPersonIds: ['p-jo'] }),
];

const refsOf = (list: readonly { ref: string }[]) => list.map((a) => a.ref);

describe('filterActions: all', () => {
  it('keeps every action, in the same order, in a new list', () => {
    const all = filterActions(actions, { kind: 'all' });
    expect(refsOf(all)).toEqual(['1.1', '1.2', '3.1', 'C.1']);
    expect(all).not.toBe(actions);
  });
});

describe('filterActions: by workstream', () => {
  const byWorkstream = (text: string) => refsOf(filterActions(actions, { kind: 'workstream', text }));

  it('finds a workstream by its number', () => {
    expect(byWorkstream('3')).toEqual(['3.1']);
  });

  it('finds a workstream by its number written with a full stop', () => {
    expect(byWorkstream('3.')).toEqual(['3.1']);
  });

  it('finds a workstream by its letter, in either case', () => {
    expect(byWorkstream('C')).toContain('C.1');
    expect(byWorkstream('c')).toContain('C.1');
  });

  it('finds a workstream by the start of its name, without its number', () => {
    expect(byWorkstream('To identify need')).toEqual(['3.1']);
  });

  it('finds a workstream by the start of its name in any case', () => {
    expect(byWorkstream('to IDENTIFY need')).toEqual(['3.1']);
  });

  it('finds a workstream by its full name with its number', () => {
    expect(byWorkstream(IDENTIFY)).toEqual(['3.1']);
    expect(byWorkstream('3. To identify need early')).toEqual(['3.1']);
  });

  it('finds a workstream named with its keyword', () => {
    expect(byWorkstream('Workstream C')).toEqual(['C.1']);
  });

  it('finds nothing for a name no workstream starts with', () => {
    expect(byWorkstream('need early')).toEqual([]);
    expect(byWorkstream('7')).toEqual([]);
  });

  it('finds nothing for blank text or punctuation alone', () => {
    expect(byWorkstream('')).toEqual([]);
    expect(byWorkstream(' . ')).toEqual([]);
  });
});

describe('matchesWorkstream', () => {
  it('matches on the ref when the name has no number in it', () => {
    expect(matchesWorkstream({ workstream: 'Preparing for adulthood', workstreamRef: '5' }, '5')).toBe(true);
  });

  it('does not need a ref to match on the name', () => {
    expect(matchesWorkstream({ workstream: 'Preparing for adulthood', workstreamRef: null }, 'preparing')).toBe(true);
  });
});

describe('filterActions: by lead', () => {
  const byLead = (personId: string | null, name: string) => refsOf(filterActions(actions, { kind: 'lead', personId, name }));

  it("finds a person's actions by their id, whatever the register calls them", () => {
    expect(byLead('p-priya', 'Someone Else')).toEqual(['1.2', '3.1']);
  });

  it("finds a lead by the register's name, ignoring case", () => {
    expect(byLead(null, 'head of service (send)')).toEqual(['3.1']);
  });

  it('finds a lead by name ignoring a trailing full stop on either side', () => {
    expect(byLead(null, 'Assistant Director Learning and Skills')).toEqual(['1.1']);
    expect(byLead(null, 'JO BLOGGS.')).toEqual(['C.1']);
  });

  it('finds a lead by name ignoring extra spaces', () => {
    expect(byLead(null, '  Assistant   Director Learning and Skills ')).toEqual(['1.1']);
  });

  it("finds actions by either the person's id or their name", () => {
    expect(byLead('p-jo', 'Assistant Director Learning and Skills')).toEqual(['1.1', 'C.1']);
  });

  it('does not match part of a name', () => {
    expect(byLead(null, 'Priya')).toEqual([]);
  });

  it('finds nothing for a lead nobody has', () => {
    expect(byLead('p-nobody', 'Nobody')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createLeadResolver, isPersonIn, resolveLead, type DirectoryPerson } from '../../../src/domain/leads/resolve-lead.ts';
import { splitLeads } from '../../../src/domain/leads/split-leads.ts';

const person = (id: string, name: string, extra: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  id,
  name,
  email: `${id}@hullcc.example`,
  jobTitle: null,
  aliases: [],
  ...extra,
});

/** A directory for Hull's register: leads are named by role title, so titles are job titles or aliases. */
const hull: DirectoryPerson[] = [
  person('kd', 'Karen Davies', { jobTitle: 'Assistant Director Learning and Skills', aliases: ['KD'] }),
  person('jg', 'James Green', { jobTitle: 'Assistant Director Safeguarding', aliases: ['JG'] }),
  person('sn', 'Sara Noor', { jobTitle: 'Head of Service (SEND)', aliases: ['SN', 'Head Of Service'] }),
  person('pw', 'Paul Walker', { jobTitle: 'Head of Service (ASC)' }),
  person('ao', "Anne O'Brien", { jobTitle: 'Standards & Effectiveness Officer' }),
  person('mh', 'Dr Mark Hughes', { jobTitle: 'Director of Nursing and Quality', email: 'Mark.Hughes@NHS.example' }),
];

describe('resolveLead', () => {
  it('matches by name, ignoring case and spacing', () => {
    expect(resolveLead('  karen   DAVIES ', hull)).toMatchObject({ person: { id: 'kd' }, matchedBy: 'name' });
  });

  it('matches by email, ignoring case', () => {
    expect(resolveLead('mark.hughes@nhs.example', hull)).toMatchObject({ person: { id: 'mh' }, matchedBy: 'email' });
  });

  it('matches initials given as an alias', () => {
    expect(resolveLead('JG', hull)).toMatchObject({ person: { id: 'jg' }, matchedBy: 'alias' });
  });

  it("matches Hull's 'Assistant Director Learning and Skills.' to the person with that job title, despite the full stop", () => {
    expect(resolveLead('Assistant Director Learning and Skills.', hull)).toMatchObject({
      person: { id: 'kd' },
      matchedBy: 'job title',
    });
  });

  it("matches 'Standards & Effectiveness Officer' by job title", () => {
    expect(resolveLead('Standards & Effectiveness Officer', hull).person?.id).toBe('ao');
  });

  it('matches a role title given as an alias', () => {
    expect(resolveLead('Head of service', hull)).toMatchObject({ person: { id: 'sn' }, matchedBy: 'alias' });
  });

  it('tells apart role titles that differ only in their bracketed service', () => {
    expect(resolveLead('Head of Service (SEND)', hull).person?.id).toBe('sn');
    expect(resolveLead('Head of Service (ASC)', hull).person?.id).toBe('pw');
  });

  it('works out initials from names when no alias gives them, leaving titles out', () => {
    expect(resolveLead('PW', hull)).toMatchObject({ person: { id: 'pw' }, matchedBy: 'initials' });
    expect(resolveLead('MH', hull)).toMatchObject({ person: { id: 'mh' }, matchedBy: 'initials' });
  });

  it('only works out initials for text written as capitals', () => {
    expect(resolveLead('pw', hull).person).toBeNull();
  });

  it('prefers a name over someone else’s alias', () => {
    const dir = [person('a', 'Jo Bloggs'), person('b', 'Sam Lee', { aliases: ['Jo Bloggs'] })];
    expect(resolveLead('Jo Bloggs', dir).person?.id).toBe('a');
  });

  it('returns null with a reason naming the people when two share an alias', () => {
    const dir = [person('a', 'Kate Dunn', { aliases: ['KD'] }), person('b', 'Kieran Doyle', { aliases: ['kd'] })];
    const match = resolveLead('KD', dir);
    expect(match.person).toBeNull();
    if (match.person === null) {
      expect(match.reason).toContain('Kate Dunn');
      expect(match.reason).toContain('Kieran Doyle');
      expect(match.candidates.map((p) => p.id)).toEqual(['a', 'b']);
    }
  });

  it('returns null when two people share a job title', () => {
    const dir = [person('a', 'Ann Ash', { jobTitle: 'Head of Service' }), person('b', 'Bob Birch', { jobTitle: 'Head of Service' })];
    const match = resolveLead('Head of Service', dir);
    expect(match.person).toBeNull();
    if (match.person === null) expect(match.reason).toMatch(/could be any of Ann Ash, Bob Birch/);
  });

  it('returns null with a reason when no one matches', () => {
    const match = resolveLead('Head of Education Standards and Partnerships 11 -19', hull);
    expect(match).toEqual({
      person: null,
      reason: 'No one in the directory matches "Head of Education Standards and Partnerships 11 -19".',
      candidates: [],
    });
  });

  it('returns null for blank text', () => {
    expect(resolveLead('  ', hull).person).toBeNull();
  });

  it('does not match a person to the same alias twice as ambiguous', () => {
    const dir = [person('a', 'Kate Dunn', { aliases: ['KD', 'kd.'] })];
    expect(resolveLead('KD', dir).person?.id).toBe('a');
  });
});

describe('createLeadResolver', () => {
  it('resolves many leads against one directory', () => {
    const resolve = createLeadResolver(hull);
    expect(['KD', 'JG', 'SN'].map((t) => resolve(t).person?.id)).toEqual(['kd', 'jg', 'sn']);
  });
});

describe('isPersonIn with splitLeads', () => {
  it('splits "Karen Davies and James Green" into two people', () => {
    expect(splitLeads('Karen Davies and James Green', isPersonIn(hull))).toEqual(['Karen Davies', 'James Green']);
  });

  it("keeps Hull's 'Assistant Director Learning and Skills.' as one lead", () => {
    expect(splitLeads('Assistant Director Learning and Skills.', isPersonIn(hull))).toEqual(['Assistant Director Learning and Skills']);
  });

  it("splits Hull's 'Assistant Director Safeguarding / Head Of Service' into two people it can resolve", () => {
    const leads = splitLeads('Assistant Director Safeguarding / Head Of Service', isPersonIn(hull));
    expect(leads.map((l) => resolveLead(l, hull).person?.id)).toEqual(['jg', 'sn']);
  });

  it('counts ambiguous initials as people when splitting', () => {
    const dir = [person('a', 'Kate Dunn', { aliases: ['KD'] }), person('b', 'Kieran Doyle', { aliases: ['KD'] }), person('c', 'Jo Gee', { aliases: ['JG'] })];
    expect(splitLeads('KD, JG', isPersonIn(dir))).toEqual(['KD', 'JG']);
  });
});

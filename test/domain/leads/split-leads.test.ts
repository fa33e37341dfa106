import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { splitLeads } from '../../../src/domain/leads/split-leads.ts';
import { normaliseName } from '../../../src/domain/leads/normalise-name.ts';

const known = (...names: string[]) => {
  const set = new Set(names.map(normaliseName));
  return (name: string) => set.has(normaliseName(name));
};
const nobody = () => false;

describe('splitLeads', () => {
  it('splits on slashes always: "KD/JG/SN" is three leads', () => {
    expect(splitLeads('KD/JG/SN', nobody)).toEqual(['KD', 'JG', 'SN']);
  });

  it('splits on semicolons and line breaks always', () => {
    expect(splitLeads('Head of Service (SEND); Director of Nursing and Quality', nobody)).toEqual([
      'Head of Service (SEND)',
      'Director of Nursing and Quality',
    ]);
    expect(splitLeads('Jane Smith\nAli Khan\r\nSam Lee', nobody)).toEqual(['Jane Smith', 'Ali Khan', 'Sam Lee']);
  });

  it("splits Hull's 'Assistant Director Safeguarding / Head Of Service' into two role titles", () => {
    expect(splitLeads('Assistant Director Safeguarding / Head Of Service', nobody)).toEqual([
      'Assistant Director Safeguarding',
      'Head Of Service',
    ]);
  });

  it("keeps 'Assistant Director Learning and Skills' whole, dropping its trailing full stop", () => {
    expect(splitLeads('Assistant Director Learning and Skills.', nobody)).toEqual(['Assistant Director Learning and Skills']);
  });

  it("keeps 'Standards & Effectiveness Officer' whole", () => {
    expect(splitLeads('Standards & Effectiveness Officer', nobody)).toEqual(['Standards & Effectiveness Officer']);
  });

  it('keeps a role title with "and" whole even when it is itself a known lead', () => {
    const isPerson = known('Assistant Director Learning and Skills');
    expect(splitLeads('Assistant Director Learning and Skills', isPerson)).toEqual(['Assistant Director Learning and Skills']);
  });

  it('does not split on "and" when only some of the parts are people', () => {
    const isPerson = known('Skills');
    expect(splitLeads('Assistant Director Learning and Skills', isPerson)).toEqual(['Assistant Director Learning and Skills']);
  });

  it('splits on "and" when every part is a known person', () => {
    expect(splitLeads('Jane Smith and Ali Khan', known('Jane Smith', 'Ali Khan'))).toEqual(['Jane Smith', 'Ali Khan']);
  });

  it('splits on "&" when every part is a known person', () => {
    expect(splitLeads('Jane Smith & Ali Khan', known('Jane Smith', 'Ali Khan'))).toEqual(['Jane Smith', 'Ali Khan']);
  });

  it('splits on commas when every part is a known person', () => {
    expect(splitLeads('Jane Smith, Ali Khan', known('Jane Smith', 'Ali Khan'))).toEqual(['Jane Smith', 'Ali Khan']);
  });

  it('splits "A, B and C" when all three are known people', () => {
    expect(splitLeads('Jane Smith, Ali Khan and Sam Lee', known('Jane Smith', 'Ali Khan', 'Sam Lee'))).toEqual([
      'Jane Smith',
      'Ali Khan',
      'Sam Lee',
    ]);
  });

  it('splits a known role title and a known person separated by a comma', () => {
    const isPerson = known('Assistant Director Learning and Skills', 'Jane Smith');
    expect(splitLeads('Assistant Director Learning and Skills, Jane Smith', isPerson)).toEqual([
      'Assistant Director Learning and Skills',
      'Jane Smith',
    ]);
  });

  it('keeps a comma-separated cell whole when one part is not a known person', () => {
    expect(splitLeads('Jane Smith, Michelle Cross (Adults)', known('Jane Smith'))).toEqual(['Jane Smith, Michelle Cross (Adults)']);
  });

  it('does not treat a stray trailing comma as a separator', () => {
    expect(splitLeads('Jane Smith,', nobody)).toEqual(['Jane Smith']);
  });

  it('splits each slash part on its own terms', () => {
    const isPerson = known('Jane Smith', 'Ali Khan');
    expect(splitLeads('Jane Smith and Ali Khan / Head of Learning and Skills', isPerson)).toEqual([
      'Jane Smith',
      'Ali Khan',
      'Head of Learning and Skills',
    ]);
  });

  it('drops empty parts and repeats', () => {
    expect(splitLeads(' KD // JG ; kd ;', nobody)).toEqual(['KD', 'JG']);
  });

  it('returns no leads for a blank cell', () => {
    expect(splitLeads('', nobody)).toEqual([]);
    expect(splitLeads('  \n ', nobody)).toEqual([]);
  });

  it('passes tidied parts to isPerson', () => {
    const seen: string[] = [];
    splitLeads('  Jane   Smith.  / KD', (n) => {
      seen.push(n);
      return false;
    });
    expect(seen).toContain('Jane Smith');
    expect(seen).toContain('KD');
  });

  it("reads every Strategic Lead cell in Hull's register as role titles, never splitting on 'and' or '&'", () => {
    const rows = parse(readFileSync(new URL('../../../examples/hull-send-plan.csv', import.meta.url)), {
      columns: true,
    }) as Record<string, string>[];
    const leads = new Set(rows.flatMap((r) => splitLeads(r['Strategic Lead'] ?? '', nobody)));
    expect([...leads].sort()).toEqual([
      'Assistant Director Community Integration and Transformation',
      'Assistant Director Community and Integration and Transformation',
      'Assistant Director Learning and Skills',
      'Assistant Director Safeguarding',
      'Director Learning and Skills',
      'Director of Nursing and Quality',
      'Head Of Service',
      'Head of Education Standards and Partnerships 11 -19',
      'Head of Performance and Quality',
      'Head of Service (ASC)',
      'Head of Service (SEND)',
      'Standards & Effectiveness Officer',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { normaliseName, tidyLeadText } from '../../../src/domain/leads/normalise-name.ts';

describe('normaliseName', () => {
  it('ignores case', () => {
    expect(normaliseName('Head Of Service')).toBe(normaliseName('head of service'));
  });

  it('ignores extra, leading and trailing spacing', () => {
    expect(normaliseName('  Head   of\tService \n')).toBe('head of service');
  });

  it("ignores a trailing full stop (Hull's 'Assistant Director Learning and Skills.')", () => {
    expect(normaliseName('Assistant Director Learning and Skills.')).toBe(normaliseName('Assistant Director Learning and Skills'));
    expect(normaliseName('Assistant Director Learning and Skills .')).toBe('assistant director learning and skills');
  });

  it('keeps full stops inside a name', () => {
    expect(normaliseName('J. Smith')).toBe('j. smith');
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(normaliseName('Head of Children’s Joint Commissioning')).toBe(normaliseName("Head of Children's Joint Commissioning"));
  });
});

describe('tidyLeadText', () => {
  it('keeps case but tidies spacing and drops a trailing full stop', () => {
    expect(tidyLeadText('  Assistant Director   Learning and Skills. ')).toBe('Assistant Director Learning and Skills');
  });
});

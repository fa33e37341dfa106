import { describe, expect, it } from 'vitest';
import { leadingRef } from '../../../src/domain/register/workstream-ref.ts';

describe('leadingRef', () => {
  it.each([
    ['3. To identify need early so that…', '3'],
    ['10. Communication and Engagement Strategy', '10'],
    ['1.Data Baselining', '1'],
    ['1.2 Improve the Local Offer', '1.2'],
    ['Workstream C', 'C'],
    ['Workstream A – Parent Engagement and Co-production', 'A'],
    ['workstream b: inclusive practice', 'B'],
    ['Priority 2 - Address weaknesses', '2'],
    ['Objective 1.1 – Establish new recruiting', '1.1'],
    ['A. Parent engagement', 'A'],
    ['C) Quality of EHCPs', 'C'],
  ])('reads %s as %s', (text, ref) => {
    expect(leadingRef(text)).toBe(ref);
  });

  it.each(['A smoother, more integrated pathway', 'Data baselining', '2024 priorities', 'Priority areas for action', ''])(
    'finds no ref in %s',
    (text) => {
      expect(leadingRef(text)).toBeNull();
    },
  );
});

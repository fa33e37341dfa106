import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../../src/domain/report/natural-order.ts';

const sorted = (refs: string[]) => [...refs].sort(compareNatural);

describe('compareNatural', () => {
  it('orders numbered refs by their numbers, so 1.2 comes before 1.10', () => {
    expect(sorted(['1.10', '1.2', '1.1', '10.1', '2.1'])).toEqual(['1.1', '1.2', '1.10', '2.1', '10.1']);
  });

  it('orders deeper refs after their parent', () => {
    expect(sorted(['1.2.1', '1.2', '1.10', '1.2.10', '1.2.2'])).toEqual(['1.2', '1.2.1', '1.2.2', '1.2.10', '1.10']);
  });

  it('orders lettered workstreams and mixed refs without regard to case', () => {
    expect(sorted(['C', 'a', 'B'])).toEqual(['a', 'B', 'C']);
    expect(sorted(['A10', 'A2', 'b1'])).toEqual(['A2', 'A10', 'b1']);
  });

  it('puts a number before text at the same place', () => {
    expect(sorted(['1a', 'A', '1'])).toEqual(['1', '1a', 'A']);
  });

  it('is total: refs equal but for leading zeros still have a fixed order', () => {
    expect(compareNatural('01', '1')).not.toBe(0);
    expect(compareNatural('01', '1')).toBe(-compareNatural('1', '01'));
    expect(compareNatural('1.2', '1.2')).toBe(0);
  });
});

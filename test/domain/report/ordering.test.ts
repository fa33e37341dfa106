import { describe, expect, it } from 'vitest';
import { byWorkstreamThenRef, workstreamRanks } from '../../../src/domain/report/ordering.ts';

const a = (workstream: string, workstreamRef: string | null, ref: string) => ({ workstream, workstreamRef, ref });

describe('workstreamRanks', () => {
  it('orders numbered workstreams by number, whatever order the actions arrive in', () => {
    const ranks = workstreamRanks([a('10. Ten', '10', '10.1'), a('2. Two', '2', '2.1'), a('1. One', '1', '1.1')]);
    expect([...ranks.keys()]).toEqual(['1. One', '2. Two', '10. Ten']);
  });

  it('keeps the register order for workstreams without a number', () => {
    const ranks = workstreamRanks([a('Health', null, 'H1'), a('Education', null, 'E1'), a('Care', null, 'C1')]);
    expect([...ranks.keys()]).toEqual(['Health', 'Education', 'Care']);
  });

  it('puts numbered workstreams before unnumbered ones', () => {
    const ranks = workstreamRanks([a('Other', null, 'X1'), a('2. Two', '2', '2.1'), a('1. One', '1', '1.1')]);
    expect([...ranks.keys()]).toEqual(['1. One', '2. Two', 'Other']);
  });

  it('takes a workstream number from any of its actions', () => {
    const ranks = workstreamRanks([a('B', null, 'b1'), a('A', null, 'a1'), a('B', '1', 'b2'), a('A', '2', 'a2')]);
    expect([...ranks.keys()]).toEqual(['B', 'A']);
  });
});

describe('byWorkstreamThenRef', () => {
  it('sorts by workstream, then by ref in natural order', () => {
    const actions = [a('2. Two', '2', '2.1'), a('1. One', '1', '1.10'), a('1. One', '1', '1.2'), a('1. One', '1', '1.1')];
    const order = byWorkstreamThenRef(workstreamRanks(actions));
    expect([...actions].sort(order).map((x) => x.ref)).toEqual(['1.1', '1.2', '1.10', '2.1']);
  });
});

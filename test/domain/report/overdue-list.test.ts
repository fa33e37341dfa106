import { describe, expect, it } from 'vitest';
import { listOverdue, overdueList } from '../../../src/domain/report/overdue-list.ts';
import { action, day, month } from './fixtures.ts';

describe('listOverdue', () => {
  it('gives each overdue action in the exact `overdue --format json` shape', () => {
    const items = listOverdue(
      [
        action({
          ref: '1.2',
          title: 'Refresh the new in city protocol',
          workstream: '1. Communication',
          leads: ['Priya Shah', 'Head of SEND'],
          due: day('2025-03-01'),
          status: 'amber',
        }),
      ],
      '2025-03-14',
    );
    expect(items).toEqual([
      {
        ref: '1.2',
        title: 'Refresh the new in city protocol',
        workstream: '1. Communication',
        leads: ['Priya Shah', 'Head of SEND'],
        due: '2025-03-01',
        daysOverdue: 13,
        status: 'amber',
      },
    ]);
    expect(Object.keys(items[0]!)).toEqual(['ref', 'title', 'workstream', 'leads', 'due', 'daysOverdue', 'status']);
  });

  it('leaves out complete actions, undated actions and those due today or later', () => {
    const items = listOverdue(
      [
        action({ ref: '1.1', due: day('2025-01-01'), status: 'blue' }),
        action({ ref: '1.2', due: null }),
        action({ ref: '1.3', due: day('2025-03-14') }),
        action({ ref: '1.4', due: day('2025-04-01') }),
        action({ ref: '1.5', due: day('2025-03-13') }),
      ],
      '2025-03-14',
    );
    expect(items.map((i) => [i.ref, i.daysOverdue])).toEqual([['1.5', 1]]);
  });

  it('treats a month as due on its last day, overdue from the next month', () => {
    const actions = [action({ ref: '1.1', due: month('2025-02-28') })];
    expect(listOverdue(actions, '2025-02-28')).toEqual([]);
    expect(listOverdue(actions, '2025-03-01')[0]).toMatchObject({ due: '2025-02-28', daysOverdue: 1 });
  });

  it('leaves out actions no longer in the register', () => {
    const items = listOverdue([action({ due: day('2024-01-01'), inRegister: false })], '2025-03-14');
    expect(items).toEqual([]);
  });

  it('orders by workstream in register order, then by ref naturally', () => {
    const late = day('2025-01-31');
    const items = listOverdue(
      [
        action({ ref: '2.1', workstream: '2. Partnership', workstreamRef: '2', due: late }),
        action({ ref: '1.10', workstream: '1. Communication', workstreamRef: '1', due: late }),
        action({ ref: '1.2', workstream: '1. Communication', workstreamRef: '1', due: late }),
        action({ ref: '10.1', workstream: '10. Transitions', workstreamRef: '10', due: late }),
      ],
      '2025-03-14',
    );
    expect(items.map((i) => i.ref)).toEqual(['1.2', '1.10', '2.1', '10.1']);
  });

  it('orders unnumbered workstreams as they first appear in the whole register, not just among overdue actions', () => {
    const items = listOverdue(
      [
        action({ ref: 'H1', workstream: 'Health', workstreamRef: null, due: day('2026-01-01') }),
        action({ ref: 'E1', workstream: 'Education', workstreamRef: null, due: day('2025-01-01') }),
        action({ ref: 'H2', workstream: 'Health', workstreamRef: null, due: day('2025-01-01') }),
      ],
      '2025-03-14',
    );
    expect(items.map((i) => i.ref)).toEqual(['H2', 'E1']);
  });

  it('does not reorder or change the actions it is given', () => {
    const actions = [action({ ref: '1.2', due: day('2025-01-01') }), action({ ref: '1.1', due: day('2025-01-01') })];
    const before = structuredClone(actions);
    const items = listOverdue(actions, '2025-03-14');
    items[0]!.leads.push('Someone else');
    expect(actions).toEqual(before);
  });
});

describe('overdueList', () => {
  it('wraps the items as the `overdue --format json` document', () => {
    const doc = overdueList('Hull SEND', [action({ due: day('2025-03-01') })], '2025-03-14');
    expect(Object.keys(doc)).toEqual(['programme', 'asOf', 'items']);
    expect(doc).toMatchObject({ programme: 'Hull SEND', asOf: '2025-03-14' });
    expect(doc.items).toHaveLength(1);
  });
});

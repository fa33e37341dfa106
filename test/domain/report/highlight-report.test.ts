import { describe, expect, it } from 'vitest';
import { compileHighlightReport } from '../../../src/domain/report/highlight-report.ts';
import type { ReportAction } from '../../../src/domain/report/types.ts';
import { action, context, day, month, update } from './fixtures.ts';

// The previous board's cut-off was 10 Feb 2025 at noon; this cycle's asking began 3 Mar 2025.
const BEFORE_CUTOFF = '2025-02-03T10:00:00Z';
const THIS_CYCLE = '2025-03-05T14:20:00Z';

const COMMS = { workstream: '1. Communication and co-production', workstreamRef: '1' };
const EARLY = { workstream: '3. Identifying need early', workstreamRef: '3' };
const PARTNERS = { workstream: '2. Partnership working', workstreamRef: '2' };

/** A small register: three workstreams given out of order, updates either side of the cut-off. */
function register(): ReportAction[] {
  return [
    action({
      ...EARLY,
      ref: '3.10',
      title: 'Reduce SaLT waiting times',
      leads: ['Dr Amira Khan'],
      leadPersonIds: ['p-amira'],
      due: month('2025-04-30'),
      status: 'red',
      statusWord: 'Off track',
      updates: [
        update({ at: BEFORE_CUTOFF, status: 'amber', statusWord: 'Some concerns', author: 'Dr Amira Khan' }),
        update({ at: THIS_CYCLE, status: 'red', statusWord: 'Off track', note: 'Two therapists left.', author: 'Dr Amira Khan' }),
      ],
    }),
    action({
      ...COMMS,
      ref: '1.10',
      title: 'Publish agreed response timescales',
      leads: ['Priya Shah'],
      due: day('2025-02-28'),
      originalDue: day('2024-11-30'),
      dueRevisions: 2,
      status: 'amber',
      statusWord: 'On track some concerns',
      updates: [update({ at: BEFORE_CUTOFF, status: 'amber', statusWord: 'On track some concerns' })],
    }),
    action({
      ...COMMS,
      ref: '1.2',
      title: 'Refresh the quality assurance framework',
      leads: ['Priya Shah', 'Tom Ellis'],
      leadPersonIds: ['p-priya', 'p-tom'],
      due: day('2025-03-31'),
      status: 'green',
      statusWord: 'On track',
      updates: [
        update({ at: BEFORE_CUTOFF, status: 'amber', statusWord: 'Some concerns' }),
        update({ at: THIS_CYCLE, status: 'green', statusWord: 'On track', note: 'Parent forum signed off.' }),
      ],
    }),
    action({
      ...COMMS,
      ref: '1.1',
      title: 'Map the front door',
      leads: ['Tom Ellis'],
      due: day('2025-01-31'),
      status: 'blue',
      statusWord: 'Complete',
      updates: [update({ at: '2025-01-20T09:00:00Z', status: 'blue', statusWord: 'Complete', author: 'Tom Ellis' })],
    }),
    action({
      ...PARTNERS,
      ref: '2.1',
      title: 'Develop the integrated hub',
      leads: ['Head of Service (SEND)'],
      leadPersonIds: [],
      due: null,
      status: 'grey',
      statusWord: 'Not due yet',
    }),
    action({
      ...PARTNERS,
      ref: '2.2',
      title: 'Partner-wide training on impact',
      leads: ['Head of Service (SEND)'],
      due: day('2025-04-15'),
      status: 'green',
      statusWord: 'On track no concerns',
      updates: [update({ at: '2025-03-04T09:00:00Z', status: 'green', author: 'Jo Bloggs' })],
    }),
    action({
      ...PARTNERS,
      ref: '2.3',
      title: 'An action removed from the plan',
      due: day('2024-06-30'),
      status: 'red',
      inRegister: false,
    }),
  ];
}

describe('compileHighlightReport: the `report --format json` contract', () => {
  const report = compileHighlightReport(register(), context());

  it('has the contract fields first, in order, then the additions', () => {
    expect(Object.keys(report).slice(0, 8)).toEqual([
      'programme', 'board', 'asOf', 'totals', 'workstreams', 'overdue', 'missingUpdates', 'dueNext',
    ]);
    expect(report).toMatchObject({ programme: 'Hull SEND', board: 'SEND Partnership Board', asOf: '2025-03-14' });
  });

  it('gives each item exactly the ITEM fields', () => {
    const item = report.workstreams[0]!.items.find((i) => i.ref === '1.2')!;
    expect(item).toEqual({
      ref: '1.2',
      title: 'Refresh the quality assurance framework',
      workstream: '1. Communication and co-production',
      leads: ['Priya Shah', 'Tom Ellis'],
      due: '2025-03-31',
      duePrecision: 'day',
      status: 'green',
      statusWord: 'On track',
      direction: 'up',
      latestUpdate: { status: 'green', note: 'Parent forum signed off.', author: 'Priya Shah', at: '2025-03-05T14:20:00.000Z' },
    });
  });

  it('gives a workstream name, totals and items first', () => {
    expect(Object.keys(report.workstreams[0]!).slice(0, 3)).toEqual(['name', 'totals', 'items']);
  });

  it('keeps totals to the five BRAG keys in the contract order', () => {
    expect(Object.keys(report.totals)).toEqual(['blue', 'green', 'amber', 'red', 'grey']);
  });

  it('survives a JSON round trip unchanged (no Dates, no undefined)', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('gives a month date with its precision, and no date as null', () => {
    const items = report.workstreams.flatMap((w) => w.items);
    expect(items.find((i) => i.ref === '3.10')).toMatchObject({ due: '2025-04-30', duePrecision: 'month' });
    expect(items.find((i) => i.ref === '2.1')).toMatchObject({ due: null, duePrecision: null, latestUpdate: null });
  });
});

describe('compileHighlightReport: workstreams and totals', () => {
  const report = compileHighlightReport(register(), context());

  it('orders workstreams by their numbers and items by ref naturally', () => {
    expect(report.workstreams.map((w) => w.name)).toEqual([
      '1. Communication and co-production',
      '2. Partnership working',
      '3. Identifying need early',
    ]);
    expect(report.workstreams[0]!.items.map((i) => i.ref)).toEqual(['1.1', '1.2', '1.10']);
  });

  it('counts every action in the register, complete ones included, by status', () => {
    expect(report.totals).toEqual({ blue: 1, green: 2, amber: 1, red: 1, grey: 1 });
    expect(report.workstreams.map((w) => w.totals)).toEqual([
      { blue: 1, green: 1, amber: 1, red: 0, grey: 0 },
      { blue: 0, green: 1, amber: 0, red: 0, grey: 1 },
      { blue: 0, green: 0, amber: 0, red: 1, grey: 0 },
    ]);
  });

  it('leaves actions no longer in the register out of totals and items, but counts them', () => {
    const partners = report.workstreams[1]!;
    expect(partners.items.map((i) => i.ref)).toEqual(['2.1', '2.2']);
    expect(partners.notInRegister).toBe(1);
    expect(report.notInRegister).toBe(1);
    expect(report.overdue.map((i) => i.ref)).not.toContain('2.3');
  });

  it('leaves out a workstream whose actions have all left the register, still counting them', () => {
    const gone = action({ workstream: '9. Retired', workstreamRef: '9', ref: '9.1', inRegister: false });
    const r = compileHighlightReport([...register(), gone], context());
    expect(r.workstreams.map((w) => w.name)).not.toContain('9. Retired');
    expect(r.notInRegister).toBe(2);
  });

  it('names the workstream ref', () => {
    expect(report.workstreams.map((w) => w.ref)).toEqual(['1', '2', '3']);
  });
});

describe('compileHighlightReport: movement since the previous board', () => {
  const report = compileHighlightReport(register(), context());
  const direction = (ref: string) => report.workstreams.flatMap((w) => w.items).find((i) => i.ref === ref)!.direction;

  it('is up when the status improved since the status at the cut-off', () => {
    expect(direction('1.2')).toBe('up'); // amber then, green now
  });

  it('is down when it worsened', () => {
    expect(direction('3.10')).toBe('down'); // amber then, red now
  });

  it('is same when it has not changed', () => {
    expect(direction('1.10')).toBe('same');
    expect(direction('1.1')).toBe('same'); // complete before the cut-off and still complete
  });

  it('is new when the action had no update by the cut-off', () => {
    expect(direction('2.1')).toBe('new'); // never updated
    expect(direction('2.2')).toBe('new'); // first update came after the cut-off
  });

  it('is new for every action when there was no previous board', () => {
    const r = compileHighlightReport(register(), context({ previousCutoff: null }));
    expect(r.workstreams.flatMap((w) => w.items).every((i) => i.direction === 'new')).toBe(true);
    expect(r.movement).toEqual({ up: 0, down: 0, same: 0, new: 6 });
  });

  it('counts an update made exactly at the cut-off as the baseline', () => {
    const a = action({
      status: 'green',
      updates: [update({ at: '2025-02-10T12:00:00Z', status: 'red' })],
    });
    const r = compileHighlightReport([a], context());
    expect(r.workstreams[0]!.items[0]!.direction).toBe('up');
  });

  it('ranks grey between amber and green', () => {
    const fromGrey = (status: 'green' | 'amber') =>
      compileHighlightReport([action({ status, updates: [update({ at: BEFORE_CUTOFF, status: 'grey' })] })], context())
        .workstreams[0]!.items[0]!.direction;
    expect(fromGrey('green')).toBe('up');
    expect(fromGrey('amber')).toBe('down');
  });

  it('counts movement per workstream and across the programme', () => {
    expect(report.workstreams.map((w) => w.movement)).toEqual([
      { up: 1, down: 0, same: 2, new: 0 },
      { up: 0, down: 0, same: 0, new: 2 },
      { up: 0, down: 1, same: 0, new: 0 },
    ]);
    expect(report.movement).toEqual({ up: 1, down: 1, same: 2, new: 2 });
  });
});

describe('compileHighlightReport: overdue, exceptions and slippage', () => {
  const report = compileHighlightReport(register(), context());

  it('lists open actions past their due date, in workstream and ref order', () => {
    expect(report.overdue.map((i) => i.ref)).toEqual(['1.10']);
  });

  it('reports red, amber and overdue actions as exceptions with their reasons', () => {
    const exceptions = report.workstreams.flatMap((w) => w.exceptions);
    expect(exceptions.map((e) => [e.ref, e.reasons, e.daysOverdue])).toEqual([
      ['1.10', ['amber', 'overdue'], 14],
      ['3.10', ['red'], null],
    ]);
  });

  it('reports an overdue green action as an exception, and never a complete one', () => {
    const r = compileHighlightReport(
      [
        action({ ref: '1.1', status: 'green', due: day('2025-03-01') }),
        action({ ref: '1.2', status: 'blue', due: day('2025-03-01') }),
      ],
      context(),
    );
    expect(r.workstreams[0]!.exceptions.map((e) => [e.ref, e.reasons])).toEqual([['1.1', ['overdue']]]);
  });

  it('reports a re-dated open action as slippage with first and current dates', () => {
    expect(report.workstreams[0]!.slippage).toEqual([
      {
        ref: '1.10',
        title: 'Publish agreed response timescales',
        workstream: '1. Communication and co-production',
        leads: ['Priya Shah'],
        originalDue: '2024-11-30',
        originalDuePrecision: 'day',
        due: '2025-02-28',
        duePrecision: 'day',
        timesRedated: 2,
        daysMoved: 90,
      },
    ]);
  });

  it('reports a date withdrawn to TBC as slippage, and counts a re-dating it was not told about as one', () => {
    const r = compileHighlightReport([action({ due: null, originalDue: month('2025-01-31'), dueRevisions: 0 })], context());
    expect(r.workstreams[0]!.slippage[0]).toMatchObject({ due: null, duePrecision: null, timesRedated: 1, daysMoved: null });
  });

  it('does not report as slippage a month made precise as its last day, a first date, or a complete action', () => {
    const r = compileHighlightReport(
      [
        action({ ref: '1.1', due: day('2025-01-31'), originalDue: month('2025-01-31') }),
        action({ ref: '1.2', due: day('2025-05-01'), originalDue: null }),
        action({ ref: '1.3', status: 'blue', due: day('2025-05-01'), originalDue: day('2025-01-01') }),
      ],
      context(),
    );
    expect(r.workstreams[0]!.slippage).toEqual([]);
  });

  it('records a date brought forward as negative days moved', () => {
    const r = compileHighlightReport([action({ due: day('2025-03-01'), originalDue: day('2025-03-31'), dueRevisions: 1 })], context());
    expect(r.workstreams[0]!.slippage[0]!.daysMoved).toBe(-30);
  });
});

describe('compileHighlightReport: missing updates and readiness', () => {
  it('lists each lead of an open action with no update since the cycle began, with the refs', () => {
    const report = compileHighlightReport(register(), context());
    expect(report.missingUpdates).toEqual([
      { lead: 'Head of Service (SEND)', actions: ['2.1'] },
      { lead: 'Priya Shah', actions: ['1.10'] },
    ]);
  });

  it('does not chase complete actions or actions no longer in the register', () => {
    const report = compileHighlightReport(register(), context());
    const chased = report.missingUpdates.flatMap((m) => m.actions);
    expect(chased).not.toContain('1.1');
    expect(chased).not.toContain('2.3');
  });

  it('lists leads on leave apart, by name or person id, and not as missing', () => {
    const byName = compileHighlightReport(register(), context({ awayLeads: ['priya shah.'] }));
    expect(byName.missingUpdates.map((m) => m.lead)).toEqual(['Head of Service (SEND)']);
    expect(byName.onLeave).toEqual([{ lead: 'Priya Shah', actions: ['1.10'] }]);

    const a = action({ ref: '4.1', leads: ['Sam Lee', 'Kim Roe'], leadPersonIds: ['p-sam', 'p-kim'] });
    const byId = compileHighlightReport([a], context({ awayLeads: ['p-kim'] }));
    expect(byId.missingUpdates).toEqual([{ lead: 'Sam Lee', actions: ['4.1'] }]);
    expect(byId.onLeave).toEqual([{ lead: 'Kim Roe', actions: ['4.1'] }]);
  });

  it('treats one lead written two ways (case, trailing full stop) as one lead', () => {
    const r = compileHighlightReport(
      [
        action({ ref: '1.1', leads: ['Assistant Director Learning and Skills.'] }),
        action({ ref: '1.2', leads: ['assistant director learning and skills'] }),
      ],
      context(),
    );
    expect(r.missingUpdates).toEqual([{ lead: 'Assistant Director Learning and Skills', actions: ['1.1', '1.2'] }]);
  });

  it('shows an open action with no lead so the gap is visible', () => {
    const r = compileHighlightReport([action({ ref: '1.1', leads: [], leadPersonIds: [] })], context());
    expect(r.missingUpdates).toEqual([{ lead: 'No lead recorded', actions: ['1.1'] }]);
  });

  it('with no cycle started, counts only actions never updated as missing', () => {
    const r = compileHighlightReport(register(), context({ cycleStart: null }));
    expect(r.missingUpdates).toEqual([{ lead: 'Head of Service (SEND)', actions: ['2.1'] }]);
    expect(r.cycleStart).toBeNull();
  });

  it('sums up readiness: open actions asked about, how many updated, who is outstanding or away', () => {
    const report = compileHighlightReport(register(), context({ awayLeads: ['Head of Service (SEND)'] }));
    expect(report.readiness).toEqual({
      expected: 5,
      updated: 3,
      leads: 4,
      leadsUpdated: 2,
      outstandingLeads: ['Priya Shah'],
      onLeaveLeads: ['Head of Service (SEND)'],
    });
  });
});

describe('compileHighlightReport: due before the next board', () => {
  it('lists open actions due from the as-of day up to the next meeting, in workstream and ref order', () => {
    const report = compileHighlightReport(register(), context({ nextMeeting: '2025-04-15' }));
    expect(report.dueNext.map((i) => i.ref)).toEqual(['1.2', '2.2']);
    expect(report.dueNextUntil).toBe('2025-04-15');
  });

  it('counts a month as due on its last day', () => {
    const report = compileHighlightReport(register(), context({ nextMeeting: '2025-04-30' }));
    expect(report.dueNext.map((i) => i.ref)).toEqual(['1.2', '2.2', '3.10']);
  });

  it('without a next meeting looks 31 days ahead', () => {
    const report = compileHighlightReport(register(), context({ nextMeeting: null }));
    expect(report.dueNextUntil).toBe('2025-04-14');
    expect(report.dueNext.map((i) => i.ref)).toEqual(['1.2']);
    expect(report.nextMeeting).toBeNull();
  });

  it('includes an action due on the as-of day, and never a complete one', () => {
    const r = compileHighlightReport(
      [action({ ref: '1.1', due: day('2025-03-14') }), action({ ref: '1.2', due: day('2025-03-20'), status: 'blue' })],
      context(),
    );
    expect(r.dueNext.map((i) => i.ref)).toEqual(['1.1']);
  });
});

describe('compileHighlightReport: purity', () => {
  it('does not change the actions it is given', () => {
    const actions = register();
    const before = structuredClone(actions);
    compileHighlightReport(actions, context());
    expect(actions).toEqual(before);
  });

  it('compiles an empty register', () => {
    const r = compileHighlightReport([], context());
    expect(r.workstreams).toEqual([]);
    expect(r.totals).toEqual({ blue: 0, green: 0, amber: 0, red: 0, grey: 0 });
    expect(r.readiness).toEqual({ expected: 0, updated: 0, leads: 0, leadsUpdated: 0, outstandingLeads: [], onLeaveLeads: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CYCLE_SETTINGS } from '../../../src/domain/cycle/cycle-schedule.ts';
import { DEFAULT_DIGEST, DEFAULT_NUDGE, dueNow, type DueNowInput, type LeadState, type ProgrammeState } from '../../../src/domain/cycle/due-now.ts';

// The board meets on Tuesday 14 May 2024: asked Tue 7 May 09:30, chased Thu 9 May, cut-off Fri 10 May 12:00 (BST).
const MEETING = { id: 'm1', date: '2024-05-14', movedFrom: null };

function lead(personId: string, overrides: Partial<LeadState> = {}): LeadState {
  return { personId, openActionIds: [`${personId}-a1`, `${personId}-a2`], overdueActionIds: [], lastUpdateAt: {}, away: [], nudgesSinceUpdate: 0, ...overrides };
}

function programme(overrides: Partial<ProgrammeState> = {}): ProgrammeState {
  return {
    id: 'p1',
    timezone: 'Europe/London',
    boards: [{ id: 'b1', settings: { ...DEFAULT_CYCLE_SETTINGS }, autoPostReport: true, meetings: [MEETING] }],
    leads: [lead('alex'), lead('priya')],
    managerIds: ['nadia'],
    hasChannel: false,
    nudge: DEFAULT_NUDGE,
    digest: DEFAULT_DIGEST,
    ...overrides,
  };
}

const at = (iso: string, p = programme(), existing: string[] = [], messagedToday: string[] = []): DueNowInput => ({
  now: new Date(iso),
  programmes: [p],
  existingKeys: new Set(existing),
  messagedToday: new Set(messagedToday),
});

const keys = (input: DueNowInput) => dueNow(input).map((i) => i.key).sort();

describe('what is due now in a board cycle', () => {
  it('asks nobody before 09:30 on the fifth working day before the meeting', () => {
    expect(keys(at('2024-05-07T08:29:00Z'))).toEqual([]);
    expect(keys(at('2024-05-07T08:30:00Z'))).toEqual(['prompt:m1:alex', 'prompt:m1:priya']);
  });

  it('asks a day earlier when a bank holiday falls in the window', () => {
    // Meeting Tue 7 May 2024; Monday 6 May is the early May bank holiday, so the ask is Mon 29 Apr, not Tue 30 Apr.
    const p = programme({ boards: [{ id: 'b1', settings: { ...DEFAULT_CYCLE_SETTINGS }, autoPostReport: false, meetings: [{ id: 'm0', date: '2024-05-07', movedFrom: null }] }] });
    expect(keys(at('2024-04-29T08:29:00Z', p))).toEqual([]);
    expect(keys(at('2024-04-29T08:30:00Z', p))).toEqual(['prompt:m0:alex', 'prompt:m0:priya']);
  });

  it('asks each lead once per meeting: the key is per meeting and person', () => {
    const first = dueNow(at('2024-05-07T09:00:00Z'));
    expect(first.filter((i) => i.kind === 'prompt')).toHaveLength(2);
    expect(new Set(first.map((i) => i.key)).size).toBe(first.length);
  });

  it('chases two working days later only the leads who have not updated since they were asked', () => {
    const p = programme({
      leads: [lead('alex', { lastUpdateAt: { 'alex-a1': new Date('2024-05-08T10:00:00Z'), 'alex-a2': new Date('2024-05-08T10:05:00Z') } }), lead('priya', { lastUpdateAt: { 'priya-a1': new Date('2024-05-08T10:00:00Z') } })],
    });
    const intents = dueNow(at('2024-05-09T08:30:00Z', p, ['prompt:m1:alex', 'prompt:m1:priya']));
    const chases = intents.filter((i) => i.kind === 'chase');
    expect(chases.map((c) => c.key)).toEqual(['chase:m1:priya']);
    expect(chases[0]!.kind === 'chase' && chases[0]!.actionIds).toEqual(['priya-a2']);
  });

  it('never chases a lead whose prompt has not gone out', () => {
    expect(keys(at('2024-05-09T08:30:00Z')).filter((k) => k.startsWith('chase'))).toEqual([]);
  });

  it('at the cut-off stops asking, tells the programme manager who is silent, and posts the report', () => {
    const p = programme({ leads: [lead('alex', { lastUpdateAt: { 'alex-a1': new Date('2024-05-08T10:00:00Z'), 'alex-a2': new Date('2024-05-08T10:00:00Z') } }), lead('priya')] });
    const intents = dueNow(at('2024-05-10T11:00:00Z', p, ['prompt:m1:alex', 'prompt:m1:priya']));
    expect(intents.map((i) => i.key).sort()).toEqual(['escalate:m1:nadia', 'report:m1']);
    const escalation = intents.find((i) => i.kind === 'escalation');
    expect(escalation?.kind === 'escalation' && escalation.silent.map((s) => s.personId)).toEqual(['priya']);
  });

  it('asks a lead on leave through their delegate, and does not escalate their silence', () => {
    const p = programme({ leads: [lead('alex', { away: [{ from: '2024-05-01', to: '2024-05-20', delegateId: 'sam' }] })] });
    const prompt = dueNow(at('2024-05-07T09:00:00Z', p)).find((i) => i.kind === 'prompt');
    expect(prompt).toMatchObject({ key: 'prompt:m1:alex', recipientId: 'sam', forPersonId: 'alex' });
    expect(keys(at('2024-05-10T11:00:00Z', p, ['prompt:m1:alex']))).toEqual(['report:m1']);
  });

  it('sends a short notice, not a second prompt, when the meeting moves after the prompts went out', () => {
    const p = programme({ boards: [{ id: 'b1', settings: { ...DEFAULT_CYCLE_SETTINGS }, autoPostReport: false, meetings: [{ id: 'm1', date: '2024-05-15', movedFrom: '2024-05-14' }] }] });
    const intents = dueNow(at('2024-05-08T09:00:00Z', p, ['prompt:m1:alex', 'prompt:m1:priya']));
    expect(intents.filter((i) => i.kind === 'moved').map((i) => i.key).sort()).toEqual(['moved:m1:2024-05-15:alex', 'moved:m1:2024-05-15:priya']);
    expect(intents.filter((i) => i.kind === 'prompt').every((i) => ['prompt:m1:alex', 'prompt:m1:priya'].includes(i.key))).toBe(true);
  });
});

describe('overdue nudges', () => {
  const overdue = (personId: string, extra: Partial<LeadState> = {}) => lead(personId, { overdueActionIds: [`${personId}-a1`], ...extra });
  const quiet = programme({ boards: [], leads: [overdue('alex')] });

  it('nudges a lead with overdue actions once a week, from 10:00', () => {
    expect(keys(at('2024-05-20T08:59:00Z', quiet))).toEqual([]);
    const monday = keys(at('2024-05-20T09:00:00Z', quiet));
    const friday = keys(at('2024-05-24T12:00:00Z', quiet));
    expect(monday).toHaveLength(1);
    expect(friday).toEqual(monday);
    expect(keys(at('2024-05-27T12:00:00Z', quiet))).not.toEqual(monday);
  });

  it('sends at most one message a day: no nudge to someone already messaged or being prompted today', () => {
    expect(keys(at('2024-05-20T12:00:00Z', quiet, [], ['alex']))).toEqual([]);
    const cycling = programme({ leads: [overdue('alex')] });
    expect(keys(at('2024-05-07T09:30:00Z', cycling)).filter((k) => k.startsWith('nudge'))).toEqual([]);
  });

  it('tells the programme manager when nudges keep being ignored', () => {
    const ignored = programme({ boards: [], leads: [overdue('alex', { nudgesSinceUpdate: 3 })] });
    expect(dueNow(at('2024-05-20T12:00:00Z', ignored)).map((i) => i.kind).sort()).toEqual(['nudge', 'nudge-ignored']);
  });
});

describe('the weekly digest', () => {
  it('goes to a programme with a channel from Monday 09:00, and once that week even if the bot was down on Monday', () => {
    const p = programme({ boards: [], leads: [], hasChannel: true });
    expect(keys(at('2024-05-20T07:59:00Z', p))).toEqual([]);
    expect(keys(at('2024-05-20T08:00:00Z', p))).toEqual(['digest:p1:2024-05-20']);
    expect(keys(at('2024-05-22T15:00:00Z', p))).toEqual(['digest:p1:2024-05-20']);
  });
});

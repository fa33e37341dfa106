import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Block, Button, Message } from '../../../../src/chat/message.ts';
import { renderMarkdown } from '../../../../src/chat/render/markdown.ts';
import { renderText } from '../../../../src/chat/render/text.ts';
import type { CycleAction } from '../../../../src/chat/views/cycle/cycle-format.ts';
import { NO_CHANGE } from '../../../../src/chat/views/cycle/no-change-value.ts';
import { chaseMessage, promptMessage, type PromptView } from '../../../../src/chat/views/cycle/prompt.ts';
import { OPEN_UPDATE } from '../../../../src/chat/views/my-actions.ts';

const act = (ref: string, workstream: string, extra: Partial<CycleAction> = {}): CycleAction => ({
  id: `id-${ref.replace(/\./g, '-')}`,
  ref,
  title: `Action ${ref}`,
  workstream,
  status: 'green',
  statusWord: '',
  due: { date: '2024-06-30', precision: 'day' },
  lastUpdate: null,
  ...extra,
});

const seven: CycleAction[] = [
  act('1.1', '1. Communication', { status: 'amber', statusWord: 'On track some concerns', lastUpdate: { at: new Date('2024-02-01T10:00:00Z'), author: 'Alex Morgan' } }),
  act('1.2', '1. Communication', { due: { date: '2023-11-30', precision: 'month' } }),
  act('1.3', '1. Communication', { due: null }),
  act('3.1', '3. Identify need early'),
  act('3.2', '3. Identify need early'),
  act('5.1', '5. Preparing for adulthood', { status: 'red' }),
  act('5.2', '5. Preparing for adulthood', { status: 'grey' }),
];

const view: PromptView = {
  leadName: 'Priya Shah',
  coveringFor: null,
  board: 'SEND Partnership Board',
  boardId: 'board-1',
  meetingId: 'meeting-1',
  meeting: '2024-03-12',
  // Noon on Friday 8 March in London (GMT).
  cutoffAt: new Date('2024-03-08T12:00:00Z'),
  timezone: 'Europe/London',
  actions: seven,
};

const buttons = (m: Message): Button[] => m.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
const noChange = (m: Message) => buttons(m).find((b) => b.id === NO_CHANGE)!;
const headings = (m: Message, level: 1 | 2) => m.blocks.filter((b): b is Extract<Block, { type: 'header' }> => b.type === 'header' && (b.level ?? 1) === level).map((b) => b.text);

describe('promptMessage', () => {
  const message = promptMessage(view);

  it('greets the lead, names the board and its date, and says by when to reply', () => {
    expect(message.text).toBe('Hello Priya — the SEND Partnership Board meets on 12 Mar 2024. Please update your 7 open actions by 12:00 on Fri 8 Mar.');
    expect(headings(message, 1)).toEqual(['SEND Partnership Board — 12 Mar 2024']);
    expect(message.blocks).toContainEqual({ type: 'section', text: message.text });
  });

  it('says whose actions they are when the lead is covering for someone on leave', () => {
    const covering = promptMessage({ ...view, leadName: 'Sam Okafor', coveringFor: 'Alex Morgan' });
    expect(covering.text).toBe(
      'Hello Sam — the SEND Partnership Board meets on 12 Mar 2024. Please update 7 open actions on behalf of Alex Morgan, who is on leave, by 12:00 on Fri 8 Mar.',
    );
  });

  it('greets by first name past a title', () => {
    expect(promptMessage({ ...view, leadName: 'Dr Helen Carter' }).text).toMatch(/^Hello Helen — /);
  });

  it('says the cut-off in the programme’s own time, summer time included', () => {
    const june = promptMessage({ ...view, meeting: '2024-06-11', cutoffAt: new Date('2024-06-07T11:00:00Z') });
    expect(june.text).toContain('by 12:00 on Fri 7 Jun.');
  });

  it('adds the year to the cut-off only when it falls in the year before the meeting', () => {
    const january = promptMessage({ ...view, meeting: '2025-01-03', cutoffAt: new Date('2024-12-30T12:00:00Z') });
    expect(january.text).toContain('by 12:00 on Mon 30 Dec 2024.');
  });

  it('groups the actions under their workstreams, in the order given', () => {
    expect(headings(message, 2)).toEqual(['1. Communication', '3. Identify need early', '5. Preparing for adulthood']);
  });

  it('shows each action’s status badge, due date and last update', () => {
    const contexts = message.blocks.filter((b) => b.type === 'context').map((b) => (b as { text: unknown }).text);
    expect(contexts).toContainEqual([
      { kind: 'status', status: 'amber', label: 'On track some concerns' },
      { kind: 'text', text: ' · Due 30 Jun 2024' },
      { kind: 'text', text: ' · Last update 1 Feb 2024 by Alex Morgan' },
    ]);
    const text = renderText(message);
    expect(text).toContain('Due Nov 2023');
    expect(text).toContain('Due No date');
    expect(text).toContain('No update yet');
  });

  it('gives every action its own Update button carrying the action id', () => {
    const updates = buttons(message).filter((b) => b.id === OPEN_UPDATE);
    expect(updates.map((b) => b.label)).toEqual(seven.map((a) => `Update ${a.ref}`));
    expect(updates.map((b) => b.value)).toEqual(seven.map((a) => a.id));
  });

  it('ends with one no-change button carrying the meeting and the actions shown', () => {
    const last = message.blocks.findLastIndex((b) => b.type === 'actions');
    expect(message.blocks[last]).toEqual({ type: 'actions', buttons: [noChange(message)] });
    expect(noChange(message).label).toBe('No change on any of these');
    expect(JSON.parse(noChange(message).value)).toEqual({ m: 'meeting-1', b: 'board-1', d: '2024-03-12', a: seven.map((a) => a.id) });
    expect(buttons(message).filter((b) => b.id === NO_CHANGE)).toHaveLength(1);
  });

  it('keeps the no-change button value under Slack’s 2,000 characters for a lead with 80 actions', () => {
    const eighty = Array.from({ length: 80 }, (_, i) => act(`${Math.floor(i / 10) + 1}.${(i % 10) + 1}`, `${Math.floor(i / 10) + 1}. Workstream`, { id: randomUUID() }));
    const big = promptMessage({ ...view, boardId: randomUUID(), meetingId: randomUUID(), actions: eighty });
    const value = noChange(big).value;
    expect(value.length).toBeLessThanOrEqual(2000);
    // Too many ids to carry: the handler reloads the lead's open actions for the meeting.
    const parsed = JSON.parse(value) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('a');
    expect(parsed).toMatchObject({ d: '2024-03-12' });
    expect(buttons(big).filter((b) => b.id === OPEN_UPDATE)).toHaveLength(80);
  });

  it('carries the covered lead in a compact value, so the right actions are reloaded', () => {
    const eighty = Array.from({ length: 80 }, (_, i) => act(`9.${i + 1}`, '9. Workstream', { id: randomUUID() }));
    const big = promptMessage({ ...view, coveringFor: 'Alex Morgan', coveringForId: 'person-alex', actions: eighty });
    expect(JSON.parse(noChange(big).value)).toEqual({ m: 'meeting-1', b: 'board-1', d: '2024-03-12', f: 'person-alex' });
  });

  it('says "your open action" and offers a plain "No change" for a single action', () => {
    const one = promptMessage({ ...view, actions: [seven[0]!] });
    expect(one.text).toBe('Hello Priya — the SEND Partnership Board meets on 12 Mar 2024. Please update your open action by 12:00 on Fri 8 Mar.');
    expect(noChange(one).label).toBe('No change');
  });

  it('offers no buttons when there is nothing to update', () => {
    const none = promptMessage({ ...view, actions: [] });
    expect(none.text).toContain('You have no open actions to update');
    expect(buttons(none)).toEqual([]);
  });

  it('keeps register text as text, whatever it contains', () => {
    const hostile = promptMessage({ ...view, actions: [act('1.1', '1. <b>Comms</b>', { title: '<script>alert(1)</script> *bold*' })] });
    const md = renderMarkdown(hostile);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
  });
});

describe('chaseMessage', () => {
  const outstanding = [seven[1]!, seven[5]!];
  const message = chaseMessage({ ...view, actions: outstanding });

  it('is a gentle reminder naming the board, the date and the cut-off', () => {
    expect(message.text).toBe(
      'Hello Priya — a gentle reminder: the SEND Partnership Board meets on 12 Mar 2024 and 2 of your actions still need an update by 12:00 on Fri 8 Mar.',
    );
  });

  it('lists only the actions still without an update, with the same buttons', () => {
    expect(buttons(message).filter((b) => b.id === OPEN_UPDATE).map((b) => b.value)).toEqual(outstanding.map((a) => a.id));
    expect(JSON.parse(noChange(message).value).a).toEqual(outstanding.map((a) => a.id));
    expect(renderText(message)).not.toContain('Action 3.1');
  });

  it('names the one action left by its ref', () => {
    expect(chaseMessage({ ...view, actions: [seven[5]!] }).text).toContain('your action 5.1 still needs an update by 12:00 on Fri 8 Mar.');
  });

  it('says whose actions they are when covering', () => {
    expect(chaseMessage({ ...view, coveringFor: 'Alex Morgan', actions: outstanding }).text).toContain(
      '2 of Alex Morgan’s actions (you are covering while they are on leave) still need an update by 12:00 on Fri 8 Mar.',
    );
  });
});

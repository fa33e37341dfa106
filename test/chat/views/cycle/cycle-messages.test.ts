import { describe, expect, it } from 'vitest';
import type { Block, Message } from '../../../../src/chat/message.ts';
import { renderText } from '../../../../src/chat/render/text.ts';
import { promptAnsweredMessage } from '../../../../src/chat/views/cycle/answered.ts';
import type { OverdueAction } from '../../../../src/chat/views/cycle/cycle-format.ts';
import { digestMessage, type DigestView } from '../../../../src/chat/views/cycle/digest.ts';
import { escalationMessage } from '../../../../src/chat/views/cycle/escalation.ts';
import { movedMessage } from '../../../../src/chat/views/cycle/moved.ts';
import { nudgeIgnoredMessage, nudgeMessage } from '../../../../src/chat/views/cycle/nudge.ts';
import { chaseMessage, promptMessage } from '../../../../src/chat/views/cycle/prompt.ts';
import { OPEN_UPDATE } from '../../../../src/chat/views/my-actions.ts';

const board = 'SEND Partnership Board';
const meeting = '2024-03-12';
const cycle = { board, boardId: 'b', meetingId: 'm', meeting, cutoffAt: new Date('2024-03-08T12:00:00Z'), timezone: 'Europe/London', coveringFor: null, leadName: 'Priya Shah' };
const action = { id: 'a1', ref: '1.2', title: 'Refresh the protocol', workstream: '1. Communication', status: 'green' as const, statusWord: '', due: null, lastUpdate: null };
const buttons = (m: Message) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
const title = (m: Message) => (m.blocks.find((b): b is Extract<Block, { type: 'header' }> => b.type === 'header')?.text ?? '');

describe('every message of a cycle', () => {
  it('names the board and the meeting date in every cycle message', () => {
    const messages: Message[] = [
      promptMessage({ ...cycle, actions: [action] }),
      chaseMessage({ ...cycle, actions: [action] }),
      promptMessage({ ...cycle, actions: [] }),
      escalationMessage({ board, meeting, silent: [{ leadName: 'Priya Shah', refs: ['1.2'] }] }),
      escalationMessage({ board, meeting, silent: [] }),
      movedMessage({ board, from: '2024-03-05', to: meeting }),
      promptAnsweredMessage({ board, meeting, answeredBy: 'Priya Shah', at: new Date('2024-03-06T10:00:00Z'), timezone: 'Europe/London', recorded: [action], alreadyUpdated: [] }),
    ];
    for (const m of messages) {
      expect(m.text, m.text).toContain(board);
      expect(m.text, m.text).toContain('12 Mar 2024');
      expect(title(m)).toBe('SEND Partnership Board — 12 Mar 2024');
    }
  });
});

describe('escalationMessage', () => {
  const message = escalationMessage({
    board,
    meeting,
    silent: [
      { leadName: 'Priya Shah', refs: ['1.2', '1.3'] },
      { leadName: 'Jordan Ellis', refs: ['4.1'] },
    ],
  });

  it('tells the programme manager who has not replied at cut-off, and about how many actions', () => {
    expect(message.text).toBe('The cut-off for the SEND Partnership Board on 12 Mar 2024 has passed and 2 leads have not replied about 3 actions.');
    const text = renderText(message);
    expect(text).toContain('Priya Shah — 1.2, 1.3');
    expect(text).toContain('Jordan Ellis — 4.1');
  });

  it('names a single silent lead', () => {
    expect(escalationMessage({ board, meeting, silent: [{ leadName: 'Priya Shah', refs: ['1.2'] }] }).text).toContain('Priya Shah has not replied about 1 action.');
  });
});

describe('movedMessage', () => {
  const message = movedMessage({ board, from: '2024-03-12', to: '2024-03-19' });

  it('is a short notice of the new date, not a second request', () => {
    expect(message.text).toBe('The SEND Partnership Board on 12 Mar 2024 has moved to 19 Mar 2024.');
    expect(title(message)).toBe('SEND Partnership Board — 19 Mar 2024');
    expect(buttons(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(3);
  });

  it('gives the new cut-off when it is known', () => {
    const withCutoff = movedMessage({ board, from: '2024-03-12', to: '2024-03-19', cutoffAt: new Date('2024-03-15T12:00:00Z'), timezone: 'Europe/London' });
    expect(withCutoff.blocks).toContainEqual({ type: 'section', text: 'The SEND Partnership Board on 12 Mar 2024 has moved to 19 Mar 2024. The new cut-off for updates is 12:00 on Fri 15 Mar.' });
  });
});

const overdue: OverdueAction[] = [
  { id: 'a1', ref: '1.2', title: 'Refresh the protocol', status: 'red', statusWord: 'Off track', due: { date: '2024-01-31', precision: 'day' }, daysOverdue: 34 },
  { id: 'a2', ref: '3.4', title: 'Publish the Local Offer', status: 'amber', due: { date: '2023-11-30', precision: 'month' }, daysOverdue: 96 },
];

describe('nudgeMessage', () => {
  const message = nudgeMessage({ leadName: 'Priya Shah', actions: overdue });

  it('asks politely for an update on the overdue actions', () => {
    expect(message.text).toBe(
      'Hello Priya — 2 of your actions are past their due date. Could you give each a quick update, or a revised due date if one has to move?',
    );
  });

  it('shows how overdue each action is, with an Update button for each', () => {
    const text = renderText(message);
    expect(text).toContain('Due 31 Jan 2024 · 34 days overdue');
    expect(text).toContain('Due Nov 2023 · 96 days overdue');
    expect(buttons(message)).toEqual([
      { id: OPEN_UPDATE, label: 'Update 1.2', value: 'a1' },
      { id: OPEN_UPDATE, label: 'Update 3.4', value: 'a2' },
    ]);
  });

  it('names the one overdue action by its ref', () => {
    expect(nudgeMessage({ leadName: 'Priya Shah', actions: [overdue[0]!] }).text).toContain('your action 1.2 is past its due date');
  });
});

describe('nudgeIgnoredMessage', () => {
  it('tells the programme manager which lead has let reminders pass, and on what', () => {
    const message = nudgeIgnoredMessage({ leadName: 'Priya Shah', nudges: 3, actions: overdue });
    expect(message.text).toBe('Priya Shah has not responded to 3 weekly reminders about 2 overdue actions.');
    const table = message.blocks.find((b) => b.type === 'table') as Extract<Block, { type: 'table' }>;
    expect(table.rows.map((r) => r.slice(0, 4))).toEqual([
      ['1.2', 'Refresh the protocol', '31 Jan 2024', '34 days'],
      ['3.4', 'Publish the Local Offer', 'Nov 2023', '96 days'],
    ]);
    expect(buttons(message)).toEqual([]);
  });
});

describe('digestMessage', () => {
  const digest: DigestView = {
    programme: 'Hull SEND',
    weekStart: '2024-03-04',
    statusChanges: [{ ref: '1.2', title: 'Refresh the protocol', from: 'green', to: 'red' }],
    newlyOverdue: [{ ref: '3.4', title: 'Publish the Local Offer', leads: ['Priya Shah'], status: 'amber', due: { date: '2024-02-29', precision: 'month' }, daysOverdue: 4 }],
    dueSoon: [
      { ref: '4.1', title: 'Train SENCOs', leads: ['Jordan Ellis'], status: 'green', due: { date: '2024-03-15', precision: 'day' } },
      { ref: '4.2', title: 'Audit EHCPs', leads: [], status: 'grey', due: { date: '2024-03-18', precision: 'day' } },
    ],
    missingUpdates: [{ lead: 'Priya Shah', refs: ['1.2', '3.4'] }],
    nextMeeting: { board, date: meeting },
  };
  const message = digestMessage(digest);

  it('sums up the week in its fallback text, with the next board', () => {
    expect(message.text).toBe(
      'Weekly digest for Hull SEND, week beginning 4 Mar 2024: 1 status change, 1 newly overdue, 2 due in the next 14 days, 1 lead still to update. Next: the SEND Partnership Board on 12 Mar 2024.',
    );
  });

  it('has a section for each kind of news', () => {
    const headings = message.blocks.filter((b) => b.type === 'header' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['Status changes', 'Newly overdue', 'Due in the next 14 days', 'Still to update before the SEND Partnership Board']);
    const text = renderText(message);
    expect(text).toContain('1.2 Refresh the protocol: [GREEN] On track → [RED] Off track');
    expect(text).toContain('Priya Shah — 1.2, 3.4');
    expect(text).toContain('No lead recorded');
    expect(text).toContain('Feb 2024');
  });

  it('says so when the week was quiet', () => {
    const quiet = digestMessage({ ...digest, statusChanges: [], newlyOverdue: [], dueSoon: [], missingUpdates: [], nextMeeting: null });
    expect(quiet.text).toBe('Weekly digest for Hull SEND, week beginning 4 Mar 2024: a quiet week, with nothing to flag.');
    expect(renderText(quiet)).toContain('No board meeting scheduled');
  });
});

describe('promptAnsweredMessage', () => {
  const answered = promptAnsweredMessage({
    board,
    meeting,
    answeredBy: 'Priya Shah',
    at: new Date('2024-03-06T10:00:00Z'),
    timezone: 'Europe/London',
    recorded: [action, { ref: '1.3', title: 'Publish timescales' }],
    alreadyUpdated: [{ ref: '5.1', title: 'Transition plans' }],
  });

  it('shows the prompt as answered, with no buttons left to press', () => {
    expect(answered.text).toBe('Answered: no change on 2 actions for the SEND Partnership Board on 12 Mar 2024.');
    expect(buttons(answered)).toEqual([]);
    const text = renderText(answered);
    expect(text).toContain('By Priya Shah on 6 Mar 2024.');
    expect(text).toContain('1.3 Publish timescales');
    expect(text).toContain('5.1 Transition plans');
  });

  it('leaves the date out once the meeting has moved', () => {
    const moved = promptAnsweredMessage({ board, meeting: null, answeredBy: 'Priya Shah', at: new Date(), timezone: 'Europe/London', recorded: [action], alreadyUpdated: [] });
    expect(moved.text).toBe('Answered: no change on 1 action for the SEND Partnership Board.');
  });
});

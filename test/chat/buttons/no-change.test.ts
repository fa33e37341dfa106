import { describe, expect } from 'vitest';
import type { Database } from '../../../adapters/store/open-database.ts';
import { loadActor } from '../../../src/app/identity/load-actor.ts';
import { noChangeButton, parseNoChangeValue } from '../../../src/chat/buttons/no-change.ts';
import type { ChatContext } from '../../../src/chat/context.ts';
import type { Message } from '../../../src/chat/message.ts';
import type { Reply } from '../../../src/chat/replies.ts';
import { NO_CHANGE, noChangeValue } from '../../../src/chat/views/cycle/no-change-value.ts';
import { hullWithBoard } from '../../support/hull-with-board.ts';
import { describeEachDatabase, it } from '../../support/databases.ts';

describe('parseNoChangeValue', () => {
  const value = noChangeValue({ meetingId: 'm-1', boardId: 'b-1', meeting: '2024-03-12', actionIds: ['a-1', 'a-2'] });

  it('reads back what the prompt put on the button', () => {
    expect(parseNoChangeValue(value)).toEqual({ m: 'm-1', b: 'b-1', d: '2024-03-12', a: ['a-1', 'a-2'] });
    expect(parseNoChangeValue(JSON.stringify({ m: 'm-1', b: 'b-1', d: '2024-03-12', f: 'p-1' }))).toEqual({ m: 'm-1', b: 'b-1', d: '2024-03-12', f: 'p-1' });
  });

  it('reads a tampered or malformed value as expired', () => {
    for (const raw of [
      '',
      'not json',
      'null',
      '[]',
      '"m"',
      JSON.stringify({ m: 'm-1', b: 'b-1' }),
      JSON.stringify({ m: 'm-1', b: 'b-1', d: '2024-02-30' }),
      JSON.stringify({ m: 'm-1', b: null, d: '2024-03-12' }),
      JSON.stringify({ m: 'm-1', b: 'b-1', d: '2024-03-12', a: 'a-1' }),
      JSON.stringify({ m: 'm-1', b: 'b-1', d: '2024-03-12', a: [] }),
      JSON.stringify({ m: 'm-1', b: 'b-1', d: '2024-03-12', a: [1, 2] }),
      JSON.stringify({ m: 'm-1', b: 'b-1', d: '2024-03-12', a: ["'; DROP TABLE \"Action\"; --"] }),
      JSON.stringify({ m: 'm-1', b: 'b-1', d: '2024-03-12', f: { id: 'x' } }),
      JSON.stringify({ m: 'm-1', b: 'b-1', d: '2024-03-12', a: Array.from({ length: 501 }, (_, i) => `a${i}`) }),
    ]) {
      expect(parseNoChangeValue(raw), raw.slice(0, 80)).toBeNull();
    }
  });

  it('has the id the prompt’s button carries', () => {
    expect(noChangeButton.id).toBe(NO_CHANGE);
  });
});

const NOW = new Date('2024-03-06T10:00:00Z');

async function hull(db: Database) {
  const deps = await hullWithBoard(db, NOW);
  const priya = await db.prisma.person.findFirstOrThrow({ where: { email: 'priya.shah@hull.example' } });
  const ctx: ChatContext = {
    deps,
    platform: 'slack',
    caller: { platform: 'slack', userId: 'UPRIYA' },
    place: { channelId: 'DPRIYA', direct: true },
    person: { id: priya.id, name: priya.name, email: priya.email, jobTitle: null, aliases: [] },
    actor: await loadActor(deps, priya.id),
    directory: { emailOf: async () => null, userIdForEmail: async () => null },
  };
  const open = await db.prisma.action.findMany({ where: { leads: { some: { personId: priya.id } }, status: { not: 'blue' }, inRegister: true }, orderBy: { position: 'asc' } });
  const programme = await db.prisma.programme.findFirstOrThrow({ where: { name: 'Hull' } });
  const [board] = await deps.store.boards.list(programme.id);
  return { ctx, board: board!, open };
}

const privateText = (replies: Reply[]) => replies.filter((r): r is Extract<Reply, { kind: 'private' }> => r.kind === 'private').map((r) => r.message.text);
const replaced = (replies: Reply[]): Message | undefined => replies.find((r): r is Extract<Reply, { kind: 'replace' }> => r.kind === 'replace')?.message;
const hasButtons = (m: Message) => m.blocks.some((b) => b.type === 'actions');

describeEachDatabase('the no-change button', (db) => {
  it('records no change on the prompt’s actions, thanks the lead and shows the prompt as answered', async () => {
    const { ctx, board, open } = await hull(db());
    const value = noChangeValue({ meetingId: 'meeting-1', boardId: board.id, meeting: '2024-03-12', actionIds: open.map((a) => a.id) });
    const replies = await noChangeButton.run(ctx, value);
    expect(privateText(replies)).toEqual([`Thank you — recorded no change on ${open.length} actions for the SEND Partnership Board on 12 Mar 2024.`]);
    const answered = replaced(replies)!;
    expect(answered.text).toBe(`Answered: no change on ${open.length} actions for the SEND Partnership Board on 12 Mar 2024.`);
    expect(hasButtons(answered)).toBe(false);
    expect(await db().prisma.statusUpdate.count({ where: { authorId: ctx.person.id, note: 'No change since the last update' } })).toBe(open.length);
  });

  it('reloads the lead’s open actions when the button carried only the meeting', async () => {
    const { ctx, board, open } = await hull(db());
    const replies = await noChangeButton.run(ctx, JSON.stringify({ m: 'meeting-1', b: board.id, d: '2024-03-12' }));
    expect(privateText(replies)[0]).toContain(`recorded no change on ${open.length} actions`);
  });

  it('says nothing more was recorded when pressed a second time', async () => {
    const { ctx, board, open } = await hull(db());
    const value = noChangeValue({ meetingId: 'meeting-1', boardId: board.id, meeting: '2024-03-12', actionIds: open.map((a) => a.id) });
    await noChangeButton.run(ctx, value);
    const again = await noChangeButton.run(ctx, value);
    expect(privateText(again)[0]).toBe('Thank you — you had already updated these actions for the SEND Partnership Board on 12 Mar 2024, so nothing more was recorded.');
    expect(await db().prisma.statusUpdate.count({ where: { authorId: ctx.person.id } })).toBe(open.length);
  });

  it('reads a tampered value as expired and records nothing', async () => {
    const { ctx, board } = await hull(db());
    for (const raw of ['{"m":"x"', JSON.stringify({ m: 'meeting-1', b: 'no-such-board', d: '2024-03-12' }), JSON.stringify({ m: 'meeting-1', b: board.id, d: '2024-03-12', a: ['no-such-action'] })]) {
      const replies = await noChangeButton.run(ctx, raw);
      expect(replies).toHaveLength(1);
      expect(privateText(replies)[0]).toMatch(/^That button has expired/);
    }
    expect(await db().prisma.statusUpdate.count({ where: { authorId: ctx.person.id } })).toBe(0);
  });

  it('refuses someone else’s actions without showing the prompt as answered', async () => {
    const { ctx, board } = await hull(db());
    const theirs = await db().prisma.action.findFirstOrThrow({ where: { leads: { none: { personId: ctx.person.id } }, status: { not: 'blue' } } });
    const replies = await noChangeButton.run(ctx, noChangeValue({ meetingId: 'meeting-1', boardId: board.id, meeting: '2024-03-12', actionIds: [theirs.id] }));
    expect(replaced(replies)).toBeUndefined();
    expect(privateText(replies)).toEqual(['Nothing was recorded.']);
    expect(replies[0]!.kind === 'private' && replies[0]!.message.blocks[1]).toMatchObject({ type: 'context', text: expect.stringContaining(`Only the lead of action ${theirs.ref}`) });
  });

  it('names the board without the old date once the meeting has moved', async () => {
    const { ctx, board, open } = await hull(db());
    const replies = await noChangeButton.run(ctx, noChangeValue({ meetingId: 'meeting-1', boardId: board.id, meeting: '2024-03-05', actionIds: [open[0]!.id] }));
    expect(privateText(replies)).toEqual(['Thank you — recorded no change on 1 action for the SEND Partnership Board.']);
  });
});

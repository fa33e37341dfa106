import { beforeEach, expect } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import type { Inbound, Platform } from '../../src/chat/inbound.ts';
import type { Reply } from '../../src/chat/replies.ts';
import { boardPaperDocx } from '../../adapters/documents/board-paper-docx.ts';
import { appDeps } from '../support/app.ts';
import { describeEachDatabase, it } from '../support/databases.ts';
import { expectUnchanged, GOVERNANCE, idsOf, inbound, OTHER_CHANNEL, PEOPLE, seedProgrammes, snapshot, wordsOf, type Who } from './support.ts';

/**
 * Crafted requests through the chat core, as either adapter hands them over: button values and
 * form states are whatever the caller's client sends, so each is checked on the server. Every
 * attempt is refused with words that say why (or that the button has expired), and no row changes.
 */

const caller = (who: Who, platform: Platform = 'slack') => ({ platform, userId: platform === 'slack' ? PEOPLE[who].slack.id : PEOPLE[who].teams.aadObjectId });
const inChannel = (channelId = OTHER_CHANNEL) => ({ channelId, direct: false });

const button = (who: Who, id: string, value: string, platform: Platform = 'slack'): Inbound => ({ kind: 'button', caller: caller(who, platform), place: inChannel(), id, value });
const form = (who: Who, state: string, values: Record<string, string>, platform: Platform = 'slack'): Inbound => ({ kind: 'form', caller: caller(who, platform), place: { channelId: null, direct: true }, id: 'update', state, values });
const command = (who: Who, name: string, args = '', channelId = OTHER_CHANNEL): Inbound => ({ kind: 'command', caller: caller(who), place: inChannel(channelId), name, args });

/** Only private answers: nothing posted, no form opened, no file sent, no card replaced. */
function expectOnlyPrivate(replies: readonly Reply[]): void {
  expect(replies.length).toBeGreaterThan(0);
  expect(replies.map((r) => r.kind)).toEqual(replies.map(() => 'private'));
}

describeEachDatabase('threats: acting beyond one’s role', (db) => {
  let deps: AppDeps;
  beforeEach(async () => {
    deps = { ...appDeps(db()), documents: { boardPaper: boardPaperDocx } };
    await seedProgrammes(deps);
  });

  it('refuses a lead updating someone else’s action by a crafted form, button or no-change value, on Slack and Teams', async () => {
    const { board, actions } = await idsOf(deps, 'Hull', ['1.1']);
    const alexs = actions[0]!;
    const before = await snapshot(db());

    for (const platform of ['slack', 'teams'] as const) {
      const submitted = await inbound(deps, form('priya', alexs.id, { status: 'green', note: 'Done, honestly' }, platform));
      expectOnlyPrivate(submitted);
      expect(wordsOf(submitted)).toContain('Only the lead of action 1.1, someone covering for them, its workstream lead or a programme manager can update it.');

      const opened = await inbound(deps, button('priya', 'update.open', alexs.id, platform));
      expectOnlyPrivate(opened);
      expect(wordsOf(opened)).toContain('Only the lead of action 1.1');
    }

    const noChange = JSON.stringify({ m: 'meeting', b: board.id, d: '2024-03-12', a: [alexs.id] });
    const pressed = await inbound(deps, button('priya', 'update.no-change', noChange));
    expectOnlyPrivate(pressed);
    expect(wordsOf(pressed)).toContain('Nothing was recorded.');
    expect(wordsOf(pressed)).toContain('Only the lead of action 1.1');
    await expectUnchanged(db(), before);
  });

  it('refuses a lead sending, posting or downloading the board’s report', async () => {
    const { programme, board } = await idsOf(deps, 'Hull');
    const before = await snapshot(db());
    const refusal = 'Only the chair of SEND Partnership Board or a programme manager can send its report.';

    for (const args of ['', 'post', 'SEND Partnership Board post']) {
      const asked = await inbound(deps, command('alex', 'send-report', args, GOVERNANCE.slack));
      expectOnlyPrivate(asked);
      expect(wordsOf(asked)).toContain(refusal);
    }
    for (const c of [null, OTHER_CHANNEL]) {
      const value = JSON.stringify({ p: programme.id, b: board.id, c });
      for (const id of ['report.post', 'report.paper']) {
        const pressed = await inbound(deps, button('alex', id, value));
        expectOnlyPrivate(pressed);
        expect(wordsOf(pressed)).toContain(refusal);
      }
    }
    await expectUnchanged(db(), before);
  });

  it('shows nothing of a programme to someone who does not work on it, however the request is made', async () => {
    const hull = await idsOf(deps, 'Hull', ['1.1', '1.2']);
    const alex = (await deps.store.people.findByEmail(PEOPLE.alex.email))!;
    const before = await snapshot(db());
    const notHull = 'Only people working on Hull can see it.';

    const asked = await inbound(deps, command('kit', 'overdue', '', GOVERNANCE.slack));
    expectOnlyPrivate(asked);
    expect(wordsOf(asked)).toContain(notHull);


    // An action or a board of a programme one cannot see reads as not there: its refs stay private.
    const tries = [
      button('kit', 'update.open', hull.actions[0]!.id),
      form('kit', hull.actions[1]!.id, { status: 'green', note: 'Done' }),
      button('kit', 'update.no-change', JSON.stringify({ m: 'meeting', b: hull.board.id, d: '2024-03-12', f: alex.id })),
      button('kit', 'update.no-change', JSON.stringify({ m: 'meeting', b: hull.board.id, d: '2024-03-12', a: hull.actions.map((a) => a.id) })),
      button('kit', 'update.no-change', JSON.stringify({ m: 'meeting', b: hull.board.id, d: '2024-03-12' })),
      button('kit', 'programme.choose', JSON.stringify({ p: hull.programme.id, c: 'overdue', a: '' })),
      button('kit', 'overdue.share', JSON.stringify({ p: hull.programme.id, a: '' })),
      button('kit', 'report.post', JSON.stringify({ p: hull.programme.id, b: hull.board.id, c: null })),
      button('kit', 'report.paper', JSON.stringify({ p: hull.programme.id, b: hull.board.id, c: null })),
    ];
    for (const attempt of tries) {
      const replies = await inbound(deps, attempt);
      expectOnlyPrivate(replies);
      const words = wordsOf(replies);
      expect(words).toMatch(/no longer in Stocktake|has expired/);
      expect(words).not.toMatch(/1\.1|1\.2|SEND Partnership Board|Hull/);
    }
    await expectUnchanged(db(), before);
  });

  it('answers an unknown action, board or programme in a crafted value as expired, and records nothing', async () => {
    const { board } = await idsOf(deps, 'Hull');
    const before = await snapshot(db());
    const junk = ['', 'no-such-action', '{"a":1}', '[]', 'null', '{"p":{"$ne":null}}', `${'x'.repeat(50_000)}`, "' OR 1=1 --"];

    for (const value of junk) {
      expect(wordsOf(await inbound(deps, button('priya', 'update.open', value)))).toContain('That action is no longer in Stocktake.');
      expect(wordsOf(await inbound(deps, form('priya', value, { status: 'green' })))).toContain('That action is no longer in Stocktake.');
      for (const id of ['report.post', 'report.paper', 'overdue.share', 'programme.choose', 'update.no-change']) {
        const replies = await inbound(deps, button('helen', id, value));
        expectOnlyPrivate(replies);
        expect(wordsOf(replies)).toContain('expired');
      }
    }
    const unknownIds = JSON.stringify({ m: 'meeting', b: board.id, d: '2024-03-12', a: ['no-such-action'] });
    expect(wordsOf(await inbound(deps, button('priya', 'update.no-change', unknownIds)))).toContain('That button has expired.');
    const unknownBoard = JSON.stringify({ p: 'no-such-programme', b: 'no-such-board', c: null });
    expect(wordsOf(await inbound(deps, button('helen', 'report.post', unknownBoard)))).toContain('That button has expired');
    await expectUnchanged(db(), before);
  });
});

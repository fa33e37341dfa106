import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { eventually } from '../support/eventually.ts';
import { describeEachDatabase, it } from '../support/databases.ts';
import { SIGNING_SECRET, slackSignature, slashCommand, viewSubmission, type SignedRequest } from '../support/slack-requests.ts';
import { startBotUnderAttack, type BotUnderAttack } from './bot-under-attack.ts';
import { expectUnchanged, GOVERNANCE, idsOf, PEOPLE, seedProgrammes, snapshot } from './support.ts';

/**
 * Requests to /slack/events that Slack did not sign, through Bolt's real receiver: each would change
 * something if let in (Priya's update recorded; the chair's report posted and audited), and each is
 * answered 401 with nothing recorded, posted or answered.
 */

describeEachDatabase('threats: Slack requests that Slack did not sign', (db) => {
  let bot: BotUnderAttack;
  beforeAll(async () => {
    bot = await startBotUnderAttack(db());
  });
  afterAll(async () => {
    await bot?.stop();
  });
  beforeEach(async () => {
    await seedProgrammes(bot.deps);
  });

  const now = () => Math.floor(Date.now() / 1000);

  /** Posts a body with exactly these headers: nothing is signed unless the test signs it. */
  const post = (body: string, contentType: string, headers: Record<string, string>) =>
    fetch(`${bot.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

  const signed = (req: SignedRequest, timestamp = now(), secret = SIGNING_SECRET, body = req.body) =>
    post(body, req.contentType, { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(req.body, timestamp, secret) });

  async function priyasUpdate(note: string): Promise<SignedRequest> {
    const { actions } = await idsOf(bot.deps, 'Hull', ['1.2']);
    return viewSubmission({
      callbackId: 'update',
      privateMetadata: actions[0]!.id,
      userId: PEOPLE.priya.slack.id,
      values: {
        status: { status: { type: 'static_select', selected_option: { value: 'green' } } },
        note: { note: { type: 'plain_text_input', value: note } },
      },
    });
  }

  const chairPostsReport = (responseUrl: string) =>
    slashCommand({ command: '/send-report', text: 'post', userId: PEOPLE.helen.slack.id, channelId: GOVERNANCE.slack, responseUrl });

  it('answers 401 to forged, unsigned, replayed and tampered requests, and records, posts and answers nothing', async () => {
    const responseUrl = bot.slack.responseUrl({ channel: GOVERNANCE.slack, user: PEOPLE.helen.slack.id });
    const update = await priyasUpdate('Let in without a signature');
    const report = chairPostsReport(responseUrl);
    const before = await snapshot(db());
    const callsBefore = bot.slack.calls.length;

    for (const req of [update, report]) {
      const tamperedBody = req.body.replace(/Let(%20|\+)in/, 'Changed$1in').replace('text=post', 'text=SEND+Partnership+Board+post');
      expect(tamperedBody).not.toBe(req.body);
      const attempts: Record<string, () => Promise<Response>> = {
        'signed with another secret': () => signed(req, now(), 'not-the-signing-secret'),
        'no signature or timestamp': () => post(req.body, req.contentType, {}),
        'a timestamp but no signature': () => post(req.body, req.contentType, { 'x-slack-request-timestamp': String(now()) }),
        'a signature that is not one': () => post(req.body, req.contentType, { 'x-slack-request-timestamp': String(now()), 'x-slack-signature': 'v0=deadbeef' }),
        'replayed six minutes later, validly signed for its old timestamp': () => signed(req, now() - 6 * 60),
        'replayed an hour later': () => signed(req, now() - 3600),
        'the body changed after signing': () => signed(req, now(), SIGNING_SECRET, tamperedBody),
        'the timestamp changed after signing': () =>
          post(req.body, req.contentType, { 'x-slack-request-timestamp': String(now()), 'x-slack-signature': slackSignature(req.body, now() - 30) }),
      };
      for (const [what, send] of Object.entries(attempts)) {
        expect({ what, status: (await send()).status }).toEqual({ what, status: 401 });
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    await expectUnchanged(db(), before);
    expect(bot.slack.calls.length).toBe(callsBefore);
    expect(bot.slack.responses(responseUrl)).toHaveLength(0);
    expect(bot.slack.messagesIn(GOVERNANCE.slack)).toHaveLength(0);
  });

  it('lets the same requests in when Slack signed them, so the refusals above are the signature’s doing', async () => {
    expect((await signed(await priyasUpdate('Let in without a signature'))).status).toBe(200);
    const { rows } = await db().pool.query<{ note: string }>(`SELECT note FROM "StatusUpdate" WHERE source = 'slack'`);
    expect(rows.map((r) => r.note)).toEqual(['Let in without a signature']);

    const responseUrl = bot.slack.responseUrl({ channel: GOVERNANCE.slack, user: PEOPLE.helen.slack.id });
    expect((await signed(chairPostsReport(responseUrl))).status).toBe(200);
    await eventually(() => bot.slack.messagesIn(GOVERNANCE.slack).length > 0 || null);
  });
});

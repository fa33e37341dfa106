import { ErrorCode, LogLevel, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './index.ts';

const TOKEN = 'test-bot-test-1';
let fake: FakeSlack;
let clock: number;
let client: WebClient;

const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

function clientFor(token: string): WebClient {
  return new WebClient(token, { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logger: quiet });
}

beforeEach(async () => {
  clock = Date.parse('2025-03-10T09:30:00Z');
  fake = await startFakeSlack({
    token: TOKEN,
    now: () => clock,
    users: [
      { id: 'U0PRIYA', name: 'Priya Shah', email: 'priya.shah@hull.example' },
      { id: 'U0ALEX', name: 'Alex Morgan', email: 'Alex.Morgan@hull.example' },
    ],
  });
  client = clientFor(TOKEN);
});

afterEach(async () => {
  await fake.close();
});

async function rejection(p: Promise<unknown>): Promise<Error & { code?: string; data?: { error?: string } }> {
  try {
    await p;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the call to fail');
}

describe('fake Slack Web API', () => {
  it('listens on loopback and answers auth.test with the bot identity', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0FAKE' });
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ method: 'auth.test', ok: true, status: 200, token: TOKEN });
  });

  it('refuses a missing or wrong token with invalid_auth', async () => {
    const wrong = await rejection(clientFor('test-bot-wrong').chat.postMessage({ channel: 'C0GOV', text: 'hi' }));
    expect(wrong.code).toBe(ErrorCode.PlatformError);
    expect((wrong as unknown as WebAPIPlatformError).data.error).toBe('invalid_auth');

    const res = await fetch(`${fake.url}auth.test`, { method: 'POST' });
    expect(await res.json()).toEqual({ ok: false, error: 'invalid_auth' });
    expect(fake.messagesIn('C0GOV')).toEqual([]);
  });

  it('accepts JSON bodies with a bearer token, as well as form-encoded ones', async () => {
    const res = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C0GOV', text: 'from JSON', metadata: { event_type: 'stocktake_outbox', event_payload: { key: 'k1' } } }),
    });
    const body = (await res.json()) as { ok: boolean; ts: string };
    expect(body.ok).toBe(true);
    expect(fake.messagesIn('C0GOV')[0]).toMatchObject({ text: 'from JSON', ts: body.ts, metadata: { event_payload: { key: 'k1' } } });
  });

  it('posts messages and returns them newest first from conversations.history, with metadata only when asked', async () => {
    const first = await client.chat.postMessage({
      channel: 'C0GOV',
      text: 'Prompt for Priya',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Prompt *for* Priya' } }],
      metadata: { event_type: 'stocktake_outbox', event_payload: { key: 'prompt:m1:p1' } },
    });
    clock += 1500;
    const second = await client.chat.postMessage({ channel: 'C0GOV', text: 'No metadata' });
    expect(first.ts! < second.ts!).toBe(true);
    expect(first.channel).toBe('C0GOV');
    expect(first.message).toMatchObject({ text: 'Prompt for Priya', bot_id: 'B0BOT' });

    const plain = await client.conversations.history({ channel: 'C0GOV', limit: 10 });
    expect(plain.messages!.map((m) => m.text)).toEqual(['No metadata', 'Prompt for Priya']);
    expect(plain.messages![1]!.metadata).toBeUndefined();

    const withMeta = await client.conversations.history({ channel: 'C0GOV', limit: 10, include_all_metadata: true });
    expect(withMeta.messages![1]!.metadata).toEqual({ event_type: 'stocktake_outbox', event_payload: { key: 'prompt:m1:p1' } });
    expect(withMeta.messages![1]!.blocks).toHaveLength(1);

    const recent = await client.conversations.history({ channel: 'C0GOV', oldest: first.ts!, include_all_metadata: true });
    expect(recent.messages!.map((m) => m.ts)).toEqual([second.ts]);

    const call = fake.callsTo('chat.postMessage')[0]!;
    expect(call.args.metadata).toEqual({ event_type: 'stocktake_outbox', event_payload: { key: 'prompt:m1:p1' } });
    expect(call.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Prompt *for* Priya' } }]);
  });

  it('pages conversations.history with a cursor and keeps thread replies out of it', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0GOV', text: 'Report' });
    for (let i = 0; i < 5; i++) await client.chat.postMessage({ channel: 'C0GOV', text: `m${i}` });
    await client.chat.postMessage({ channel: 'C0GOV', text: 'attachment note', thread_ts: parent.ts! });

    const page1 = await client.conversations.history({ channel: 'C0GOV', limit: 4 });
    expect(page1.messages!.map((m) => m.text)).toEqual(['m4', 'm3', 'm2', 'm1']);
    expect(page1.has_more).toBe(true);
    const page2 = await client.conversations.history({ channel: 'C0GOV', limit: 4, cursor: page1.response_metadata!.next_cursor! });
    expect(page2.messages!.map((m) => m.text)).toEqual(['m0', 'Report']);
    expect(page2.has_more).toBe(false);
    expect(page2.messages![1]).toMatchObject({ reply_count: 1, thread_ts: parent.ts });

    const replies = await client.conversations.replies({ channel: 'C0GOV', ts: parent.ts! });
    expect(replies.messages!.map((m) => m.text)).toEqual(['Report', 'attachment note']);
    expect(fake.messagesIn('C0GOV')).toHaveLength(7);
  });

  it('opens a stable DM channel per user, and a message to it lands in that history', async () => {
    const open = await client.conversations.open({ users: 'U0PRIYA' });
    expect(open.channel!.id).toBe(fake.dmChannelFor('U0PRIYA'));
    expect(open.channel!.id).toMatch(/^D/);
    const again = await client.conversations.open({ users: 'U0PRIYA' });
    expect(again.channel!.id).toBe(open.channel!.id);
    expect(fake.dmChannelFor('U0ALEX')).not.toBe(open.channel!.id);

    await client.chat.postMessage({ channel: open.channel!.id!, text: 'Your actions' });
    await client.chat.postMessage({ channel: 'U0PRIYA', text: 'Posted to the user id' });
    expect(fake.messagesIn(fake.dmChannelFor('U0PRIYA')).map((m) => m.text)).toEqual(['Your actions', 'Posted to the user id']);
  });

  it('updates a message in place and records ephemeral messages apart from history', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0GOV', text: 'Sending report…' });
    const updated = await client.chat.update({ channel: 'C0GOV', ts: posted.ts!, text: 'Report sent' });
    expect(updated.ts).toBe(posted.ts);
    expect(fake.messagesIn('C0GOV')).toEqual([expect.objectContaining({ text: 'Report sent', edited: expect.anything() })]);

    const missing = await rejection(client.chat.update({ channel: 'C0GOV', ts: '1.000001', text: 'x' }));
    expect((missing as unknown as WebAPIPlatformError).data.error).toBe('message_not_found');

    const eph = await client.chat.postEphemeral({ channel: 'C0GOV', user: 'U0PRIYA', text: 'Only you can see this' });
    expect(eph.message_ts).toBeTruthy();
    expect(fake.ephemerals('C0GOV')).toEqual([expect.objectContaining({ user: 'U0PRIYA', text: 'Only you can see this' })]);
    expect(fake.messagesIn('C0GOV')).toHaveLength(1);
  });

  it('finds users by email (ignoring case) and by id, and answers users_not_found', async () => {
    const byEmail = await client.users.lookupByEmail({ email: 'alex.morgan@HULL.example' });
    expect(byEmail.user).toMatchObject({ id: 'U0ALEX', real_name: 'Alex Morgan', profile: { email: 'Alex.Morgan@hull.example' } });
    const info = await client.users.info({ user: 'U0PRIYA' });
    expect(info.user!.profile!.email).toBe('priya.shah@hull.example');

    const nobody = await rejection(client.users.lookupByEmail({ email: 'nobody@hull.example' }));
    expect((nobody as unknown as WebAPIPlatformError).data.error).toBe('users_not_found');

    fake.addUser({ id: 'U0SAM', name: 'Sam Okafor', email: 'sam.okafor@hull.example' });
    expect((await client.users.lookupByEmail({ email: 'sam.okafor@hull.example' })).user!.id).toBe('U0SAM');
  });

  it('rate-limits per channel with 429 and Retry-After, surfacing as a rate-limited error', async () => {
    fake.rateLimit({ perChannelPerSecond: 1, globalPerSecond: 20 });
    await client.chat.postMessage({ channel: 'C0GOV', text: 'one' });
    const error = await rejection(client.chat.postMessage({ channel: 'C0GOV', text: 'two' }));
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect((error as unknown as WebAPIRateLimitedError).retryAfter).toBe(1);
    // Another channel has its own allowance.
    await client.chat.postMessage({ channel: 'C0OTHER', text: 'elsewhere' });
    clock += 1000;
    await client.chat.postMessage({ channel: 'C0GOV', text: 'two, later' });
    expect(fake.messagesIn('C0GOV').map((m) => m.text)).toEqual(['one', 'two, later']);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([200, 429, 200, 200]);
  });

  it('rate-limits across all channels with the global rate', async () => {
    fake.rateLimit({ globalPerSecond: 3 });
    const results: string[] = [];
    for (let i = 0; i < 5; i++) {
      try {
        await client.chat.postMessage({ channel: `C0CH${i}`, text: 'x' });
        results.push('ok');
      } catch (error) {
        results.push((error as { code: string }).code);
      }
    }
    expect(results).toEqual(['ok', 'ok', 'ok', ErrorCode.RateLimitedError, ErrorCode.RateLimitedError]);
    fake.rateLimit(null);
    await client.chat.postMessage({ channel: 'C0CH9', text: 'free again' });
  });

  it('plays scripted faults in order: 429, 500, an error, a lost answer after the message was sent', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    fake.failNext('chat.postMessage', { status: 500 });
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    fake.failNext('chat.postMessage', { status: 503, applied: true });

    const limited = await rejection(client.chat.postMessage({ channel: 'C0GOV', text: 'a' }));
    expect((limited as unknown as WebAPIRateLimitedError).retryAfter).toBe(7);
    const serverError = await rejection(client.chat.postMessage({ channel: 'C0GOV', text: 'b' }));
    expect(serverError.code).toBe(ErrorCode.HTTPError);
    const refused = await rejection(client.chat.postMessage({ channel: 'C0GOV', text: 'c' }));
    expect((refused as unknown as WebAPIPlatformError).data.error).toBe('channel_not_found');
    const lost = await rejection(
      client.chat.postMessage({ channel: 'C0GOV', text: 'd', metadata: { event_type: 'stocktake_outbox', event_payload: { key: 'k-d' } } }),
    );
    expect(lost.code).toBe(ErrorCode.HTTPError);
    // The send that "failed" is in the channel: what reconciliation must find.
    const history = await client.conversations.history({ channel: 'C0GOV', include_all_metadata: true });
    expect(history.messages!.map((m) => m.metadata?.event_payload)).toEqual([{ key: 'k-d' }]);

    await client.chat.postMessage({ channel: 'C0GOV', text: 'e' });
    expect(fake.messagesIn('C0GOV').map((m) => m.text)).toEqual(['d', 'e']);
  });

  it('keeps a fault for one channel from being taken by a call to another', async () => {
    fake.failNext('chat.postMessage', { error: 'not_in_channel' }, { channel: 'C0GOV' });
    await client.chat.postMessage({ channel: 'C0OTHER', text: 'unaffected' });
    const refused = await rejection(client.chat.postMessage({ channel: 'C0GOV', text: 'refused' }));
    expect((refused as unknown as WebAPIPlatformError).data.error).toBe('not_in_channel');
    expect(fake.messagesIn('C0OTHER')).toHaveLength(1);
  });

  it('can hang up without answering', async () => {
    fake.failNext('chat.postMessage', { hangUp: true, applied: true });
    const error = await rejection(client.chat.postMessage({ channel: 'C0GOV', text: 'cut off' }));
    expect(error.code).toBe(ErrorCode.RequestError);
    expect(fake.messagesIn('C0GOV').map((m) => m.text)).toEqual(['cut off']);
  });

  it('refuses blocks that break Block Kit limits, as Slack does', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    const error = await rejection(client.chat.postMessage({ channel: 'C0GOV', text: 'too many', blocks }));
    expect((error as unknown as WebAPIPlatformError).data.error).toBe('invalid_blocks');
    const long = await rejection(
      client.chat.postMessage({ channel: 'C0GOV', text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] }),
    );
    expect((long as unknown as WebAPIPlatformError).data.error).toBe('invalid_blocks');
    const empty = await rejection(client.chat.postMessage({ channel: 'C0GOV', text: '' }));
    expect((empty as unknown as WebAPIPlatformError).data.error).toBe('no_text');
    expect(fake.messagesIn('C0GOV')).toEqual([]);
  });

  it('uploads a file through filesUploadV2 and shares it in a thread', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0GOV', text: 'Highlight report' });
    const content = 'Ref,Title\n1.1,Communicate timescales\n';
    const result = await client.filesUploadV2({
      channel_id: 'C0GOV',
      thread_ts: parent.ts!,
      filename: 'highlight-report.csv',
      title: 'Highlight report (CSV)',
      content,
      initial_comment: 'The report as a spreadsheet',
    });
    expect(result.ok).toBe(true);
    expect(fake.callsTo('files.getUploadURLExternal')[0]!.args).toMatchObject({ filename: 'highlight-report.csv', length: String(Buffer.byteLength(content)) });
    expect(fake.files).toHaveLength(1);
    const file = fake.files[0]!;
    expect(file).toMatchObject({ title: 'Highlight report (CSV)', filename: 'highlight-report.csv', channel_id: 'C0GOV', thread_ts: parent.ts, completed: true });
    expect(file.content!.toString('utf8')).toBe(content);
    const replies = await client.conversations.replies({ channel: 'C0GOV', ts: parent.ts! });
    expect(replies.messages![1]).toMatchObject({ text: 'The report as a spreadsheet', files: [{ id: file.id }] });

    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
    await client.filesUploadV2({ channel_id: 'C0GOV', filename: 'report.docx', file: binary });
    expect(fake.files[1]!.content).toEqual(binary);
  });

  it('opens, updates and publishes views', async () => {
    const view = {
      type: 'modal' as const,
      callback_id: 'update.submit',
      title: { type: 'plain_text' as const, text: 'Update 1.2' },
      submit: { type: 'plain_text' as const, text: 'Save' },
      blocks: [{ type: 'input', block_id: 'note', label: { type: 'plain_text' as const, text: 'Note' }, element: { type: 'plain_text_input', action_id: 'note' } }],
    };
    const opened = await client.views.open({ trigger_id: '123.456.abc', view });
    expect(opened.view).toMatchObject({ callback_id: 'update.submit', state: { values: {} } });
    const updated = await client.views.update({ view_id: opened.view!.id!, view: { ...view, title: { type: 'plain_text', text: 'Saved' } } });
    expect(updated.view!.title!.text).toBe('Saved');

    const tooLong = await rejection(client.views.open({ trigger_id: 't', view: { ...view, title: { type: 'plain_text', text: 'x'.repeat(25) } } }));
    expect((tooLong as unknown as WebAPIPlatformError).data.error).toBe('invalid_arguments');

    await client.views.publish({ user_id: 'U0PRIYA', view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your actions' } }] } });
    expect(fake.homeOf('U0PRIYA')).toMatchObject({ type: 'home' });
  });

  it('mints response URLs, records what is posted and allows five posts', async () => {
    const url = fake.responseUrl({ channel: 'C0GOV' });
    expect(url.startsWith(`${fake.origin}/response/`)).toBe(true);
    for (let i = 0; i < 5; i++) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `reply ${i}`, response_type: i === 0 ? 'in_channel' : 'ephemeral' }) });
      expect(res.status).toBe(200);
    }
    const sixth = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'too many' }) });
    expect(sixth.status).toBe(404);
    expect(fake.responses(url).map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 404]);
    expect(fake.responses(url)[0]!.body).toEqual({ text: 'reply 0', response_type: 'in_channel' });
    expect(fake.messagesIn('C0GOV').map((m) => m.text)).toEqual(['reply 0']);

    const old = fake.responseUrl();
    clock += 31 * 60 * 1000;
    expect((await fetch(old, { method: 'POST', body: JSON.stringify({ text: 'late' }) })).status).toBe(404);
  });

  it('waits for a call that has not happened yet', async () => {
    const waiting = fake.waitForCall('chat.postMessage', { count: 2, timeoutMs: 2000 });
    await client.chat.postMessage({ channel: 'C0GOV', text: 'one' });
    await client.chat.postMessage({ channel: 'C0GOV', text: 'two' });
    expect((await waiting).args.text).toBe('two');
    await expect(fake.waitForCall('views.open', { timeoutMs: 50 })).rejects.toThrow(/No call 1 to views.open/);
  });

  it('answers unknown_method for a method it does not know', async () => {
    const error = await rejection(client.apiCall('admin.teams.list'));
    expect((error as unknown as WebAPIPlatformError).data.error).toBe('unknown_method');
  });
});

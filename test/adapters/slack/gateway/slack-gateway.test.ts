import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatGateway, OutboxRow } from '../../../../src/app/ports/outbox.ts';
import type { Message } from '../../../../src/chat/message.ts';
import { createPacer } from '../../../../adapters/slack/gateway/pacer.ts';
import type { SlackIdentities } from '../../../../adapters/slack/gateway/identities.ts';
import { createSlackGateway, OUTBOX_EVENT_TYPE } from '../../../../adapters/slack/gateway/slack-gateway.ts';
import { UNCONFIRMED } from '../../../../src/app/ports/outbox.ts';
import { slackDirectory } from '../../../../adapters/slack/slack-directory.ts';
import { startFakeSlack, type FakeSlack, type FakeUser } from '../../../support/fake-slack/index.ts';

const TOKEN = 'test-bot-gateway-test';
const GOV = 'C0GOV';
const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

const USERS: FakeUser[] = [
  { id: 'U0PRIYA', name: 'Priya Shah', email: 'priya.shah@hull.example' },
  { id: 'U0ALEX', name: 'Alex Morgan', email: 'alex.morgan@hull.example' },
];

/** People as the store would hold them: Priya is linked, Alex is known by email only. */
function memoryIdentities(people: Record<string, { email: string | null; slackId: string | null }>) {
  const remembered: [string, string][] = [];
  const identities: SlackIdentities = {
    slackIdOf: async (id) => people[id]?.slackId ?? null,
    emailOf: async (id) => people[id]?.email ?? null,
    remember: async (id, slackId) => {
      remembered.push([id, slackId]);
      people[id]!.slackId = slackId;
    },
  };
  return { identities, remembered };
}

const text = (t: string): Message => ({ text: t, blocks: [{ type: 'section', text: t }] });

let serial = 0;
function row(over: Partial<OutboxRow> = {}): OutboxRow {
  serial++;
  return {
    id: `row-${serial}`,
    key: `prompt:meeting-1:${serial}`,
    kind: 'prompt',
    programmeId: 'prog-1',
    personId: 'p-priya',
    platform: 'slack',
    recipient: { personId: 'p-priya' },
    payload: { message: text('Please update your actions before the SEND Partnership Board.') },
    state: 'sending',
    attempts: 1,
    claimedAt: new Date(),
    createdAt: new Date(),
    platformMessageId: null,
    lastError: null,
    ...over,
  };
}

let fake: FakeSlack;
let client: WebClient;
let people: Record<string, { email: string | null; slackId: string | null }>;
let remembered: [string, string][];
let warnings: { details: object; message: string }[];
let gateway: ChatGateway;

function makeGateway(pacer = createPacer({ perSecond: 1000, perChannelPerSecond: 1000 })): ChatGateway {
  const { identities, remembered: r } = memoryIdentities(people);
  remembered = r;
  return createSlackGateway({
    client,
    identities,
    directory: slackDirectory(client),
    pacer,
    sleep: async () => {},
    log: { warn: (details, message) => warnings.push({ details, message }) },
  });
}

beforeEach(async () => {
  fake = await startFakeSlack({ token: TOKEN, users: USERS });
  client = new WebClient(TOKEN, { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logger: quiet });
  people = {
    'p-priya': { email: 'priya.shah@hull.example', slackId: 'U0PRIYA' },
    'p-alex': { email: 'Alex.Morgan@hull.example', slackId: null },
    'p-nobody': { email: 'nobody@hull.example', slackId: null },
    'p-no-email': { email: null, slackId: null },
  };
  warnings = [];
  // Functional tests pace generously; the pacing tests below use Slack's rates.
  gateway = makeGateway();
});

afterEach(async () => {
  await fake.close();
});

describe('send', () => {
  it('sends a DM to a person by their stored Slack id, carrying the outbox key in metadata', async () => {
    const r = row();
    const result = await gateway.send(r);
    const dm = fake.dmChannelFor('U0PRIYA');
    const [message, ...more] = fake.messagesIn(dm);
    expect(more).toEqual([]);
    expect(result).toEqual({ ok: true, messageId: message!.ts });
    expect(message!.text).toContain('SEND Partnership Board');
    expect(message!.metadata).toEqual({ event_type: OUTBOX_EVENT_TYPE, event_payload: { key: r.key } });
    expect(fake.callsTo('users.lookupByEmail')).toHaveLength(0);

    // The DM channel is remembered: a second send opens nothing.
    await gateway.send(row());
    expect(fake.callsTo('conversations.open')).toHaveLength(1);
    expect(fake.messagesIn(dm)).toHaveLength(2);
  });

  it('finds a person by email when no Slack id is stored, and links them', async () => {
    const result = await gateway.send(row({ personId: 'p-alex', recipient: { personId: 'p-alex' } }));
    expect(result.ok).toBe(true);
    expect(fake.callsTo('users.lookupByEmail')).toHaveLength(1);
    expect(remembered).toEqual([['p-alex', 'U0ALEX']]);
    expect(fake.messagesIn(fake.dmChannelFor('U0ALEX'))).toHaveLength(1);
  });

  it('posts a long message as one message and a thread; later parts carry no key', async () => {
    const long: Message = {
      text: 'Highlight report',
      blocks: Array.from({ length: 120 }, (_, i) => ({ type: 'section' as const, text: `Action ${i + 1}: progress noted.` })),
    };
    const r = row({ recipient: { channelId: GOV }, personId: null, payload: { message: long } });
    const result = await gateway.send(r);
    const all = fake.messagesIn(GOV);
    const [top, ...replies] = all;
    expect(result).toEqual({ ok: true, messageId: top!.ts });
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(top!.metadata?.event_payload).toEqual({ key: r.key });
    expect(top!.reply_count).toBe(replies.length);
    for (const reply of replies) {
      expect(reply.thread_ts).toBe(top!.ts);
      expect(reply.metadata).toBeUndefined();
    }
    // Only the first part is top-level, so history shows one message.
    const history = await client.conversations.history({ channel: GOV });
    expect(history.messages).toHaveLength(1);
  });

  it('posts thread messages and an attachment in the thread of a channel post', async () => {
    const r = row({
      recipient: { channelId: GOV },
      personId: null,
      payload: { message: text('SEND Partnership Board: highlight report'), thread: [text('Workstream 1 detail'), text('Workstream 2 detail')], attachment: { filename: 'report.md', title: 'Highlight report', content: '# Report\n' } },
    });
    const result = await gateway.send(r);
    expect(result.ok).toBe(true);
    const [top, ...replies] = fake.messagesIn(GOV);
    expect(replies.map((m) => m.text)).toEqual(['Workstream 1 detail', 'Workstream 2 detail', '']);
    expect(replies.every((m) => m.thread_ts === top!.ts)).toBe(true);
    expect(fake.files).toHaveLength(1);
    expect(fake.files[0]).toMatchObject({ filename: 'report.md', title: 'Highlight report', channel_id: GOV, thread_ts: top!.ts, completed: true });
    expect(fake.files[0]!.content!.toString('utf8')).toBe('# Report\n');
  });

  it('hands a 429 back with its Retry-After, and posts nothing', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const result = await gateway.send(row());
    expect(result).toMatchObject({ ok: false, retryAfterMs: 7000, permanent: false });
    expect(fake.messagesIn(fake.dmChannelFor('U0PRIYA'))).toHaveLength(0);
  });

  it('treats a 5xx or a lost connection as worth retrying, and says the message may exist', async () => {
    fake.failNext('chat.postMessage', { status: 503 });
    const five = await gateway.send(row());
    expect(five).toMatchObject({ ok: false, retryAfterMs: null, permanent: false });
    expect(five.ok === false && five.error.startsWith(UNCONFIRMED)).toBe(true);

    fake.failNext('chat.postMessage', { hangUp: true });
    const hangUp = await gateway.send(row());
    expect(hangUp).toMatchObject({ ok: false, retryAfterMs: null, permanent: false });
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'invalid_blocks', 'msg_too_long'])('gives up on %s', async (code) => {
    fake.failNext('chat.postMessage', { error: code });
    const result = await gateway.send(row({ recipient: { channelId: GOV }, personId: null }));
    expect(result).toEqual({ ok: false, retryAfterMs: null, permanent: true, error: code });
  });

  it('gives up on a person Slack does not know, or who has no email and no Slack id', async () => {
    const unknown = await gateway.send(row({ personId: 'p-nobody', recipient: { personId: 'p-nobody' } }));
    expect(unknown).toMatchObject({ ok: false, permanent: true });
    const noEmail = await gateway.send(row({ personId: 'p-no-email', recipient: { personId: 'p-no-email' } }));
    expect(noEmail).toMatchObject({ ok: false, permanent: true });
    fake.failNext('conversations.open', { error: 'user_not_found' });
    const gone = await gateway.send(row({ personId: 'p-alex', recipient: { personId: 'p-alex' } }));
    expect(gone).toMatchObject({ ok: false, permanent: true, error: 'user_not_found' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('gives up on a payload that is not a message', async () => {
    const result = await gateway.send(row({ payload: { text: 'no blocks' } }));
    expect(result).toMatchObject({ ok: false, permanent: true });
  });

  it('counts a message whose thread failed as sent, and never posts its first part again', async () => {
    const r = row({ recipient: { channelId: GOV }, personId: null, payload: { message: text('Report'), thread: [text('Detail one'), text('Detail two')] } });
    fake.failNext('chat.postMessage', { delayMs: 0 });
    fake.failNext('chat.postMessage', { status: 500 });
    const result = await gateway.send(r);
    const [top, ...rest] = fake.messagesIn(GOV);
    expect(result).toEqual({ ok: true, messageId: top!.ts });
    expect(rest).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.details).toMatchObject({ key: r.key, step: 'thread' });
  });

  it('looks in history before posting again after an unconfirmed attempt', async () => {
    const first = row();
    fake.failNext('chat.postMessage', { status: 500, applied: true });
    const lost = await gateway.send(first);
    expect(lost.ok).toBe(false);

    const retry = { ...first, attempts: 2, lastError: lost.ok ? null : lost.error, claimedAt: new Date() };
    const result = await gateway.send(retry);
    const messages = fake.messagesIn(fake.dmChannelFor('U0PRIYA'));
    expect(messages).toHaveLength(1);
    expect(result).toEqual({ ok: true, messageId: messages[0]!.ts });

    // After a 429 (which Slack never applies) it posts without looking.
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const limited = row();
    const refused = await gateway.send(limited);
    const historyCalls = fake.callsTo('conversations.history').length;
    await gateway.send({ ...limited, attempts: 2, lastError: refused.ok ? null : refused.error });
    expect(fake.callsTo('conversations.history')).toHaveLength(historyCalls);
    expect(fake.messagesIn(fake.dmChannelFor('U0PRIYA'))).toHaveLength(2);
  });
});

describe('reconcile', () => {
  it('finds a message whose answer was lost (HTTP 500 after it was stored)', async () => {
    const r = row();
    fake.failNext('chat.postMessage', { status: 500, applied: true });
    const result = await gateway.send(r);
    expect(result.ok).toBe(false);
    expect(fake.messagesIn(fake.dmChannelFor('U0PRIYA'))).toHaveLength(1);
    expect(await gateway.reconcile(r)).toBe('sent');
    expect(fake.callsTo('conversations.history')[0]!.args).toMatchObject({ include_all_metadata: 'true', limit: '200' });
  });

  it('finds a message whose connection hung up after it was stored, through a fresh gateway (a restart)', async () => {
    const r = row({ personId: 'p-alex', recipient: { personId: 'p-alex' } });
    fake.failNext('chat.postMessage', { hangUp: true, applied: true });
    await gateway.send(r);
    expect(await makeGateway().reconcile(r)).toBe('sent');
  });

  it('reports absent when the send never happened, and for another key in the same DM', async () => {
    await gateway.send(row());
    expect(await gateway.reconcile(row())).toBe('absent');
    fake.failNext('chat.postMessage', { status: 500 });
    const r = row();
    await gateway.send(r);
    expect(await gateway.reconcile(r)).toBe('absent');
  });

  it('pages through a busy channel', async () => {
    const r = row({ recipient: { channelId: GOV }, personId: null });
    await gateway.send(r);
    for (let i = 0; i < 250; i++) await client.chat.postMessage({ channel: GOV, text: `chatter ${i}` });
    expect(await gateway.reconcile(r)).toBe('sent');
    expect(fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(2);
  });

  it('reports unknown when history cannot be read', async () => {
    const r = row();
    await gateway.send(r);
    fake.failNext('conversations.history', { error: 'missing_scope' });
    expect(await gateway.reconcile(r)).toBe('unknown');
  });

  it('reports absent for a person with no Slack identity (nothing can have been posted)', async () => {
    expect(await gateway.reconcile(row({ personId: 'p-nobody', recipient: { personId: 'p-nobody' } }))).toBe('absent');
  });
});

describe('pacing against Slack-like rate limits', () => {
  it('sends 60 DMs to 60 people no faster than 20 a second, without one 429', async () => {
    const n = 60;
    for (let i = 0; i < n; i++) {
      const id = `U0LEAD${String(i).padStart(2, '0')}`;
      fake.addUser({ id, name: `Lead ${i}`, email: `lead${i}@hull.example` });
      people[`p-${i}`] = { email: `lead${i}@hull.example`, slackId: id };
    }
    fake.rateLimit({ perChannelPerSecond: 1, globalPerSecond: 20 });
    const paced = makeGateway(createPacer());
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: n }, (_, i) => paced.send(row({ personId: `p-${i}`, recipient: { personId: `p-${i}` } }))));
    const elapsed = performance.now() - started;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.calls.filter((c) => c.status === 429)).toEqual([]);
    // The floor the fake allows even with its burst of 20; no upper bound is asserted.
    expect(elapsed).toBeGreaterThanOrEqual(((n - 20) / 20) * 1000);
  });

  it('spaces the parts of one long message a second apart in its channel, without one 429', async () => {
    fake.rateLimit({ perChannelPerSecond: 1, globalPerSecond: 20 });
    const paced = makeGateway(createPacer());
    const payload = { message: text('Report'), thread: [text('Detail one'), text('Detail two')] };
    const started = performance.now();
    const result = await paced.send(row({ recipient: { channelId: GOV }, personId: null, payload }));
    expect(result.ok).toBe(true);
    expect(fake.messagesIn(GOV)).toHaveLength(3);
    expect(fake.calls.filter((c) => c.status === 429)).toEqual([]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2000);
  });
});

import { afterEach, beforeEach, expect } from 'vitest';
import { createLogger } from '../../../adapters/logging/logger.ts';
import type { Database } from '../../../adapters/store/open-database.ts';
import { createTeamsEndpoint } from '../../../adapters/teams/teams-adapter.ts';
import { UNCONFIRMED } from '../../../src/app/ports/outbox.ts';
import { dispatchOutbox } from '../../../src/app/outbox/dispatch-outbox.ts';
import type { AppDeps } from '../../../src/app/deps.ts';
import type { Message } from '../../../src/chat/message.ts';
import { appDeps } from '../../support/app.ts';
import { describeEachDatabase, it } from '../../support/databases.ts';
import { personalConversationId, startFakeTeamsConnector, type FakeTeamsConnector } from '../../support/fake-teams/index.ts';

const PRIYA = { id: '29:1priya-shah', name: 'Priya Shah', aadObjectId: 'aad-priya' };
const CONVERSATION = personalConversationId(PRIYA.id);
const ACTIVITIES = `/v3/conversations/${CONVERSATION}/activities`;
const START = new Date('2024-05-07T08:30:00Z');

const message = (text: string): Message => ({ text, blocks: [{ type: 'section', text }] });

describeEachDatabase('the Teams gateway under the outbox', (database: () => Database) => {
  let fake: FakeTeamsConnector;
  let now: Date;
  let deps: AppDeps;
  let personId: string;

  beforeEach(async () => {
    fake = await startFakeTeamsConnector();
    now = START;
    deps = { ...appDeps(database()), clock: { now: () => now } };
    await deps.store.people.upsertMany([{ name: PRIYA.name, email: 'priya.shah@hull.example', jobTitle: null, aliases: [], slackUserId: null, teamsUserId: PRIYA.aadObjectId }]);
    personId = (await deps.store.people.findByEmail('priya.shah@hull.example'))!.id;
    // What the adapter stores when Priya first talks to the bot.
    await deps.store.people.setTeamsConversation(personId, {
      serviceUrl: fake.serviceUrl,
      channelId: 'msteams',
      bot: fake.bot,
      user: PRIYA,
      conversation: { id: CONVERSATION, conversationType: 'personal', tenantId: fake.tenantId },
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  const enqueue = (key: string, payload: unknown) =>
    deps.store.outbox.enqueue([{ key, kind: 'prompt', programmeId: null, personId, platform: 'teams', recipient: { personId }, payload }], now);

  /** One dispatch at the current time: nothing waits for a retry that falls due later. */
  const dispatch = () => dispatchOutbox(deps, { teams: createTeamsEndpoint({}, deps, createLogger('silent')).gateway }, { waitHorizonMs: 0, sleep: async () => {} });

  const row = async (key: string) => {
    const { rows } = await database().pool.query<{ state: string; attempts: number; nextAttemptAt: Date; lastError: string | null; platformMessageId: string | null }>(
      `SELECT state, attempts, "nextAttemptAt", "lastError", "platformMessageId" FROM "Outbox" WHERE key = $1`,
      [key],
    );
    return rows[0]!;
  };
  // Faulted requests never reach the fake's routes, so they are matched by path.
  const posts = () => fake.requests.filter((r) => r.method === 'POST' && decodeURIComponent(r.path).includes(CONVERSATION));
  const delivered = (text: string) => fake.activitiesIn(CONVERSATION).filter((a) => JSON.stringify(a.activity).includes(text));

  it('sends a throttled message once per attempt, reschedules it after Retry-After, and delivers it once when Teams recovers', async () => {
    await enqueue('prompt:m1:priya', { message: message('Please update your actions before 14 May 2024.') });
    fake.failNext(ACTIVITIES, { status: 429, retryAfter: 30 });

    expect(await dispatch()).toMatchObject({ sent: 0, retried: 1 });
    expect(posts().map((r) => r.status)).toEqual([429]);
    const waiting = await row('prompt:m1:priya');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting.nextAttemptAt.getTime()).toBe(START.getTime() + 30_000);
    expect(waiting.lastError).toContain('429');

    // Not due yet: nothing is sent a second early.
    now = new Date(START.getTime() + 29_000);
    expect(await dispatch()).toMatchObject({ sent: 0, retried: 0 });
    expect(posts()).toHaveLength(1);

    now = new Date(START.getTime() + 30_000);
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(posts().map((r) => r.status)).toEqual([429, 201]);
    const [one, ...more] = delivered('14 May 2024');
    expect(more).toEqual([]);
    expect(await row('prompt:m1:priya')).toMatchObject({ state: 'sent', attempts: 2, platformMessageId: one!.id, lastError: null });
  });

  it('backs off after a 502 without botbuilder repeating it, then delivers once', async () => {
    await enqueue('prompt:m1:priya', { message: message('Your three actions are due an update.') });
    fake.failNext(ACTIVITIES, { status: 502 });

    expect(await dispatch()).toMatchObject({ retried: 1 });
    expect(posts().map((r) => r.status)).toEqual([502]);
    const waiting = await row('prompt:m1:priya');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting.lastError).toContain('502');
    // The outbox's backoff for a first failure: one to two seconds, with jitter.
    const delay = waiting.nextAttemptAt.getTime() - START.getTime();
    expect(delay).toBeGreaterThanOrEqual(1_000);
    expect(delay).toBeLessThanOrEqual(2_000);

    now = new Date(START.getTime() + 2_000);
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(posts().map((r) => r.status)).toEqual([502, 201]);
    expect(delivered('due an update')).toHaveLength(1);
    expect(await row('prompt:m1:priya')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('marks a message whose connection dropped after it was sent unknown, for the programme manager, and never sends it again', async () => {
    await enqueue('prompt:m1:priya', { message: message('Please update action 1.2.') });
    fake.failNext(ACTIVITIES, { hangUp: true, applied: true });

    expect(await dispatch()).toMatchObject({ sent: 0, failed: 0, reconciled: { unknown: 1 } });
    expect(posts()).toHaveLength(1);
    expect(delivered('action 1.2')).toHaveLength(1);
    const cut = await row('prompt:m1:priya');
    expect(cut.state).toBe('unknown');
    expect(cut.lastError!.startsWith(UNCONFIRMED)).toBe(true);
    expect(cut.lastError).toContain('chaser');

    now = new Date(START.getTime() + 60 * 60_000);
    await dispatch();
    expect(posts()).toHaveLength(1);
    expect((await row('prompt:m1:priya')).state).toBe('unknown');
  });

  it('gives up at once on what Teams refuses for good (a bot the user has blocked), after one request', async () => {
    await enqueue('prompt:m1:priya', { message: message('Hello') });
    fake.failNext(ACTIVITIES, { status: 403 });
    expect(await dispatch()).toMatchObject({ failed: 1 });
    expect(posts()).toHaveLength(1);
    expect(await row('prompt:m1:priya')).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('waits out a 429 on a later part instead of failing a message that has arrived', async () => {
    const thread = [message('Details: 1.1 is on track.'), message('Details: 1.2 needs a note.')];
    await enqueue('report:b1:m1', { message: message('Highlight report'), thread });
    // The first part goes through; the second is throttled.
    fake.failNext(ACTIVITIES, { delayMs: 0 });
    fake.failNext(ACTIVITIES, { status: 429, retryAfter: 0 });

    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(fake.activitiesIn(CONVERSATION).map((a) => JSON.stringify(a.activity).match(/Highlight report|1\.1 is on track|1\.2 needs a note/)?.[0])).toEqual([
      'Highlight report',
      '1.1 is on track',
      '1.2 needs a note',
    ]);
    expect(posts().map((r) => r.status)).toEqual([201, 429, 201, 201]);
  });

  it('posts a scheduled report to a channel before any activity has arrived, with its details in the post’s thread', async () => {
    const channel = '19:channel-governance@thread.tacv2';
    const thread = [message('Details: 1.1 is on track.'), message('Details: 1.2 needs a note.')];
    await deps.store.outbox.enqueue([{ key: 'report:b1:m1', kind: 'report', programmeId: null, personId: null, platform: 'teams', recipient: { channelId: channel }, payload: { message: message('Highlight report'), thread } }], now);
    // A fresh process: only the configured service URL says where Teams is.
    const gateway = createTeamsEndpoint({ serviceUrl: fake.serviceUrl }, deps, createLogger('silent')).gateway;

    expect(await dispatchOutbox(deps, { teams: gateway }, { waitHorizonMs: 0, sleep: async () => {} })).toMatchObject({ sent: 1 });
    const [post, ...others] = fake.activitiesIn(channel);
    expect(others).toEqual([]);
    expect(JSON.stringify(post!.activity)).toContain('Highlight report');
    const replies = fake.activitiesIn(`${channel};messageid=${post!.id}`).map((a) => JSON.stringify(a.activity));
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('1.1 is on track');
    expect(replies[1]).toContain('1.2 needs a note');
    expect(await row('report:b1:m1')).toMatchObject({ state: 'sent', platformMessageId: post!.id });
  });
});

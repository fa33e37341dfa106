import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, expect } from 'vitest';
import { tick } from '../../src/app/cycle/tick.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import type { Gateways } from '../../src/app/outbox/dispatch-outbox.ts';
import { createComposer } from '../../src/chat/cycle/compose-intent.ts';
import { createPacer } from '../../adapters/slack/gateway/pacer.ts';
import { slackIdentitiesFrom } from '../../adapters/slack/gateway/identities.ts';
import { createSlackGateway } from '../../adapters/slack/gateway/slack-gateway.ts';
import { slackDirectory } from '../../adapters/slack/slack-directory.ts';
import { createStore } from '../../adapters/store/prisma/create-store.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import { describeEachDatabase, it } from '../support/databases.ts';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../support/fake-slack/index.ts';
import { hullSlackUsers, LEADS_PROMPTED, seedHullBoardCycle } from '../support/hull-board-cycle.ts';
import { describePrompts, expectOnePromptPerLead, outboxStates, PROMPTS_DUE, TOKEN } from './hull-cycle.ts';
import { virtualClock, type VirtualClock } from './virtual-clock.ts';

/**
 * DESIGN decision 3: dispatch honours 429 Retry-After and backs off on 5xx. Here Slack answers every
 * call with 500s, 502s (some after storing the message), 503s and 429s for a whole minute, starting
 * as the prompts fall due. Time is simulated (the tick, the outbox, the gateway's pacer and the fake
 * Slack share one clock that jumps over sleeps), so the minute and the ticks after it run in seconds.
 */

const OUTAGE_MS = 60_000;
// The scheduler's cadence: a row whose backoff outlasts one tick's wait is sent by a later one.
const TICK_EVERY_MS = 5 * 60_000;
const TICKS_AFTER = 6;

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function slackGateway(deps: AppDeps, clock: VirtualClock, url: string): Gateways {
  const client = new WebClient(TOKEN, { slackApiUrl: url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
  return {
    slack: createSlackGateway({
      client,
      identities: slackIdentitiesFrom(deps.store.people),
      directory: slackDirectory(client),
      now: clock.now,
      sleep: clock.sleep,
      pacer: createPacer({ now: clock.now, sleep: clock.sleep }),
    }),
  };
}

/** A 429 that a later call to the same method and channel came back sooner than it said to. */
function retryAfterIgnored(calls: readonly RecordedCall[]): string[] {
  const channelOf = (c: RecordedCall) => String(c.args.channel ?? c.args.users ?? c.args.email ?? '');
  return calls.flatMap((c, i) => {
    if (c.status !== 429 || c.retryAfter === undefined) return [];
    const next = calls.slice(i + 1).find((n) => n.method === c.method && channelOf(n) === channelOf(c));
    const allowed = c.at.getTime() + c.retryAfter * 1000;
    return next && next.at.getTime() < allowed ? [`${c.method} ${channelOf(c)}: told to wait ${c.retryAfter} s at +${c.at.getTime() - PROMPTS_DUE.getTime()} ms, came back ${allowed - next.at.getTime()} ms early`] : [];
  });
}

async function problemRows(db: Database): Promise<{ key: string; state: string; lastError: string | null }[]> {
  return db.prisma.outbox.findMany({ where: { state: { in: ['failed', 'unknown'] } }, select: { key: true, state: true, lastError: true } });
}

describeEachDatabase('a fan-out while Slack answers 500s and 429s for a minute', (db) => {
  it('keeps retrying without giving up, honours Retry-After, stays within the rate limits, and delivers every prompt exactly once after Slack recovers', async () => {
    await seedHullBoardCycle(db());
    const clock = virtualClock(PROMPTS_DUE);
    fake = await startFakeSlack({ token: TOKEN, users: hullSlackUsers(), now: clock.now });
    fake.rateLimit({ perChannelPerSecond: 1, globalPerSecond: 20 });
    const outageEnds = PROMPTS_DUE.getTime() + OUTAGE_MS;
    // Posting and reading history fail; opening a DM and finding a user by email (which the gateway
    // does once per person and remembers) still answer, so sends get as far as Slack and some land
    // while their answer is lost: their retries must look in a history that is failing too.
    fake.outage({
      until: outageEnds,
      faults: [{ status: 500 }, { status: 429, retryAfter: 7 }, { status: 502, applied: true }, { status: 503 }, { status: 429, retryAfter: 3 }, { hangUp: true, applied: true }],
      methods: ['chat.postMessage', 'conversations.history', 'conversations.replies'],
    });

    const deps: AppDeps = { store: createStore(db()), clock: { now: clock.date }, defaultTimezone: 'Europe/London' };
    const gateways = slackGateway(deps, clock, fake.url);
    const runTick = () => tick(deps, createComposer(deps), gateways, { sleep: clock.sleep });

    const first = await runTick();
    expect(first.queued).toBe(LEADS_PROMPTED);
    expect(await problemRows(db()), 'given up on during the first tick').toEqual([]);
    for (let i = 0; i < TICKS_AFTER; i++) {
      await clock.sleep(TICK_EVERY_MS);
      const later = await runTick();
      expect(later.dispatched.failed).toBe(0);
      expect(await problemRows(db()), `given up on by tick ${i + 2}`).toEqual([]);
    }

    // The outage really bit, and the outbox kept at it through the whole minute.
    const faulted = fake.calls.filter((c) => c.at.getTime() < outageEnds && !c.ok);
    expect(faulted.length).toBeGreaterThan(LEADS_PROMPTED);
    expect(Math.max(...faulted.map((c) => c.at.getTime())) - PROMPTS_DUE.getTime(), 'no call in the outage\'s last quarter').toBeGreaterThan(OUTAGE_MS * 0.75);

    expect(retryAfterIgnored(fake.calls)).toEqual([]);
    // Once Slack is back, not one call is turned away by its rate limits: the pacer kept inside them.
    expect(fake.calls.filter((c) => c.at.getTime() >= outageEnds && c.status === 429).map((c) => `${c.method} ${String(c.args.channel)}`)).toEqual([]);

    const { leads, duplicates } = expectOnePromptPerLead(fake);
    expect(duplicates, describePrompts(fake).join('\n')).toEqual([]);
    expect(leads).toBe(LEADS_PROMPTED);
    const states = await outboxStates(db(), 'prompt:');
    expect(states.size).toBe(LEADS_PROMPTED);
    expect([...states].filter(([, state]) => state !== 'sent')).toEqual([]);
  });
});

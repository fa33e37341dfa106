import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderBlockKit } from '../../adapters/slack/render/index.ts';
import type { Message } from '../../src/chat/message.ts';
import { cycleSchedule } from '../../src/domain/cycle/cycle-schedule.ts';
import type { FakeSlack } from '../support/fake-slack/index.ts';
import { killHard, runTick, startTick, type TickOutcome } from '../support/tick-process.ts';
import {
  AFTER_LEASE,
  describePrompts,
  expectOnePromptPerLead,
  outboxStates,
  PROMPTS_DUE,
  promptsPerLead,
  readDatabase,
  seededDataDir,
  startHullSlack,
  tickSummary,
  TOKEN,
} from './hull-cycle.ts';
import { LEADS_PROMPTED } from '../support/hull-board-cycle.ts';
import { random as seededRandom } from '../../scripts/bench/synthetic.ts';
import { startSlackProxy, type SlackProxy } from './slack-proxy.ts';

/**
 * DESIGN decision 3 and "Exactly once means": per key, one message, across restarts, and on Slack
 * also across a kill during a send. Each test runs the real `tick` command as a child process on an
 * embedded data directory, kills it with SIGKILL part-way through its dispatch, runs `tick` again
 * once the 120 s lease has passed by the tick's own clock, and counts what Slack holds.
 */

// A tick process takes 5–15 s on a busy two-core machine, most of it loading the command line.
const ONE_TICK = 45_000;
const TWO_TICKS = 2 * ONE_TICK;

const minutesAfter = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);

interface World {
  dataDir: string;
  fake: FakeSlack;
  proxy: SlackProxy;
  /** Starts `tick --now` against this world's data directory, through the proxy. */
  start(now: Date): { child: ChildProcess; done: Promise<TickOutcome> };
  /** Runs `tick --now` to the end (exit 0 or the test fails with its output). */
  run(now: Date, timeoutMs?: number): Promise<TickOutcome>;
}

let seeded: { dir: string; dispose(): Promise<void> };
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  seeded = await seededDataDir();
});
afterAll(async () => {
  await seeded?.dispose();
});
afterEach(async () => {
  for (const child of children) await killHard(child);
  children.clear();
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** A copy of a seeded Hull data directory (by default the one meeting's), its own fake Slack, and a proxy posting `gapMs` apart. */
async function world(gapMs: number, from = seeded.dir): Promise<World> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-restart-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  await cp(from, dataDir, { recursive: true });
  const fake = await startHullSlack();
  cleanups.push(() => fake.close());
  const proxy = await startSlackProxy({ target: fake.url, gapMs });
  cleanups.push(() => proxy.close());
  const options = (now: Date) => ({ now, slackApiUrl: proxy.url, slackToken: TOKEN, dataDir });
  return {
    dataDir,
    fake,
    proxy,
    start(now) {
      const started = startTick(options(now));
      children.add(started.child);
      void started.done.then(() => children.delete(started.child));
      return started;
    },
    run: (now, timeoutMs = ONE_TICK) => runTick({ ...options(now), timeoutMs }),
  };
}

/** Kills the tick at once and checks it really died by the signal (not by finishing first). */
async function kill(started: { child: ChildProcess; done: Promise<TickOutcome> }): Promise<void> {
  const outcome = await killHard(started.child, started.done);
  expect(outcome.signal, `the tick finished before it could be killed: ${outcome.stdout}${outcome.stderr}`).toBe('SIGKILL');
}

const keyedPosts = (w: World, key: string) => w.proxy.posts.filter((p) => p.key === key);

async function expectEveryLeadPromptedOnce(w: World): Promise<void> {
  const { leads, duplicates } = expectOnePromptPerLead(w.fake);
  expect(duplicates, describePrompts(w.fake).join('\n')).toEqual([]);
  expect(leads).toBe(LEADS_PROMPTED);
  // Every prompt row is `sent`, and no row of any kind was given up on or left in doubt.
  const { prompts, problems } = await readDatabase({ dataDir: w.dataDir }, async (db) => ({
    prompts: await outboxStates(db, 'prompt:'),
    problems: await db.prisma.outbox.findMany({ where: { state: { in: ['failed', 'unknown'] } }, select: { key: true, state: true, lastError: true } }),
  }));
  expect(prompts.size).toBe(LEADS_PROMPTED);
  expect([...prompts].filter(([, state]) => state !== 'sent')).toEqual([]);
  expect(problems).toEqual([]);
}

describe('a tick killed part-way through its dispatch, then run again (embedded PGlite)', () => {
  it('sends every lead exactly one prompt when the process dies between two sends', async () => {
    const w = await world(800);
    const first = w.start(PROMPTS_DUE);
    // Slack has answered the fourth prompt; the next post waits its turn at the proxy.
    await w.proxy.answeredKeyed(4);
    await sleep(150);
    await kill(first);
    expect(expectOnePromptPerLead(w.fake).leads, 'Slack held more than four prompts at the kill: it was not between sends').toBe(4);

    w.proxy.gapMs = 0;
    const again = tickSummary((await w.run(AFTER_LEASE)).stdout);
    // The rows the dead process had claimed but never posted are found absent and sent now.
    expect(again.cutShort.queuedAgain).toBeGreaterThan(0);
    expect(again.cutShort.unknown).toBe(0);
    expect(again.failed).toBe(0);
    await expectEveryLeadPromptedOnce(w);
  }, TWO_TICKS);

  it('finds a prompt that reached Slack just before the process died in the DM history, and does not send it again', async () => {
    const w = await world(300);
    // The third prompt reaches Slack and is stored, but the answer never gets back: the process is killed waiting for it.
    const held = w.proxy.holdNext((p, all) => p.key !== undefined && all.filter((x) => x.key !== undefined).length === 3);
    const first = w.start(PROMPTS_DUE);
    const post = await held;
    await kill(first);
    expect(post.key).toMatch(/^prompt:/);
    expect(post.ts, 'Slack did not store the held prompt').toBeDefined();

    w.proxy.gapMs = 0;
    const again = tickSummary((await w.run(AFTER_LEASE)).stdout);
    expect(again.cutShort.arrived).toBeGreaterThanOrEqual(1);
    expect(again.cutShort.unknown).toBe(0);
    expect(keyedPosts(w, post.key!), 'the prompt that had arrived was posted again').toHaveLength(1);
    await expectEveryLeadPromptedOnce(w);
  }, TWO_TICKS);

  it('does not send a prompt twice when Slack stored it but the connection dropped before the answer, and the process then died', async () => {
    const w = await world(0);
    const sam = w.fake.dmChannelFor('U0SAM');
    w.fake.failNext('chat.postMessage', { hangUp: true, applied: true }, { channel: sam });
    const first = w.start(PROMPTS_DUE);
    // Killed as soon as Slack has hung up: the process may or may not have written down that the send is in doubt.
    for (const deadline = Date.now() + ONE_TICK; !w.fake.calls.some((c) => c.error === 'hang_up'); await sleep(10)) {
      if (Date.now() > deadline) throw new Error('Slack never received the post to Sam');
    }
    await kill(first);
    const samsKey = w.fake.messagesIn(sam).find((m) => m.metadata)?.metadata?.event_payload.key as string | undefined;
    expect(samsKey, 'the post that hung up was not stored').toMatch(/^prompt:/);

    await w.run(AFTER_LEASE);
    expect(w.fake.messagesIn(sam).filter((m) => m.metadata?.event_payload.key === samsKey), 'the prompt whose answer was lost was posted again').toHaveLength(1);
    await expectEveryLeadPromptedOnce(w);
  }, TWO_TICKS);

  it('completes a long prompt whose later parts were cut short by the kill, without repeating its first part', async () => {
    const w = await world(300);
    // A lead with many actions gets the prompt in parts: the first carries the key, the rest follow in its thread.
    const held = w.proxy.holdNext((p) => p.threadTs !== undefined);
    const first = w.start(PROMPTS_DUE);
    const part = await held;
    await kill(first);
    const keyed = w.fake.messagesIn(part.channel).find((m) => m.ts === part.threadTs);
    const key = keyed?.metadata?.event_payload.key as string | undefined;
    expect(key).toMatch(/^prompt:/);

    w.proxy.gapMs = 0;
    await w.run(AFTER_LEASE);
    // What a clean send of that row posts: every part of the message and of its thread.
    const payload = await readDatabase({ dataDir: w.dataDir }, async (db) => (await db.prisma.outbox.findUniqueOrThrow({ where: { key: key! } })).payload as unknown as { message: Message; thread?: Message[] });
    const parts = [payload.message, ...(payload.thread ?? [])].flatMap((m) => renderBlockKit(m)).length;
    expect(parts).toBeGreaterThan(1);
    const inDm = w.fake.messagesIn(part.channel);
    expect(inDm.filter((m) => m.metadata?.event_payload.key === key), 'the first part was posted again').toHaveLength(1);
    expect(inDm.filter((m) => m.thread_ts === part.threadTs && m.ts !== part.threadTs).length + 1, 'the lead did not receive every part of the prompt').toBe(parts);
    await expectEveryLeadPromptedOnce(w);
  }, TWO_TICKS);

  it('sends every lead exactly one prompt however often the dispatch is killed, between sends or during one', async () => {
    const w = await world(500);
    let now = PROMPTS_DUE;
    // Killed after the 1st, 3rd, 5th, 7th and 9th prompt has reached Slack: alternately just after Slack
    // answered (between sends) and while the post that Slack has just stored waits for its answer.
    // Every run after the first starts by reconciling what the one before left `sending`.
    for (const [run, k] of [1, 3, 5, 7, 9].entries()) {
      const duringSend = run % 2 === 1;
      const keyedSoFar = () => w.proxy.posts.filter((p) => p.key !== undefined).length;
      const held = duringSend ? w.proxy.holdNext((p) => p.key !== undefined && keyedSoFar() >= k) : null;
      const started = w.start(now);
      if (held) await held;
      else {
        await w.proxy.answeredKeyed(k);
        await sleep(100);
      }
      await kill(started);
      const { duplicates, leads } = expectOnePromptPerLead(w.fake);
      expect(duplicates, `after the kill at ${k}:\n${describePrompts(w.fake).join('\n')}`).toEqual([]);
      expect(leads, `Slack's prompts after the kill at ${k}`).toBe(k);
      now = minutesAfter(now, 3);
    }
    w.proxy.gapMs = 0;
    const last = tickSummary((await w.run(now)).stdout);
    expect(last.failed).toBe(0);
    await expectEveryLeadPromptedOnce(w);
  }, 6 * ONE_TICK);
});

const RANDOM_KILLS = 20;
// Random unless given: a failure prints its seed, and STOCKTAKE_FAULT_SEED=<seed> replays its kill points.
const SEED = Number(process.env.STOCKTAKE_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
type KillPoint = 'during a send' | 'between sends' | 'at a random moment';
// A fresh fan-out for every kill: the board meets every other Tuesday, so each run is asked for ten new prompts.
const MEETINGS = Array.from({ length: RANDOM_KILLS }, (_, k) => new Date(Date.UTC(2024, 4, 14 + 14 * k)).toISOString().slice(0, 10));

/** Resolves once `ready` holds (polled), or rejects after `timeoutMs`. */
async function until(ready: () => boolean, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !ready(); await sleep(20)) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
  }
}

/** Every outbox key Slack holds more than once, across every DM and every kind of message. */
function keysSentTwice(fake: FakeSlack): string[] {
  return [...promptsPerLead(fake, '')].flatMap(([user, keys]) => [...keys].filter(([, n]) => n > 1).map(([key, n]) => `${user} ${key} ×${n}`));
}

describe(`a tick killed at a random point of each of ${RANDOM_KILLS} fan-outs, each kill followed by a restart (embedded PGlite)`, () => {
  let many: { dir: string; dispose(): Promise<void> };
  beforeAll(async () => {
    many = await seededDataDir(MEETINGS);
  });
  afterAll(async () => {
    await many?.dispose();
  });

  it(`sends every message exactly once (seed ${SEED})`, async () => {
    console.log(`random kills: seed ${SEED} (replay with STOCKTAKE_FAULT_SEED=${SEED} npm run test:faults -- restart-mid-dispatch)`);
    const next = seededRandom(SEED);
    const w = await world(300, many.dir);
    const story: string[] = [];
    const replay = () => `seed ${SEED}:\n${story.join('\n')}\n${keysSentTwice(w.fake).join('\n')}`;
    for (const [k, meeting] of MEETINGS.entries()) {
      // The next meeting's prompts fall due; the run starts by reconciling what the last one cut short.
      const now = cycleSchedule(meeting).askAt;
      const point = (['during a send', 'between sends', 'at a random moment'] as const)[Math.floor(next() * 3)]!;
      const nth = 1 + Math.floor(next() * LEADS_PROMPTED);
      const afterMs = Math.floor(next() * 1500);
      const callsBefore = w.fake.calls.length;
      const keyedBefore = w.proxy.posts.filter((p) => p.key !== undefined).length;
      const keyedNow = () => w.proxy.posts.filter((p) => p.key !== undefined).length - keyedBefore;
      const started = w.start(now);
      const reached =
        point === 'during a send'
          ? w.proxy.holdNext((p) => p.key !== undefined && keyedNow() >= nth, ONE_TICK)
          : point === 'between sends'
            ? w.proxy.answeredKeyed(keyedBefore + nth, ONE_TICK).then(() => sleep(afterMs))
            : until(() => w.fake.calls.length > callsBefore, ONE_TICK).then(() => sleep(afterMs));
      const when = await Promise.race([reached.then(() => 'killed', () => 'gave up waiting'), started.done.then(() => 'had finished')]);
      w.proxy.cancelHolds();
      const outcome = await killHard(started.child, started.done);
      const where = point === 'at a random moment' ? `${afterMs} ms after its first call to Slack` : `${point}, at its keyed post ${nth}${point === 'between sends' ? ` (+${afterMs} ms)` : ''}`;
      story.push(`run ${k + 1} (${meeting}): ${where}: ${when} after ${keyedNow()} keyed posts, ${outcome.signal ?? `exit ${outcome.code}`}`);
      // A run the kill did not catch must have ended cleanly.
      if (outcome.signal === null) expect(outcome.code, `${replay()}\n${outcome.stdout}${outcome.stderr}`).toBe(0);
      expect(keysSentTwice(w.fake), replay()).toEqual([]);
    }
    console.log(`random kills (seed ${SEED}):\n${story.join('\n')}`);
    w.proxy.gapMs = 0;
    const finalRun = await w.run(minutesAfter(cycleSchedule(MEETINGS.at(-1)!).askAt, 3), 4 * ONE_TICK);
    console.log(`the run after the last kill: ${finalRun.stdout}`);
    const last = tickSummary(finalRun.stdout);
    expect(last.failed, replay()).toBe(0);

    // Every row the outbox holds was sent, and Slack holds each of their keys exactly once.
    const rows = await readDatabase({ dataDir: w.dataDir }, (db) => outboxStates(db, ''));
    expect([...rows].filter(([, state]) => state !== 'sent'), replay()).toEqual([]);
    const inSlack = new Map([...promptsPerLead(w.fake, '').values()].flatMap((keys) => [...keys]));
    expect([...rows.keys()].filter((key) => inSlack.get(key) !== 1), replay()).toEqual([]);
    expect([...rows.keys()].filter((key) => key.startsWith('prompt:'))).toHaveLength(RANDOM_KILLS * LEADS_PROMPTED);
  }, RANDOM_KILLS * ONE_TICK);
});

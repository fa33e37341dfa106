import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { createStore } from '../../adapters/store/prisma/create-store.ts';
import { cycleSettingsOf } from '../../src/app/boards/cycle-settings.ts';
import { cycleSchedule } from '../../src/domain/cycle/cycle-schedule.ts';
import { startFakeSlack, type FakeSlack } from '../../test/support/fake-slack/index.ts';
import { SIGNING_SECRET } from '../../test/support/slack-requests.ts';
import { BOT_TOKEN, percentiles, type Percentiles } from './ack-latency.ts';
import { startBot, type BotProcess } from './bot-process.ts';
import type { BotMemory, BotTick } from './bot.ts';
import type { BenchOptions, TargetName } from './options.ts';
import { FANOUT_BOARD, FANOUT_PROGRAMME, seedFanOutProgramme, slackIdOf } from './programme.ts';
import { openTarget } from './targets.ts';

/*
 * The board-cycle issue's figure: one tick, at the moment a meeting's prompts fall due, DMs every
 * lead through the real dispatcher and Slack gateway, against a fake Slack that enforces Slack-like
 * limits (1 message a second per channel, 20 a second in all). The floor is the time those limits
 * allow: N/20 seconds.
 */

export const FAKE_LIMITS = { perChannelPerSecond: 1, globalPerSecond: 20 } as const;
const SETTLE_MS = 5000;
const DAY_MS = 86_400_000;
/** Gives up waiting for the prompts after the floor times this, plus a minute. */
const PATIENCE = 4;

export interface FanOutResult {
  part: 'fanout';
  target: TargetName;
  label: string;
  leads: number;
  /** From the tick's start (as the bench asked for it) to the last prompt in the fake's DMs, ms. */
  wallMs: number;
  floorMs: number;
  /** Prompts found in the DMs: distinct keys, DMs with exactly one prompt, DMs with more than one. */
  prompts: { keys: number; exactlyOne: number; duplicated: number; missing: number; otherMessages: number };
  /** HTTP 429s the fake answered, and every Web API call it received, by method. */
  rateLimited: number;
  calls: Record<string, number>;
  /** From the tick's start to the first prompt posted, and the spacing of successive posts, ms. */
  firstPostMs: number;
  postGaps: Percentiles;
  /** The tick as the bot saw it: what it queued and sent, when the rows were written, and time in each store method. */
  tick: BotTick;
  /** Milliseconds from the last prompt to the tick's return. */
  tailMs: number;
  /** The untimed tick before the ask, with nothing due, that warms the bot as the scheduler's earlier ticks would, ms. */
  warmUpTickMs: number;
  idle: BotMemory;
  peak: BotMemory;
  load: [number, number];
}

/** A new database with N leads, the bot started on it, one tick at the ask time, and the prompts counted in the fake. */
export async function runFanOut(name: TargetName, o: BenchOptions, log: (line: string) => void): Promise<FanOutResult> {
  const loadBefore = os.loadavg()[0]!;
  const target = await openTarget(name);
  let fake: FakeSlack | null = null;
  let bot: BotProcess | null = null;
  try {
    const seeded = await seedFanOutProgramme(target.db, o.leads, (line) => log(`${target.label}: ${line}`));
    const store = createStore(target.db);
    const programme = (await store.programmes.findByName(FANOUT_PROGRAMME))!;
    const board = (await store.boards.findByName(programme.id, FANOUT_BOARD))!;
    const meetingId = (await store.boards.meetingRecords(board.id, seeded.meeting)).find((m) => m.date === seeded.meeting)!.id;
    const askAt = cycleSchedule(seeded.meeting, cycleSettingsOf(board, programme)).askAt;
    const personIds = new Map((await target.db.pool.query<{ id: string; email: string }>(`SELECT id, email FROM "Person"`)).rows.map((r) => [r.email.toLowerCase(), r.id]));
    await target.close();

    fake = await startFakeSlack({ token: BOT_TOKEN, users: seeded.people.map((p, i) => ({ id: slackIdOf(i), name: p.name, email: p.email })) });
    bot = await startBot(
      { ...target.env, PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.url, LOG_LEVEL: 'silent', STOCKTAKE_SCHEDULER: 'off' },
      `bot-fanout-${name}`,
    );
    await sleep(SETTLE_MS);
    const idle = await bot.memory();
    // A running bot has ticked before (at start-up, then every few minutes), so its database client is
    // warm when prompts fall due: one tick a day before the ask, with nothing due, does that here.
    const warmUp = await bot.tick(new Date(askAt.getTime() - DAY_MS));
    if (warmUp.result.queued !== 0) throw new Error(`the warm-up tick queued ${warmUp.result.queued} message(s): nothing should be due a day before the ask`);
    fake.rateLimit(FAKE_LIMITS);

    const dms = seeded.people.map((p, i) => ({ channel: fake!.dmChannelFor(slackIdOf(i)), key: `prompt:${meetingId}:${personIds.get(p.email.toLowerCase())}` }));
    const promptsIn = (channel: string) => fake!.messagesIn(channel).filter((m) => String(m.metadata?.event_payload?.key ?? '').startsWith('prompt:'));
    const floorMs = (o.leads / FAKE_LIMITS.globalPerSecond) * 1000;

    log(`${target.label}: tick a minute after the ask (${askAt.toISOString()}), ${o.leads} prompts due; floor ${(floorMs / 1000).toFixed(1)} s`);
    const startedAt = Date.now();
    let tickDone = false;
    const ticked = bot.tick(new Date(askAt.getTime() + 60_000)).finally(() => (tickDone = true));
    const deadline = startedAt + floorMs * PATIENCE + 60_000;
    let found = 0;
    while (Date.now() < deadline) {
      found = dms.reduce((n, d) => n + (promptsIn(d.channel).length > 0 ? 1 : 0), 0);
      if (found >= o.leads || tickDone) break;
      await sleep(25);
    }
    const tick = await ticked;

    const posts = fake.callsTo('chat.postMessage').filter((c) => c.status === 200 && c.ok).map((c) => c.at.getTime()).sort((a, b) => a - b);
    const perDm = dms.map((d) => ({ d, prompts: promptsIn(d.channel), all: fake!.messagesIn(d.channel) }));
    const promptTimes = perDm.flatMap((x) => x.prompts.map((m) => Number(m.ts) * 1000));
    const keys = new Set(perDm.flatMap((x) => x.prompts.filter((m) => m.metadata?.event_payload?.key === x.d.key).map((m) => x.d.key)));
    const calls: Record<string, number> = {};
    for (const c of fake.calls) calls[c.method] = (calls[c.method] ?? 0) + 1;
    const lastPrompt = Math.max(...promptTimes);
    const peak = await bot.memory();
    return {
      part: 'fanout',
      target: name,
      label: target.label,
      leads: o.leads,
      wallMs: lastPrompt - startedAt,
      floorMs,
      prompts: {
        keys: keys.size,
        exactlyOne: perDm.filter((x) => x.prompts.length === 1 && x.prompts[0]!.metadata?.event_payload?.key === x.d.key).length,
        duplicated: perDm.filter((x) => x.prompts.length > 1).length,
        missing: perDm.filter((x) => x.prompts.length === 0).length,
        otherMessages: perDm.reduce((n, x) => n + x.all.length - x.prompts.length, 0),
      },
      rateLimited: fake.calls.filter((c) => c.status === 429).length,
      calls,
      firstPostMs: (posts[0] ?? NaN) - startedAt,
      postGaps: percentiles(posts.slice(1).map((t, i) => t - posts[i]!)),
      tick,
      tailMs: tick.endedAt - lastPrompt,
      warmUpTickMs: warmUp.endedAt - warmUp.startedAt,
      idle,
      peak,
      load: [loadBefore, os.loadavg()[0]!],
    };
  } finally {
    await bot?.stop();
    await fake?.close();
    await target.dispose();
  }
}

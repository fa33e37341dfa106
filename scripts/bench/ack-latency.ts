import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { startFakeSlack, type FakeSlack } from '../../test/support/fake-slack/index.ts';
import { SIGNING_SECRET, slackSignature, slashCommand } from '../../test/support/slack-requests.ts';
import { startBot, type BotProcess } from './bot-process.ts';
import type { BotMemory } from './bot.ts';
import type { BenchOptions, TargetName } from './options.ts';
import { seedBenchProgramme, slackIdOf } from './programme.ts';
import { openTarget } from './targets.ts';

/*
 * The Slack issue's figure: how long the bot takes to acknowledge a slash command (the HTTP answer
 * to Slack's POST, which must come within 3 s), under an open-loop load of correctly signed
 * requests, and whether each one later got its answer.
 */

export const BOT_TOKEN = 'test-bot-bench-token';
/** How long the bot is left alone after start-up before its idle RSS is read. */
const SETTLE_MS = 5000;
/** Answers still missing after this long without any new one are counted as lost. */
const STALL_MS = 60_000;

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  command: string;
  caller: string;
  requests: number;
  rate: number;
  /** Time from sending a request to its HTTP answer (the acknowledgement), ms. */
  ack: Percentiles;
  /** HTTP statuses of the acknowledgements, by status. */
  statuses: Record<string, number>;
  /** Requests whose answer (every part) arrived, on the response_url or as ephemerals. */
  answered: number;
  /** Of those, answers that say something went wrong ("Sorry…", "does not know you", a refusal). */
  wrongAnswers: number;
  /** Time from sending to the last part of the answer, ms (answered requests only). */
  answer: Percentiles | null;
  /** Parts per answer (min–max) and where they went. */
  parts: { min: number; max: number };
  via: { responseUrl: number; ephemeral: number };
  /** The first answer's text, to show what was measured. */
  sample: string;
  /** How late the generator sent requests against their schedule, ms (p99, max): open loop only if small. */
  sendLate: { p99: number; max: number };
  /** The sending thread's own event-loop delay (p99, max, ms): what the timings may owe to the bench itself. */
  senderLoopDelay: { p99: number; max: number };
  /** Seconds from the first request to the last answer. */
  drainS: number;
  /** Answers completed a second over that time: the bot's throughput for this command when it is overloaded. */
  servedPerS: number;
}

export interface AckResult {
  part: 'ack';
  target: TargetName;
  label: string;
  startMs: number;
  idle: BotMemory;
  peak: BotMemory;
  /** The first requests after start-up, one at a time (not in the figures): the first one's acknowledgement and answer, ms. */
  warmUp: { requests: number; firstAckMs: number; firstAnswerMs: number; restAckMaxMs: number };
  loads: LoadResult[];
  /** The bench process's own event-loop delay while it sent requests and received answers (p99, max, ms). */
  benchLoopDelay: { p99: number; max: number };
  /** Errors the bot logged (LOG_LEVEL error): how many, and the first few kinds. */
  botErrors: { count: number; kinds: string[] };
  load: [number, number];
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}

interface Sent {
  channel: string;
  responseUrl: string;
  sentWall: number;
  ackMs: number | null;
  lateMs: number;
  status: number | string | null;
}

const LOAD_WORKER = new URL('./load-worker.mjs', import.meta.url);

/**
 * An open-loop run: request i goes at t0 + i/rate whatever became of the others, and each is timed to
 * its HTTP answer. The requests are signed here and sent from a worker thread (`load-worker.mjs`).
 */
async function sendLoad(
  fake: FakeSlack,
  baseUrl: string,
  spec: { command: string; text: string; channelPrefix: string; userIds: readonly string[]; requests: number; rate: number },
): Promise<{ sent: Sent[]; loopDelay: { p99: number; max: number } }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const sent: Sent[] = Array.from({ length: spec.requests }, (_, i) => {
    const channel = `${spec.channelPrefix}${i.toString(36).toUpperCase().padStart(5, '0')}`;
    return { channel, responseUrl: fake.responseUrl({ channel }), sentWall: 0, ackMs: null, lateMs: 0, status: null };
  });
  // Signed beforehand (the 5-minute window is ample), so the worker only sends.
  const requests = sent.map((s, i) => {
    const { body, contentType } = slashCommand({ command: spec.command, text: spec.text, userId: spec.userIds[i % spec.userIds.length]!, channelId: s.channel, responseUrl: s.responseUrl });
    return { body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(body, timestamp, SIGNING_SECRET) } };
  });
  const worker = new Worker(LOAD_WORKER, { workerData: { url: `${baseUrl}/slack/events`, gapMs: 1000 / spec.rate, requests } });
  const out = await new Promise<{ results: Omit<Sent, 'channel' | 'responseUrl'>[]; loopDelay: { p99: number; max: number } }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load worker exited (status ${code})`)));
  });
  await worker.terminate();
  out.results.forEach((r, i) => Object.assign(sent[i]!, r));
  return { sent, loopDelay: out.loopDelay };
}

/** Each request's answer parts (epoch ms and text), from its response_url and the ephemerals in its channel. */
function answersOf(fake: FakeSlack, s: Sent): { at: number; text: string; via: 'responseUrl' | 'ephemeral' }[] {
  const posts = fake.responses(s.responseUrl).filter((p) => p.status === 200).map((p) => ({ at: p.at.getTime(), text: String(p.body.text ?? ''), via: 'responseUrl' as const }));
  const ephemerals = fake.ephemerals(s.channel).map((e) => ({ at: Number(e.ts) * 1000, text: e.text, via: 'ephemeral' as const }));
  return [...posts, ...ephemerals].sort((a, b) => a.at - b.at);
}

/** Waits until every request has an answer and no part has arrived for a second (or until answers stall). */
async function awaitAnswers(fake: FakeSlack, sent: readonly Sent[]): Promise<void> {
  let lastCount = -1;
  let lastChange = performance.now();
  for (;;) {
    const counts = sent.map((s) => answersOf(fake, s).length);
    const total = counts.reduce((a, b) => a + b, 0);
    const all = counts.every((c) => c > 0);
    if (total !== lastCount) {
      lastCount = total;
      lastChange = performance.now();
    }
    const quiet = performance.now() - lastChange;
    if ((all && quiet >= 1000) || quiet >= STALL_MS) return;
    await sleep(all ? 200 : 500);
  }
}

function summarise(
  fake: FakeSlack,
  sent: readonly Sent[],
  senderLoopDelay: { p99: number; max: number },
  spec: { command: string; text: string; caller: string; rate: number; looksWrong: (text: string) => boolean },
): LoadResult {
  const statuses: Record<string, number> = {};
  for (const s of sent) statuses[String(s.status)] = (statuses[String(s.status)] ?? 0) + 1;
  const answers = sent.map((s) => ({ s, parts: answersOf(fake, s) }));
  const answered = answers.filter((a) => a.parts.length > 0);
  const partCounts = answered.map((a) => a.parts.length);
  const late = sent.map((s) => s.lateMs);
  const lastAnswer = Math.max(...answered.map((a) => a.parts[a.parts.length - 1]!.at));
  return {
    command: spec.text ? `${spec.command} ${spec.text}` : spec.command,
    caller: spec.caller,
    requests: sent.length,
    rate: spec.rate,
    ack: percentiles(sent.flatMap((s) => (s.ackMs === null ? [] : [s.ackMs]))),
    statuses,
    answered: answered.length,
    wrongAnswers: answered.filter((a) => spec.looksWrong(a.parts[0]!.text)).length,
    answer: answered.length ? percentiles(answered.map((a) => a.parts[a.parts.length - 1]!.at - a.s.sentWall)) : null,
    parts: { min: Math.min(...partCounts), max: Math.max(...partCounts) },
    via: {
      responseUrl: answered.filter((a) => a.parts.some((p) => p.via === 'responseUrl')).length,
      ephemeral: answered.filter((a) => a.parts.some((p) => p.via === 'ephemeral')).length,
    },
    sample: answered[0]?.parts[0]?.text.slice(0, 160) ?? '',
    sendLate: { p99: percentiles(late).p99, max: percentiles(late).max },
    senderLoopDelay,
    drainS: answered.length ? (lastAnswer - sent[0]!.sentWall) / 1000 : NaN,
    servedPerS: answered.length ? answered.length / ((lastAnswer - sent[0]!.sentWall) / 1000) : NaN,
  };
}

const WARM_UP = 10;

/** `/stocktake help` from a few callers, one at a time, each awaited to its answer. */
async function warmUpBot(fake: FakeSlack, baseUrl: string, userIds: readonly string[]): Promise<AckResult['warmUp']> {
  const acks: number[] = [];
  let firstAnswerMs = NaN;
  for (const [i, userId] of userIds.entries()) {
    const channel = `CW${i.toString(36).toUpperCase().padStart(5, '0')}`;
    const responseUrl = fake.responseUrl({ channel });
    const { body, contentType } = slashCommand({ command: '/stocktake', text: 'help', userId, channelId: channel, responseUrl });
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const sentWall = Date.now();
    const res = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(body, timestamp, SIGNING_SECRET) },
      body,
    });
    acks.push(performance.now() - started);
    await res.arrayBuffer();
    const deadline = Date.now() + 30_000;
    while (fake.responses(responseUrl).length === 0 && Date.now() < deadline) await sleep(5);
    if (i === 0) firstAnswerMs = (fake.responses(responseUrl)[0]?.at.getTime() ?? NaN) - sentWall;
  }
  return { requests: userIds.length, firstAckMs: acks[0] ?? NaN, firstAnswerMs, restAckMaxMs: Math.max(...acks.slice(1)) };
}

const SORRY = /sorry|does not know you|only the chair|went wrong|try again/i;

/** The bench programme on a new database, the bot started on it, then `/overdue` and `/send-report` under load. */
export async function runAck(name: TargetName, o: BenchOptions, log: (line: string) => void): Promise<AckResult> {
  const loadBefore = os.loadavg()[0]!;
  const target = await openTarget(name);
  let fake: FakeSlack | null = null;
  let bot: BotProcess | null = null;
  try {
    const seeded = await seedBenchProgramme(target.db, o, (line) => log(`${target.label}: ${line}`));
    await target.close();
    fake = await startFakeSlack({ token: BOT_TOKEN, users: seeded.people.map((p, i) => ({ id: slackIdOf(i), name: p.name, email: p.email })) });
    log(`${target.label}: starting the bot`);
    bot = await startBot(
      { ...target.env, PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.url, LOG_LEVEL: 'error', STOCKTAKE_SCHEDULER: 'off' },
      `bot-ack-${name}`,
    );
    await sleep(SETTLE_MS);
    const idle = await bot.memory();
    log(`${target.label}: bot up in ${(bot.startMs / 1000).toFixed(1)} s, idle RSS ${idle.rssMb.toFixed(0)} MB`);
    const baseUrl = `http://127.0.0.1:${bot.port}`;

    // A few requests one at a time first: the first after start-up pays for lazy loading (Prisma's query
    // compiler, Bolt's first dispatch), which is not what a running bot's acknowledgement costs.
    const warmUp = await warmUpBot(fake, baseUrl, seeded.leadIndexes.slice(0, WARM_UP).map(slackIdOf));
    log(`${target.label}: warm-up: first acknowledgement ${warmUp.firstAckMs.toFixed(0)} ms, its answer ${warmUp.firstAnswerMs.toFixed(0)} ms`);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const loads: LoadResult[] = [];
    // Callers rotate over every lead (each is identified by email on first contact, then by the link it leaves).
    const leads = seeded.leadIndexes.map(slackIdOf);
    const chair = slackIdOf(seeded.chairIndex);
    const runs = [
      // The acknowledgement with next to nothing behind it: what the ack path itself costs on this machine.
      { command: '/stocktake', text: 'help', channelPrefix: 'CH', userIds: leads, requests: o.reportRequests, caller: `${leads.length} leads in turn`, looksWrong: (t: string) => SORRY.test(t) },
      { command: '/overdue', text: '', channelPrefix: 'CO', userIds: leads, requests: o.ackRequests, caller: `${leads.length} leads in turn`, looksWrong: (t: string) => SORRY.test(t) || !/overdue/i.test(t) },
      { command: '/send-report', text: '', channelPrefix: 'CR', userIds: [chair], requests: o.reportRequests, caller: 'the chair', looksWrong: (t: string) => SORRY.test(t) },
    ];
    for (const run of runs) {
      log(`${target.label}: ${run.requests} × ${run.command}${run.text ? ` ${run.text}` : ''} at ${o.ackRate}/s`);
      const { sent, loopDelay: senderLoopDelay } = await sendLoad(fake, baseUrl, { ...run, rate: o.ackRate });
      log(`${target.label}: ${run.command}: all acknowledged; waiting for the answers`);
      await awaitAnswers(fake, sent);
      loads.push(summarise(fake, sent, senderLoopDelay, { ...run, rate: o.ackRate }));
    }
    loopDelay.disable();
    const peak = await bot.memory();
    return {
      part: 'ack',
      target: name,
      label: target.label,
      startMs: bot.startMs,
      warmUp,
      idle,
      peak,
      loads,
      benchLoopDelay: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      botErrors: bot.errors(),
      load: [loadBefore, os.loadavg()[0]!],
    };
  } finally {
    await bot?.stop();
    await fake?.close();
    await target.dispose();
  }
}

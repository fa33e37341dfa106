/**
 * The bot as the bench runs it: `startStocktake(env)` alone in its own process (forked by
 * `bot-process.ts`), so its memory and its event loop hold nothing of the bench's (the synthetic
 * data, the fake Slack, the load generator). It answers a few messages over IPC:
 * `memory` (RSS now and at its peak), `tick` (one board-cycle tick as at an instant, timed), `stop`.
 */
import { createGateways } from '../../adapters/outbound/gateways.ts';
import { createLogger } from '../../adapters/logging/logger.ts';
import { tick } from '../../src/app/cycle/tick.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import type { Store } from '../../src/app/ports/store.ts';
import { createComposer } from '../../src/chat/cycle/compose-intent.ts';
import { loadConfig } from '../../src/config.ts';
import { startStocktake } from '../../src/main.ts';

export interface BotMemory {
  rssMb: number;
  /** The process's high-water mark since it started (PGlite's worker thread included). */
  peakRssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

export interface StoreCall {
  method: string;
  calls: number;
  totalMs: number;
  /** Milliseconds from the tick's start to the first call's start and to the last call's end. */
  firstMs: number;
  lastMs: number;
}

export interface BotTick {
  result: Awaited<ReturnType<typeof tick>>;
  /** Epoch milliseconds as the tick began and ended, in the bot's process. */
  startedAt: number;
  endedAt: number;
  /** Milliseconds from the tick's start until the outbox rows were written (state loaded, intents composed, enqueued). */
  enqueuedMs: number | null;
  /** Time spent awaiting each store method (wall time; calls overlap under the dispatcher's concurrency). */
  store: StoreCall[];
}

export type BotRequest = { id: number; type: 'memory' } | { id: number; type: 'tick'; at: string } | { id: number; type: 'stop' };
export type BotMessage =
  | { type: 'ready'; port: number; startMs: number }
  | { type: 'failed'; error: string }
  | { id: number; type: 'memory'; memory: BotMemory }
  | { id: number; type: 'tick'; tick: BotTick }
  | { id: number; type: 'error'; error: string };

const mb = (bytes: number) => bytes / 2 ** 20;

function memory(): BotMemory {
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), peakRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) };
}

/** The store with every method timed, and a hook for when the tick's outbox rows are written. */
function timedStore(store: Store, calls: Map<string, StoreCall>, t0: number, onEnqueued: () => void): Store {
  const wrap = <T extends object>(area: string, part: T): T => {
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(part)) {
      if (typeof fn !== 'function') {
        out[name] = fn;
        continue;
      }
      const method = `${area}.${name}`;
      out[name] = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await (fn as (...a: unknown[]) => Promise<unknown>).apply(part, args);
        } finally {
          const ended = performance.now();
          const c = calls.get(method) ?? { method, calls: 0, totalMs: 0, firstMs: started - t0, lastMs: 0 };
          c.calls++;
          c.totalMs += ended - started;
          c.lastMs = ended - t0;
          calls.set(method, c);
          if (method === 'outbox.enqueue') onEnqueued();
        }
      };
    }
    return out as T;
  };
  return Object.fromEntries(Object.entries(store).map(([area, part]) => [area, wrap(area, part as object)])) as unknown as Store;
}

async function main(): Promise<void> {
  const send = (m: BotMessage) => process.send?.(m);
  const started = performance.now();
  let running: Awaited<ReturnType<typeof startStocktake>>;
  try {
    running = await startStocktake(process.env);
  } catch (error) {
    send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
  const config = loadConfig(process.env);
  send({ type: 'ready', port: running.port, startMs: performance.now() - started });

  const runTick = async (at: string): Promise<BotTick> => {
    const t0 = performance.now();
    const from = Date.parse(at);
    // The clock starts at the instant and runs on: a retry's Retry-After must be able to fall due.
    const clock = { now: () => new Date(from + (performance.now() - t0)) };
    const calls = new Map<string, StoreCall>();
    let enqueuedMs: number | null = null;
    const deps: AppDeps = {
      ...running.deps,
      clock,
      store: timedStore(running.deps.store, calls, t0, () => (enqueuedMs ??= performance.now() - t0)),
    };
    const gateways = createGateways(config, deps, createLogger(config.LOG_LEVEL));
    const startedAt = Date.now();
    const result = await tick(deps, createComposer(deps), gateways);
    return { result, startedAt, endedAt: Date.now(), enqueuedMs, store: [...calls.values()].sort((a, b) => b.totalMs - a.totalMs) };
  };

  process.on('message', (m: BotRequest) => {
    void (async () => {
      try {
        if (m.type === 'memory') send({ id: m.id, type: 'memory', memory: memory() });
        else if (m.type === 'tick') send({ id: m.id, type: 'tick', tick: await runTick(m.at) });
        else if (m.type === 'stop') {
          await running.stop();
          process.exit(0);
        }
      } catch (error) {
        send({ id: m.id, type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    })();
  });
  process.on('disconnect', () => process.exit(0));
}

void main();

import { randomUUID } from 'node:crypto';
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { AppDeps } from '../../src/app/deps.ts';
import type { Logger } from '../logging/logger.ts';

export interface SchedulerOptions {
  deps: AppDeps;
  /** One tick: evaluate what is due now, queue it, dispatch. */
  runTick: () => Promise<unknown>;
  log: Logger;
  /** Every five minutes by default: ticks are cheap, and a missed one is caught up by the next. */
  expression?: string;
  timezone: string;
}

export interface Scheduler {
  stop(): Promise<void>;
}

const LEASE_MS = 4 * 60_000;

/**
 * node-cron fires a short tick; the tick reads state and decides (DESIGN decision 4). The run coordinator
 * is a lease in the database, so with several replicas only one runs each tick.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const owner = `${process.pid}-${randomUUID()}`;
  const { locks } = options.deps.store;
  const coordinator: RunCoordinator = {
    shouldRun: (key, ttlMs) => locks.acquire(key, owner, ttlMs, options.deps.clock.now()),
    onComplete: (key) => locks.release(key, owner),
  };
  const run = async () => {
    try {
      const result = await options.runTick();
      options.log.info({ result }, 'tick');
    } catch (error) {
      options.log.error({ err: error }, 'tick failed');
    }
  };
  const task: ScheduledTask = cron.schedule(options.expression ?? '*/5 * * * *', run, {
    name: 'stocktake-tick',
    timezone: options.timezone,
    noOverlap: true,
    runCoordinator: coordinator,
    distributedLease: LEASE_MS,
  });
  // Catch up at once on start-up rather than waiting for the first slot, under the same lease.
  void (async () => {
    if (await coordinator.shouldRun('stocktake-startup-tick', LEASE_MS)) {
      await run();
      await coordinator.onComplete?.('stocktake-startup-tick');
    }
  })();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
    },
  };
}

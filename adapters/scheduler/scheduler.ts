import { randomUUID } from 'node:crypto';
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { AppDeps } from '../../src/app/deps.ts';
import type { Logger } from '../logging/logger.ts';

export interface ScheduledJob {
  /** For logs and leases, e.g. "tick". */
  name: string;
  /** A cron expression (node-cron: an optional seconds field first). */
  expression: string;
  /** Aborted when the scheduler stops: finish what is under way, begin nothing new. */
  run: (signal: AbortSignal) => Promise<unknown>;
  /** Also run once at start-up, under the same lease: the tick catches up after downtime rather than waiting for its slot. */
  atStartup?: boolean;
}

export interface SchedulerOptions {
  deps: AppDeps;
  jobs: ScheduledJob[];
  log: Logger;
  timezone: string;
}

export interface Scheduler {
  /** No job starts after this is called; it resolves once the runs under way have finished. */
  stop(): Promise<void>;
}

const LEASE_MS = 4 * 60_000;

/**
 * node-cron fires short jobs (the tick every five minutes, retention daily); each reads state and decides
 * (DESIGN decision 4). The run coordinator is a lease in the database, so with several replicas only one runs each.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const owner = `${process.pid}-${randomUUID()}`;
  const { locks } = options.deps.store;
  const stopping = new AbortController();
  // A lease held is work under way: stop() waits until every one is released, so a tick is never cut off
  // mid-send (its row would be left to reconcile) and the database is not closed under it.
  const underway = new Set<Promise<void>>();
  const finish = new Map<string, () => void>();
  const coordinator: RunCoordinator = {
    async shouldRun(key, ttlMs) {
      if (stopping.signal.aborted) return false;
      // Taking the lease counts as under way too: stop() must not close the database while it is being taken.
      let done!: () => void;
      const work = new Promise<void>((resolve) => (done = resolve));
      underway.add(work);
      void work.then(() => underway.delete(work));
      let held = false;
      try {
        held = await locks.acquire(key, owner, ttlMs, options.deps.clock.now());
        if (held && stopping.signal.aborted) await locks.release(key, owner);
        else if (held) finish.set(key, done);
        return held && !stopping.signal.aborted;
      } finally {
        if (!finish.has(key)) done();
      }
    },
    async onComplete(key) {
      try {
        await locks.release(key, owner);
      } finally {
        finish.get(key)?.();
        finish.delete(key);
      }
    },
  };
  const run = async (job: ScheduledJob) => {
    if (stopping.signal.aborted) return;
    options.log.debug({ job: job.name }, `${job.name} started`);
    try {
      const result = await job.run(stopping.signal);
      options.log.info({ result }, job.name);
    } catch (error) {
      options.log.error({ err: error }, `${job.name} failed`);
    }
  };
  const tasks: ScheduledTask[] = options.jobs.map((job) =>
    cron.schedule(job.expression, () => run(job), {
      name: `stocktake-${job.name}`,
      timezone: options.timezone,
      noOverlap: true,
      // Without `distributed`, node-cron ignores the coordinator and every replica runs every slot.
      distributed: true,
      runCoordinator: coordinator,
      distributedLease: LEASE_MS,
    }),
  );
  for (const job of options.jobs.filter((j) => j.atStartup)) {
    const key = `stocktake-startup-${job.name}`;
    void (async () => {
      if (!(await coordinator.shouldRun(key, LEASE_MS))) return;
      try {
        await run(job);
      } finally {
        await coordinator.onComplete?.(key);
      }
    })().catch((error: unknown) => options.log.error({ err: error }, `${job.name} at start-up failed`));
  }
  return {
    async stop() {
      stopping.abort();
      await Promise.all(tasks.map((t) => t.stop()));
      // A run that was taking its lease as the signal came is waited for too.
      while (underway.size > 0) await Promise.all(underway);
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}

import { setTimeout as realDelay } from 'node:timers/promises';

/**
 * Simulated time for an in-process tick: the clock stands still while code runs (and talks to the
 * database and the fake Slack for real), and jumps to the earliest wake-up whenever something sleeps.
 * A minute of retries and backoff then takes as long as the work itself, not a minute.
 */
export interface VirtualClock {
  now(): number;
  date(): Date;
  /** Ends when simulated time reaches `now() + ms`, or at once (moving no time) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function virtualClock(start: Date): VirtualClock {
  let t = start.getTime();
  const sleepers = new Set<{ at: number; wake: () => void }>();
  let advancing = false;

  // A few real milliseconds first, so that replies already on their way are handled at the time they belong to.
  const advance = async () => {
    if (advancing) return;
    advancing = true;
    try {
      while (sleepers.size > 0) {
        await realDelay(2);
        if (sleepers.size === 0) break;
        t = Math.max(t, Math.min(...[...sleepers].map((s) => s.at)));
        for (const s of [...sleepers]) {
          if (s.at <= t) {
            sleepers.delete(s);
            s.wake();
          }
        }
      }
    } finally {
      advancing = false;
    }
  };

  return {
    now: () => t,
    date: () => new Date(t),
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        const sleeper = { at: t + Math.max(0, ms), wake: resolve };
        if (signal?.aborted) return resolve();
        signal?.addEventListener('abort', () => {
          sleepers.delete(sleeper);
          resolve();
        });
        sleepers.add(sleeper);
        void advance();
      });
    },
  };
}

import { setTimeout as delay } from 'node:timers/promises';

/** Spaces Web API posts so that concurrent senders stay within Slack's rates. */
export interface Pacer {
  /** Resolves when one post to `channel` may go now. */
  take(channel: string): Promise<void>;
  /**
   * Says a post to `channel` has been answered (or has failed): that channel's next post waits a
   * full gap from now. Slack counts a post when it arrives, and a slow request (a cold connection,
   * a busy event loop) would otherwise let the next one arrive less than a gap behind it.
   */
  settle(channel: string): void;
}

export interface PacerOptions {
  /** Posts a second in all (default 20). */
  perSecond?: number;
  /** Posts a second to one channel (default 1). */
  perChannelPerSecond?: number;
  now?: () => number;
  /** Waits `ms`; may stop early when `signal` aborts (the pacer then re-checks). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface Waiter {
  channel: string;
  resolve: () => void;
}

const realSleep = (ms: number, signal: AbortSignal): Promise<void> => delay(ms, undefined, { signal }).catch(() => undefined);

// Channels whose gap has long passed are forgotten once the map grows past this.
const PRUNE_AT = 1024;

/**
 * Strict spacing, one queue: waiters are let go oldest first among those whose channel is free,
 * so a busy channel never holds up another (no head-of-line blocking) and nobody is starved.
 * Gaps are measured from the moment a post is let go (per channel, from its answer too, see
 * `settle`), so a late timer or a slow request only ever slows things.
 */
export function createPacer(options: PacerOptions = {}): Pacer {
  const perSecond = options.perSecond ?? 20;
  const perChannel = options.perChannelPerSecond ?? 1;
  if (!(perSecond > 0) || !(perChannel > 0)) throw new Error('createPacer: rates must be positive');
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const globalGap = 1000 / perSecond;
  const channelGap = 1000 / perChannel;

  const queue: Waiter[] = [];
  const channelFreeAt = new Map<string, number>();
  let globalFreeAt = -Infinity;
  let running = false;
  let wake: (() => void) | null = null;

  const freeAt = (channel: string): number => channelFreeAt.get(channel) ?? -Infinity;

  const pause = async (ms: number): Promise<void> => {
    const abort = new AbortController();
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    try {
      await Promise.race([sleep(Math.max(1, Math.ceil(ms)), abort.signal).catch(() => undefined), woken]);
    } finally {
      wake = null;
      abort.abort();
    }
  };

  const prune = (t: number): void => {
    if (channelFreeAt.size < PRUNE_AT) return;
    for (const [channel, at] of channelFreeAt) if (at <= t) channelFreeAt.delete(channel);
  };

  const run = async (): Promise<void> => {
    running = true;
    try {
      while (queue.length > 0) {
        const t = now();
        const ready = t >= globalFreeAt ? queue.findIndex((w) => freeAt(w.channel) <= t) : -1;
        if (ready >= 0) {
          const [w] = queue.splice(ready, 1);
          globalFreeAt = t + globalGap;
          channelFreeAt.set(w!.channel, t + channelGap);
          prune(t);
          w!.resolve();
          continue;
        }
        let channelsFreeAt = Infinity;
        for (const w of queue) channelsFreeAt = Math.min(channelsFreeAt, freeAt(w.channel));
        await pause(Math.max(globalFreeAt, channelsFreeAt) - t);
      }
    } finally {
      running = false;
    }
  };

  return {
    take(channel) {
      return new Promise<void>((resolve) => {
        queue.push({ channel, resolve });
        // A new waiter may be for a free channel: wake a pump that sleeps for a busy one.
        if (running) wake?.();
        else void run();
      });
    },
    settle(channel) {
      // Only ever later: a pump asleep until the old time wakes, finds the channel busy, sleeps again.
      channelFreeAt.set(channel, Math.max(freeAt(channel), now() + channelGap));
    },
  };
}

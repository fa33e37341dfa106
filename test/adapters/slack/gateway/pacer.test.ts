import { describe, expect, it } from 'vitest';
import { createPacer } from '../../../../adapters/slack/gateway/pacer.ts';

/** A clock that moves only when the pacer sleeps, so spacing is measured exactly and instantly. */
function fakeClock() {
  let t = 0;
  return {
    now: () => t,
    // Time moves after pending callbacks have run, so each sees the instant it was let go.
    // A sleep cut short (the pacer was woken) moves no time.
    sleep: (ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          if (!signal.aborted) t += ms;
          resolve();
        }),
      ),
  };
}

async function releases(pacer: ReturnType<typeof createPacer>, channels: string[], now: () => number) {
  const out: { channel: string; at: number; order: number }[] = [];
  await Promise.all(channels.map((channel, order) => pacer.take(channel).then(() => out.push({ channel, at: now(), order }))));
  return out;
}

describe('createPacer', () => {
  it('lets posts to different channels go no faster than the global rate', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ perSecond: 20, perChannelPerSecond: 1, ...clock });
    const out = await releases(pacer, Array.from({ length: 60 }, (_, i) => `D${i}`), clock.now);
    expect(out).toHaveLength(60);
    for (let i = 1; i < out.length; i++) expect(out[i]!.at - out[i - 1]!.at).toBeGreaterThanOrEqual(50);
    expect(out.at(-1)!.at - out[0]!.at).toBeGreaterThanOrEqual(59 * 50);
    // Oldest first when every channel is free.
    expect(out.map((o) => o.order)).toEqual(out.map((_, i) => i));
  });

  it('spaces posts to one channel by at least a second, without holding up other channels', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ perSecond: 20, perChannelPerSecond: 1, ...clock });
    const out = await releases(pacer, ['A', 'A', 'A', 'B', 'B', 'C'], clock.now);
    const at = (channel: string) => out.filter((o) => o.channel === channel).map((o) => o.at);
    expect(at('A')).toEqual([0, 1000, 2000]);
    // B and C go while A waits its second.
    expect(at('B')).toEqual([50, 1050]);
    expect(at('C')).toEqual([100]);
  });

  it('counts the next gap in a channel from when its last post was answered', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ perSecond: 20, perChannelPerSecond: 1, ...clock });
    await pacer.take('A');
    // The post took 300 ms to be answered.
    await clock.sleep(300, new AbortController().signal);
    pacer.settle('A');
    await pacer.take('A');
    expect(clock.now()).toBe(1300);
  });

  it('wakes for a free channel that arrives while it sleeps on a busy one', async () => {
    // A clock moved by hand: the pacer's sleeps end only when the test advances past them.
    let t = 0;
    const timers: { at: number; done: () => void }[] = [];
    const sleep = (ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        const timer = { at: t + ms, done: resolve };
        timers.push(timer);
        signal.addEventListener('abort', () => resolve());
      });
    const advance = async (ms: number) => {
      t += ms;
      for (const timer of timers.splice(0)) if (timer.at <= t) timer.done();
      else timers.push(timer);
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    const pacer = createPacer({ perSecond: 20, perChannelPerSecond: 1, now: () => t, sleep });
    const seen: string[] = [];
    await pacer.take('A');
    const secondA = pacer.take('A').then(() => seen.push(`A@${t}`));
    await advance(10);
    const firstB = pacer.take('B').then(() => seen.push(`B@${t}`));
    await advance(40);
    await firstB;
    expect(seen).toEqual(['B@50']);
    await advance(1000);
    await secondA;
    expect(seen).toEqual(['B@50', 'A@1050']);
  });

  it('refuses a rate of zero', () => {
    expect(() => createPacer({ perSecond: 0 })).toThrow(/positive/);
  });
});

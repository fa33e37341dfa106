import { setTimeout as sleep } from 'node:timers/promises';

/** Waits until `check` returns something truthy (the bot answers after it acknowledges, so tests poll). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${check.toString().slice(0, 120)}`);
    await sleep(25);
  }
}

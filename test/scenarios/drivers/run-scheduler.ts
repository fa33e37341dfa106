import type { AppDeps } from '../../../src/app/deps.ts';
import type { Gateways } from '../../../src/app/outbox/dispatch-outbox.ts';
import { tick } from '../../../src/app/cycle/tick.ts';
import { createComposer } from '../../../src/chat/cycle/compose-intent.ts';

/** One scheduler tick at `now`, as the server runs it: what is due goes to the outbox, then out through the gateways. */
export async function runScheduler(deps: AppDeps, gateways: Gateways, now: Date): Promise<void> {
  const at: AppDeps = { ...deps, clock: { now: () => now } };
  await tick(at, createComposer(at), gateways, { sleep: async () => {} });
}

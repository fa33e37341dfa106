import { dueNow, type Intent } from '../../domain/cycle/due-now.ts';
import type { AppDeps } from '../deps.ts';
import { dispatchOutbox, type DispatchCounts, type DispatchOptions, type Gateways } from '../outbox/dispatch-outbox.ts';
import type { OutboxItem } from '../ports/outbox.ts';
import { loadCycleState } from './load-cycle-state.ts';

/** Turns an intent into the outbox rows that carry it (the chat layer writes the words). */
export type ComposeIntent = (intent: Intent) => Promise<OutboxItem[]>;

export interface TickResult {
  due: number;
  queued: number;
  dispatched: DispatchCounts;
}

/**
 * One evaluation of what is due now, then a dispatch: what DESIGN decision 4 calls a tick. Missed ticks
 * need no catching up of their own: the next one sees everything still due, and keys stop repeats.
 */
export async function tick(deps: AppDeps, compose: ComposeIntent, gateways: Gateways, options: DispatchOptions = {}): Promise<TickResult> {
  const now = deps.clock.now();
  const state = await loadCycleState(deps, now);
  const fresh = dueNow(state).filter((intent) => !state.existingKeys.has(intent.key));
  const items = (await Promise.all(fresh.map(compose))).flat();
  const queued = await deps.store.outbox.enqueue(items, now);
  const dispatched = await dispatchOutbox(deps, gateways, options);
  return { due: fresh.length, queued, dispatched };
}

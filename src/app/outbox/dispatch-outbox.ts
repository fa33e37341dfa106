import { KEEP_TRYING_MS, retryDelayMs, shouldGiveUp } from '../../domain/outbox/retry-policy.ts';
import type { AppDeps } from '../deps.ts';
import { isUnconfirmed, type ChatGateway, type OutboxRow } from '../ports/outbox.ts';
import type { ChatPlatform } from '../ports/store.ts';

export type Gateways = Partial<Record<ChatPlatform, ChatGateway>>;

export interface DispatchOptions {
  /** Rows claimed at a time. */
  batch?: number;
  /** Sends in flight at once; the gateway paces them to the platform's limits. */
  concurrency?: number;
  /** A row left `sending` longer than this was cut short (a process died): it is reconciled, not resent. */
  leaseMs?: number;
  /** Keep going while a retry falls due within this long (a 429's Retry-After); later ones wait for the next tick. */
  waitHorizonMs?: number;
  sleep?: (ms: number) => Promise<unknown>;
  /**
   * Aborted when the process is stopping: no more rows are claimed or waited for. Sends under way
   * finish and are recorded (abandoning one mid-request would leave its row for reconciliation);
   * rows claimed but not yet begun go back to pending.
   */
  signal?: AbortSignal;
}

export interface DispatchCounts {
  sent: number;
  retried: number;
  failed: number;
  /** Sends cut short: found sent, found absent (queued again), impossible to tell, or to be asked about on the next tick. */
  reconciled: { sent: number; resent: number; unknown: number; later: number };
}

/** Sends what the outbox holds: each key at most once, retries honouring Retry-After, failures kept for the programme manager. */
export async function dispatchOutbox(deps: AppDeps, gateways: Gateways, options: DispatchOptions = {}): Promise<DispatchCounts> {
  const batch = options.batch ?? 50;
  const concurrency = options.concurrency ?? 8;
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const { signal } = options;
  const stopping = signal ? new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true })) : null;
  const wait = (ms: number) => (stopping ? Promise.race([sleep(ms), stopping]) : sleep(ms));
  const counts: DispatchCounts = { sent: 0, retried: 0, failed: 0, reconciled: { sent: 0, resent: 0, unknown: 0, later: 0 } };

  await reconcileStale(deps, gateways, options.leaseMs ?? 120_000, counts);

  while (!signal?.aborted) {
    const rows = await deps.store.outbox.claim(deps.clock.now(), batch);
    if (rows.length === 0) {
      const next = await deps.store.outbox.nextDue();
      const delay = next ? next.getTime() - deps.clock.now().getTime() : Infinity;
      if (delay > (options.waitHorizonMs ?? 60_000)) break;
      await wait(Math.max(0, delay));
      continue;
    }
    let i = 0;
    // A send that cannot be recorded (the database gone) stops the others taking more rows, and the
    // dispatch fails once the sends under way have ended: nothing goes out after it has failed. Rows
    // left claimed are reconciled by a later dispatch.
    const lost: unknown[] = [];
    const worker = async () => {
      while (i < rows.length && !signal?.aborted && lost.length === 0) {
        await sendOne(deps, gateways, rows[i++]!, counts).catch((error: unknown) => lost.push(error));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
    if (lost.length > 0) throw lost[0];
    for (const unsent of rows.slice(i)) await deps.store.outbox.release(unsent.id);
  }
  return counts;
}

async function sendOne(deps: AppDeps, gateways: Gateways, row: OutboxRow, counts: DispatchCounts): Promise<void> {
  const gateway = gateways[row.platform];
  if (!gateway) {
    await deps.store.outbox.markFailed(row.id, `${row.platform} is not connected`);
    counts.failed++;
    return;
  }
  const result = await gateway.send(row).catch((error: unknown) => ({
    ok: false as const,
    retryAfterMs: null,
    permanent: false,
    error: error instanceof Error ? error.message : String(error),
  }));
  if (result.ok) {
    await deps.store.outbox.markSent(row.id, result.messageId, deps.clock.now());
    counts.sent++;
  } else if (shouldGiveUp(row.attempts, result.permanent, deps.clock.now().getTime() - row.createdAt.getTime())) {
    if (isUnconfirmed(result.error)) {
      await deps.store.outbox.markUnknown(row.id, result.error);
      counts.reconciled.unknown++;
    } else {
      await deps.store.outbox.markFailed(row.id, result.error);
      counts.failed++;
    }
  } else {
    await deps.store.outbox.retryLater(row.id, new Date(deps.clock.now().getTime() + retryDelayMs(row.attempts, result.retryAfterMs)), result.error);
    counts.retried++;
  }
}

/**
 * A send cut short may have reached the platform: look before sending again (DESIGN decision 3). When
 * the platform cannot be asked just now, the row stays as it is for the next tick to ask again, until
 * it has been in doubt for as long as a send is kept trying.
 */
async function reconcileStale(deps: AppDeps, gateways: Gateways, leaseMs: number, counts: DispatchCounts): Promise<void> {
  const now = deps.clock.now().getTime();
  const stale = await deps.store.outbox.stale(new Date(now - leaseMs));
  for (const row of stale) {
    const gateway = gateways[row.platform];
    const verdict = gateway ? await gateway.reconcile(row).catch(() => 'ask-later' as const) : 'unknown';
    if (verdict === 'ask-later' && now - (row.claimedAt ?? row.createdAt).getTime() < KEEP_TRYING_MS) {
      counts.reconciled.later++;
      continue;
    }
    if (verdict === 'sent') {
      await deps.store.outbox.markSent(row.id, null, deps.clock.now());
      counts.reconciled.sent++;
    } else if (verdict === 'absent') {
      await deps.store.outbox.release(row.id);
      counts.reconciled.resent++;
    } else {
      await deps.store.outbox.markUnknown(row.id, 'The send was cut short and the platform cannot confirm it arrived; the chaser covers it.');
      counts.reconciled.unknown++;
    }
  }
}

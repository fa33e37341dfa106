import type { ChatPlatform } from './store.ts';

/** Who an outbox message is for: a person (a direct message on their platform) or a channel. */
export type OutboxRecipient = { personId: string } | { channelId: string };

/** A message to send exactly once. The payload is opaque here: the chat layer builds it, the gateway renders it. */
export interface OutboxItem {
  /** e.g. `prompt:<meetingId>:<personId>`: the outbox holds one row per key, ever. */
  key: string;
  kind: string;
  programmeId: string | null;
  personId: string | null;
  platform: ChatPlatform;
  recipient: OutboxRecipient;
  payload: unknown;
}

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface OutboxRow extends OutboxItem {
  id: string;
  state: OutboxState;
  attempts: number;
  claimedAt: Date | null;
  createdAt: Date;
  platformMessageId: string | null;
  lastError: string | null;
}

export interface OutboxStore {
  /** Inserts what is not there yet; a key already queued or sent is left alone. Returns how many were new. */
  enqueue(items: OutboxItem[], at: Date): Promise<number>;
  /** Marks up to `limit` due rows `sending` for this claimant and returns them (several replicas never claim the same row). */
  claim(now: Date, limit: number): Promise<OutboxRow[]>;
  markSent(id: string, platformMessageId: string | null, at: Date): Promise<void>;
  retryLater(id: string, at: Date, error: string): Promise<void>;
  markFailed(id: string, error: string): Promise<void>;
  markUnknown(id: string, note: string): Promise<void>;
  /** Rows left `sending` since before `claimedBefore`: a process died mid-send, or is very slow. */
  stale(claimedBefore: Date): Promise<OutboxRow[]>;
  /** Back to pending, for a send the platform provably lacks. */
  release(id: string): Promise<void>;
  existingKeys(prefixes: string[]): Promise<Set<string>>;
  /** People sent anything since an instant. */
  messagedSince(since: Date): Promise<Set<string>>;
  /** Per person, how many rows of a kind went to them since their own instant (since ever when null), in one read. */
  countsSince(kind: string, people: readonly { personId: string; since: Date | null }[]): Promise<Map<string, number>>;
  /** When the next pending row becomes due, if any. */
  nextDue(): Promise<Date | null>;
  /** What needs a programme manager's eye: failed and unknown rows. */
  problems(programmeId: string): Promise<OutboxRow[]>;
}

/**
 * Starts the recorded error of an attempt that may have reached the platform all the same (a connection
 * cut after the request went out, a 5xx): a gateway reads it back to look before sending again, and a
 * send given up with it is marked `unknown`, not `failed` (DESIGN decision 3).
 */
export const UNCONFIRMED = 'unconfirmed:';

export const isUnconfirmed = (error: string | null): boolean => error?.startsWith(UNCONFIRMED) ?? false;

export type SendResult =
  | { ok: true; messageId: string | null }
  /** `retryAfterMs` when the platform said when to come back (429 Retry-After); `permanent` when retrying cannot help. */
  | { ok: false; retryAfterMs: number | null; permanent: boolean; error: string };

/** Outbound messages to a chat platform. */
export interface ChatGateway {
  send(row: OutboxRow): Promise<SendResult>;
  /**
   * After a send cut short: did the message arrive? `unknown` where the platform offers no way to tell;
   * throws when the platform cannot be asked just now (down, throttling), so that it is asked again later.
   */
  reconcile(row: OutboxRow): Promise<'sent' | 'absent' | 'unknown'>;
}

/** Database-backed leases, so that one replica runs each scheduler tick. */
export interface RunLocks {
  acquire(key: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  release(key: string, owner: string): Promise<void>;
}

import { setTimeout as delay } from 'node:timers/promises';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { OutboxPayload } from '../../../src/chat/outbox-payload.ts';
import { isUnconfirmed, UNCONFIRMED, type ChatGateway, type OutboxRecipient, type OutboxRow, type SendResult } from '../../../src/app/ports/outbox.ts';
import type { PlatformDirectory } from '../../../src/app/ports/platform-directory.ts';
import type { Message } from '../../../src/chat/message.ts';
import { renderBlockKit, type SlackMessage } from '../render/index.ts';
import type { SlackIdentities } from './identities.ts';
import { createPacer, type Pacer } from './pacer.ts';

/** The `event_type` of the metadata every outbox message carries, so a send cut short can be found again. */
export const OUTBOX_EVENT_TYPE = 'stocktake_outbox';

export interface SlackGatewayOptions {
  /** Built with `rejectRateLimitedCalls: true` and no retries: the outbox owns retries and pacing. */
  client: WebClient;
  identities: SlackIdentities;
  directory: Pick<PlatformDirectory, 'userIdForEmail'>;
  /** Default: 20 posts a second in all, 1 a second per channel. */
  pacer?: Pacer;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** pino-style; told about sends that arrived incomplete and people who could not be linked. */
  log?: { warn(details: object, message: string): void };
}

// Slack's refusals that no retry can cure: the row fails and a programme manager sees it.
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'users_not_found',
  'user_not_found',
  'account_inactive',
  'invalid_blocks',
  'msg_too_long',
  'no_text',
  'invalid_arguments',
  'invalid_metadata_format',
  'cannot_dm_bot',
  'user_disabled',
  'restricted_action',
]);

// Slack's own trouble: retry, and the message may exist (Slack says some of the work may have happened).
const SLACK_FAULT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

// The app's configuration (token, scopes) or throttling: not this message's fault, so it waits rather than failing.
const RETRY_LATER = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'missing_scope', 'not_allowed_token_type', 'no_permission', 'team_access_not_granted', 'ratelimited']);

// History is searched from a little before the claim: our clock and Slack's may disagree.
const HISTORY_MARGIN_MS = 5 * 60 * 1000;
const HISTORY_PAGE = 200;
// Beyond this many messages since the claim, the check gives up and says it cannot tell.
const HISTORY_PAGES = 10;
const RATE_LIMIT_TRIES = 3;

interface Failure {
  retryAfterMs: number | null;
  permanent: boolean;
  error: string;
  /** The call may have taken effect. */
  unconfirmed: boolean;
}

type Found = { ts: string } | 'absent' | 'unknown';

const failed = (f: Failure): SendResult => ({ ok: false, retryAfterMs: f.retryAfterMs, permanent: f.permanent, error: f.unconfirmed ? `${UNCONFIRMED} ${f.error}` : f.error });

const refusal = (error: string): SendResult => ({ ok: false, retryAfterMs: null, permanent: true, error });

const slackTs = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(6);

/** Slack down, throttling or out of reach: asking again later may give an answer. */
const isOutage = (error: unknown): boolean => {
  const f = classifySlackError(error);
  return f.unconfirmed || f.retryAfterMs !== null;
};

/** Sorts a thrown error into retry-now, retry-later, or give up. */
export function classifySlackError(error: unknown): Failure {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; original?: Error; message?: string };
  switch (e?.code) {
    case ErrorCode.RateLimitedError: {
      const seconds = Math.max(1, Number(e.retryAfter) || 1);
      return { retryAfterMs: seconds * 1000, permanent: false, error: `rate limited (Retry-After ${seconds} s)`, unconfirmed: false };
    }
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (SLACK_FAULT.has(code)) return { retryAfterMs: null, permanent: false, error: code, unconfirmed: true };
      if (RETRY_LATER.has(code)) return { retryAfterMs: null, permanent: false, error: code, unconfirmed: false };
      // Listed or not, a refusal is an answer about this message: retrying repeats it.
      return { retryAfterMs: null, permanent: true, error: PERMANENT.has(code) ? code : `${code} (refused)`, unconfirmed: false };
    }
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      const retry = status >= 500 || status === 408;
      return { retryAfterMs: null, permanent: !retry, error: `HTTP ${status}`, unconfirmed: retry };
    }
    case ErrorCode.RequestError:
      return { retryAfterMs: null, permanent: false, error: `network: ${e.original?.message ?? e.message ?? 'request failed'}`, unconfirmed: true };
    case ErrorCode.FileUploadInvalidArgumentsError:
    case ErrorCode.FileUploadReadFileDataError:
      return { retryAfterMs: null, permanent: true, error: e.message ?? 'file upload refused', unconfirmed: false };
    default:
      // Not Slack's: the database behind the identities, most likely. Worth another go.
      return { retryAfterMs: null, permanent: false, error: error instanceof Error ? error.message : String(error), unconfirmed: true };
  }
}

function readPayload(payload: unknown): OutboxPayload | null {
  const p = payload as Partial<OutboxPayload> | null;
  const isMessage = (m: unknown): m is Message => typeof m === 'object' && m !== null && typeof (m as Message).text === 'string' && Array.isArray((m as Message).blocks);
  if (typeof p !== 'object' || p === null || !isMessage(p.message)) return null;
  if (p.thread !== undefined && (!Array.isArray(p.thread) || !p.thread.every(isMessage))) return null;
  const a = p.attachment;
  if (a !== undefined && (typeof a !== 'object' || a === null || typeof a.filename !== 'string' || typeof a.title !== 'string' || typeof a.content !== 'string')) return null;
  return p as OutboxPayload;
}

/**
 * The outbox's way out to Slack (DESIGN decision 3). Each message's first part carries its key in
 * metadata; the rest follows in its thread. Every post waits its turn at the pacer, so a fan-out of
 * hundreds of DMs stays inside Slack's rates instead of meeting 429s.
 */
export function createSlackGateway(options: SlackGatewayOptions): ChatGateway {
  const { client, identities, directory } = options;
  const now = options.now ?? Date.now;
  const pacer = options.pacer ?? createPacer({ now });
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const log = options.log;
  // Person → DM channel: stable in Slack, and conversations.open is Tier 3.
  const dmChannels = new Map<string, string>();

  /** Waits out a 429 a few times: for calls that cannot be handed back to the outbox (later parts, history). */
  const patiently = async <T>(call: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const e = error as { code?: string; retryAfter?: number };
        if (e.code !== ErrorCode.RateLimitedError || attempt >= RATE_LIMIT_TRIES) throw error;
        await sleep(Math.max(1, Number(e.retryAfter) || 1) * 1000);
      }
    }
  };

  const slackUserFor = async (personId: string): Promise<string | null> => {
    const stored = await identities.slackIdOf(personId);
    if (stored) return stored;
    const email = await identities.emailOf(personId);
    if (!email) return null;
    const found = await directory.userIdForEmail(email);
    if (!found) return null;
    try {
      await identities.remember(personId, found);
    } catch (error) {
      // Still worth sending; the lookup simply happens again next time.
      log?.warn({ personId, slackUserId: found, err: error }, 'could not store the Slack user id found by email');
    }
    return found;
  };

  /** The channel to post in, or null when the person has no Slack identity. */
  const channelFor = async (recipient: OutboxRecipient): Promise<string | null> => {
    if ('channelId' in recipient) return recipient.channelId;
    const cached = dmChannels.get(recipient.personId);
    if (cached) return cached;
    const user = await slackUserFor(recipient.personId);
    if (!user) return null;
    const opened = await client.conversations.open({ users: user });
    const channel = opened.channel?.id;
    if (!channel) throw new Error(`conversations.open gave no channel for ${user}`);
    dmChannels.set(recipient.personId, channel);
    return channel;
  };

  /**
   * Looks for the message carrying `key` posted since `sinceMs`: `unknown` when the history cannot be
   * read at all (no scope, too long); while Slack is down it throws, so the caller asks again later.
   */
  const lookFor = async (channel: string, key: string, sinceMs: number): Promise<Found> => {
    let cursor: string | undefined;
    try {
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const res = await patiently(() =>
          client.conversations.history({ channel, oldest: slackTs(sinceMs), limit: HISTORY_PAGE, include_all_metadata: true, ...(cursor ? { cursor } : {}) }),
        );
        for (const m of res.messages ?? []) {
          const md = (m as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
          if (md?.event_type === OUTBOX_EVENT_TYPE && md.event_payload?.key === key && m.ts) return { ts: m.ts };
        }
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!res.has_more || !cursor) return 'absent';
      }
      return 'unknown';
    } catch (error) {
      if (isOutage(error)) throw error;
      // No im:history / channels:history scope: cannot tell.
      return 'unknown';
    }
  };

  const post = async (channel: string, part: SlackMessage, extra: { thread_ts?: string; key?: string }): Promise<string> => {
    await pacer.take(channel);
    try {
      const res = await client.chat.postMessage({
        channel,
        ...part,
        ...(extra.thread_ts ? { thread_ts: extra.thread_ts } : {}),
        ...(extra.key !== undefined ? { metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: extra.key } } } : {}),
      });
      if (!res.ts) throw new Error('chat.postMessage answered without a ts');
      return res.ts;
    } finally {
      pacer.settle(channel);
    }
  };

  /** Everything after the first part. A failure here cannot undo the message, so it is reported, not returned. */
  const finish = async (row: OutboxRow, channel: string, thread_ts: string, parts: SlackMessage[], attachment: OutboxPayload['attachment']): Promise<void> => {
    let step = 'thread';
    try {
      for (const part of parts) await patiently(() => post(channel, part, { thread_ts }));
      if (attachment) {
        step = 'attachment';
        await patiently(async () => {
          await pacer.take(channel);
          try {
            await client.filesUploadV2({ channel_id: channel, thread_ts, filename: attachment.filename, title: attachment.title, content: attachment.content });
          } finally {
            pacer.settle(channel);
          }
        });
      }
    } catch (error) {
      log?.warn({ key: row.key, channel, ts: thread_ts, step, error: classifySlackError(error).error }, 'outbox message sent, but its thread is incomplete');
    }
  };

  /**
   * A message found in history may have been cut short between its parts: count the replies already in
   * its thread and post only the parts still missing, so nothing is repeated and nothing is lost.
   */
  const completeThread = async (row: OutboxRow, channel: string, ts: string): Promise<void> => {
    const payload = readPayload(row.payload);
    if (payload === null) return;
    const parts = [...renderBlockKit(payload.message).slice(1), ...(payload.thread ?? []).flatMap((m) => renderBlockKit(m))];
    try {
      const replies = await patiently(() => client.conversations.replies({ channel, ts, limit: 200 }));
      const posted = (replies.messages ?? []).filter((m) => m.ts !== ts);
      const hasFile = posted.some((m) => (m.files?.length ?? 0) > 0);
      const textReplies = posted.filter((m) => !(m.files?.length ?? 0)).length;
      if (textReplies >= parts.length && (hasFile || !payload.attachment)) return;
      await finish(row, channel, ts, parts.slice(textReplies), hasFile ? undefined : payload.attachment);
    } catch (error) {
      log?.warn({ key: row.key, channel, ts, error: classifySlackError(error).error }, 'could not check the thread of a message cut short');
    }
  };

  return {
    async send(row) {
      if (row.platform !== 'slack') return refusal(`not a Slack row (${row.platform})`);
      const payload = readPayload(row.payload);
      if (payload === null) return refusal('payload is not a message');
      let first: SlackMessage;
      let rest: SlackMessage[];
      try {
        [first, ...rest] = renderBlockKit(payload.message) as [SlackMessage, ...SlackMessage[]];
        rest.push(...(payload.thread ?? []).flatMap((m) => renderBlockKit(m)));
      } catch (error) {
        return refusal(`cannot render: ${error instanceof Error ? error.message : String(error)}`);
      }

      let channel: string | null;
      try {
        channel = await channelFor(row.recipient);
      } catch (error) {
        return failed({ ...classifySlackError(error), unconfirmed: false });
      }
      if (channel === null) return refusal('no Slack user for this person (no stored id, and none found by email)');

      // An earlier attempt may have posted it before its answer was lost: look before posting again.
      const earlier = row.attempts > 1 && (row.lastError === null || isUnconfirmed(row.lastError));
      if (earlier) {
        let found: Found;
        try {
          found = await lookFor(channel, row.key, row.createdAt.getTime() - HISTORY_MARGIN_MS);
        } catch (error) {
          return failed({ ...classifySlackError(error), unconfirmed: true });
        }
        if (found === 'unknown') return refusal(`${UNCONFIRMED} an earlier attempt may have posted it and the channel history cannot be read`);
        if (found !== 'absent') {
          await completeThread(row, channel, found.ts);
          return { ok: true, messageId: found.ts };
        }
      }

      let ts: string;
      try {
        ts = await post(channel, first, { key: row.key });
      } catch (error) {
        return failed(classifySlackError(error));
      }
      await finish(row, channel, ts, rest, payload.attachment);
      return { ok: true, messageId: ts };
    },

    async reconcile(row) {
      let channel: string | null;
      try {
        channel = await patiently(() => channelFor(row.recipient));
      } catch (error) {
        if (isOutage(error)) throw error;
        return 'unknown';
      }
      // Without a Slack user nothing can have been posted.
      if (channel === null) return 'absent';
      const since = (row.claimedAt ?? row.createdAt).getTime() - HISTORY_MARGIN_MS;
      const found = await lookFor(channel, row.key, since);
      if (typeof found === 'string') return found;
      await completeThread(row, channel, found.ts);
      return 'sent';
    },
  };
}

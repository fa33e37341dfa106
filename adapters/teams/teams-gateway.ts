import type { Activity, ConversationReference } from 'botbuilder';
import { UNCONFIRMED, type ChatGateway, type SendResult } from '../../src/app/ports/outbox.ts';
import type { PeopleStore } from '../../src/app/ports/store.ts';
import type { OutboxPayload } from '../../src/chat/outbox-payload.ts';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { retryAfterMs } from './connector-retries.ts';
import { payloadActivities } from './deliver.ts';
import { sendProactively } from './proactive.ts';

// Teams asks for these to be retried with backoff (DESIGN, platform facts): nothing was posted.
const TRANSIENT = new Set([408, 412, 429]);
// Connection failures from before the request could reach Teams: safe to send again.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

export interface TeamsGatewayOptions {
  adapter: TeamsAdapter;
  appId: string;
  people: Pick<PeopleStore, 'contact'>;
  /** Where channel posts go: the service URL seen on the latest activity (Teams gives one per region). */
  serviceUrl: () => string | null;
  /** pino-style; told about messages whose later parts did not all arrive. */
  log?: { warn(details: object, message: string): void };
}

const refusal = (error: string): SendResult => ({ ok: false, retryAfterMs: null, permanent: true, error });

/** What a failed first send means for the outbox: retry (when Teams says), give up, or cannot tell. */
export function classifyTeamsError(error: unknown): SendResult {
  const e = error as { name?: string; code?: string; statusCode?: number; message?: string; response?: { headers?: { get?: (name: string) => string | undefined } } };
  const status = e?.statusCode ?? 0;
  const message = e?.message ?? String(error);
  if (status > 0) {
    const retry = TRANSIENT.has(status) || status >= 500;
    const after = retry ? retryAfterMs(e.response?.headers?.get?.('retry-after')) : null;
    return { ok: false, retryAfterMs: after, permanent: !retry, error: `Teams answered ${status}${after !== null ? ` (Retry-After ${after / 1000} s)` : ''}: ${message}` };
  }
  // Teams offers a bot no history to look in: such a row is marked unknown and never sent again; the
  // programme manager sees it and the cycle's chaser covers the lead (DESIGN decision 3).
  if (e?.name === 'RestError' && !NOT_SENT.has(e.code ?? '')) {
    return refusal(`${UNCONFIRMED} the connection failed after the message was sent (${e.code ?? message}); Teams cannot say whether it arrived, so it is not sent again and the chaser covers it.`);
  }
  // Nothing reached Teams (no connection, or no token): worth another go.
  return { ok: false, retryAfterMs: null, permanent: false, error: `Teams not reached: ${message}` };
}

/**
 * Proactive messages through stored conversation references. The first part of each message is sent
 * once per outbox attempt: the outbox decides when to try again.
 */
export function createTeamsGateway(options: TeamsGatewayOptions): ChatGateway {
  const referenceFor = async (recipient: { personId: string } | { channelId: string }): Promise<Partial<ConversationReference> | null> => {
    if ('personId' in recipient) {
      const ref = (await options.people.contact(recipient.personId))?.teamsConversation as Partial<ConversationReference> | null | undefined;
      return ref?.conversation?.id && ref.serviceUrl ? ref : null;
    }
    const serviceUrl = options.serviceUrl();
    return serviceUrl ? { serviceUrl, channelId: 'msteams', conversation: { id: recipient.channelId, isGroup: true, conversationType: 'channel', name: '' } } : null;
  };
  return {
    async send(row): Promise<SendResult> {
      const reference = await referenceFor(row.recipient);
      if (!reference) return refusal('No Teams conversation stored for this recipient: they must message the bot or install it first.');
      let activities: Partial<Activity>[];
      try {
        activities = payloadActivities(row.payload as OutboxPayload);
      } catch (error) {
        return refusal(`cannot render: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        const messageId = await sendProactively(options.adapter, options.appId, reference, activities, {
          firstRetries: 'none',
          incomplete: (error) => options.log?.warn({ key: row.key, err: error }, 'outbox message sent, but its later parts did not all arrive'),
        });
        return { ok: true, messageId };
      } catch (error) {
        // Only the first part can fail: later parts are reported, not thrown.
        return classifyTeamsError(error);
      }
    },
    // Teams gives a bot no history to search: a send cut short is marked unknown, and the chaser covers it.
    async reconcile() {
      return 'unknown';
    },
  };
}

import type { ConversationReference } from 'botbuilder';
import type { ChatGateway, SendResult } from '../../src/app/ports/outbox.ts';
import type { PeopleStore } from '../../src/app/ports/store.ts';
import type { OutboxPayload } from '../../src/chat/outbox-payload.ts';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { sendPayload } from './deliver.ts';

// Teams retries these with backoff (DESIGN, platform facts); anything else a 4xx says cannot succeed.
const TRANSIENT = new Set([412, 429, 500, 502, 503, 504]);

export interface TeamsGatewayOptions {
  adapter: TeamsAdapter;
  appId: string;
  people: Pick<PeopleStore, 'contact'>;
  /** Where channel posts go: the service URL seen on the latest activity (Teams gives one per region). */
  serviceUrl: () => string | null;
}

/** Proactive messages through stored conversation references. */
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
      if (!reference) return { ok: false, retryAfterMs: null, permanent: true, error: 'No Teams conversation stored for this recipient: they must message the bot or install it first.' };
      let messageId: string | null = null;
      try {
        await options.adapter.continueConversationAsync(options.appId, reference, async (context) => {
          messageId = await sendPayload(context, row.payload as OutboxPayload);
        });
        return { ok: true, messageId };
      } catch (error) {
        const e = error as { statusCode?: number; response?: { headers?: { get?: (h: string) => string | undefined } }; message?: string };
        const status = e.statusCode ?? 0;
        const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
        return {
          ok: false,
          retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
          permanent: status >= 400 && status < 500 && !TRANSIENT.has(status),
          error: `Teams answered ${status || 'with no status'}: ${e.message ?? 'unknown error'}`,
        };
      }
    },
    // Teams gives a bot no history to search: a send cut short is marked unknown, and the chaser covers it.
    async reconcile() {
      return 'unknown';
    },
  };
}

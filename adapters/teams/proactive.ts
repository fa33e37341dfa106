import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { setConnectorRetries, type ConnectorRetries } from './connector-retries.ts';

export interface PartsDelivery {
  /** Who retries the first part: `none` when the outbox owns retries (see connector-retries.ts). */
  firstRetries: ConnectorRetries;
  /** A later part failed: the message exists all the same, so this is reported rather than thrown. */
  incomplete(error: unknown): void;
}

/** Runs work in a proactive turn, handing its error back: the adapter's onTurnError would apologise to the recipient instead. */
async function inTurn(adapter: TeamsAdapter, appId: string, reference: Partial<ConversationReference>, work: (context: TurnContext) => Promise<void>): Promise<void> {
  let failure: { error: unknown } | null = null;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    try {
      await work(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw (failure as { error: unknown }).error;
}

/**
 * Sends a message's parts to a stored conversation: the first as the message, the rest after it — in a
 * channel, in the first's thread. Returns the first's id; only the first part's failure is thrown.
 */
export async function sendProactively(
  adapter: TeamsAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  [first, ...rest]: Partial<Activity>[],
  delivery: PartsDelivery,
): Promise<string | null> {
  let top: string | null = null;
  await inTurn(adapter, appId, reference, async (context) => {
    setConnectorRetries(context, delivery.firstRetries);
    top = (await context.sendActivity(first!))?.id ?? null;
  });
  if (top === null || rest.length === 0) return top;
  // Teams threads a channel reply by the conversation id `channel;messageid=<post>`; a replyToId alone
  // (which botbuilder overwrites in a proactive turn anyway) would make each part a post of its own.
  const conversation = reference.conversation;
  const thread = conversation?.conversationType === 'channel' ? { ...reference, conversation: { ...conversation, id: `${conversation.id};messageid=${top}` } } : reference;
  try {
    await inTurn(adapter, appId, thread, async (context) => {
      setConnectorRetries(context, 'throttled');
      for (const part of rest) await context.sendActivity(part);
    });
  } catch (error) {
    delivery.incomplete(error);
  }
  return top;
}

import { ActivityTypes, CardFactory, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { OutboxPayload } from '../../src/chat/outbox-payload.ts';
import type { Message } from '../../src/chat/message.ts';
import type { Reply } from '../../src/chat/replies.ts';
import { deliverFile } from './files/deliver-file.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderAdaptiveCard, renderFormCard, type AdaptiveCard } from './render/index.ts';

/** A neutral message as the activities Teams gets: one card each part, with its text fallback. */
export function messageActivities(message: Message): Partial<Activity>[] {
  return renderAdaptiveCard(message).map(({ card, text }) => ({
    type: ActivityTypes.Message,
    // The fallback is words, not Markdown: plain keeps a lead's note from formatting itself.
    textFormat: 'plain',
    text,
    attachments: [CardFactory.adaptiveCard(card)],
  }));
}

/** A payload as activities: the message's parts, then its thread. */
export function payloadActivities(payload: OutboxPayload): Partial<Activity>[] {
  return [...messageActivities(payload.message), ...(payload.thread ?? []).flatMap(messageActivities)];
}

const invokeResponse = (card: AdaptiveCard) => ({
  type: ActivityTypes.InvokeResponse,
  value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } },
});

const messageResponse = (text: string) => ({
  type: ActivityTypes.InvokeResponse,
  value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
});

export interface TeamsDelivery {
  context: TurnContext;
  /** Posts to a channel by id (a governance channel), through the adapter's proactive path. */
  postToChannel(channelId: string, payload: OutboxPayload, from: Partial<ConversationReference>): Promise<void>;
  /** Sends to the caller's one-to-one chat with the bot, from wherever they asked. */
  toCallerDirectly(from: Partial<Activity>, activities: Partial<Activity>[]): Promise<void>;
}

/**
 * Turns neutral replies into Teams activities. For a card action (an invoke), the first answer meant for
 * the caller refreshes the card itself (Universal Actions), so what was recorded — or what needs
 * correcting — shows where they pressed; anything else is sent as messages in the conversation.
 */
export async function deliverTeamsReplies({ context, postToChannel, toCallerDirectly }: TeamsDelivery, replies: readonly Reply[]): Promise<void> {
  const invoke = context.activity.type === ActivityTypes.Invoke;
  // Teams has no message only one member of a channel sees: what is for the caller alone goes to their 1:1 chat.
  const shared = context.activity.conversation?.conversationType !== 'personal';
  const toCaller = async (activities: Partial<Activity>[]) => {
    if (shared) await toCallerDirectly(context.activity, activities);
    else for (const activity of activities) await context.sendActivity(activity);
  };
  // Only a card action's answer can carry a card; other invokes (a file accepted) are answered 200 once the work is done.
  const cardAction = invoke && context.activity.name === 'adaptiveCard/action';
  let answered = false;
  const refresh = async (card: AdaptiveCard) => {
    answered = true;
    await context.sendActivity(invokeResponse(card));
  };
  for (const reply of replies) {
    switch (reply.kind) {
      case 'form-errors':
        if (cardAction && reply.form) await refresh(renderFormCard(reply.form, reply.errors, definedValues(reply.values)));
        break;
      case 'private':
      case 'replace': {
        const [first, ...rest] = renderAdaptiveCard(reply.message);
        if (cardAction && !answered) {
          await refresh(first!.card);
          for (const part of rest) await context.sendActivity({ type: ActivityTypes.Message, textFormat: 'plain', text: part.text, attachments: [CardFactory.adaptiveCard(part.card)] });
        } else {
          await toCaller(messageActivities(reply.message));
        }
        break;
      }
      case 'open-form':
        // No modals in Teams: the form arrives as its own card, and the list it came from stays.
        await toCaller([{ type: ActivityTypes.Message, textFormat: 'plain', text: reply.form.title, attachments: [CardFactory.adaptiveCard(renderFormCard(reply.form))] }]);
        break;
      case 'post':
        await postToChannel(reply.channelId, { message: reply.message, ...(reply.thread ? { thread: reply.thread } : {}) }, context.activity);
        break;
      case 'file':
        await deliverFile(context, reply);
        break;
      case 'home':
        // Teams has no home tab; after an update the card refresh already says what changed.
        if (replies.length === 1) await toCaller(messageActivities(reply.message));
        break;
    }
  }
  if (invoke && !answered) await context.sendActivity(cardAction ? messageResponse('Done.') : { type: ActivityTypes.InvokeResponse, value: { status: 200 } });
}

function definedValues(values: Record<string, string | undefined> | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}

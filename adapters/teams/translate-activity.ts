import type { Activity } from 'botbuilder';
import type { Caller, Inbound, Place } from '../../src/chat/inbound.ts';
import { parseFormVerb, readCardValues } from './render/index.ts';

/** The Teams identity Stocktake keeps: the AAD object id, else the channel account id. */
export const teamsUserId = (activity: Partial<Activity>) => activity.from?.aadObjectId ?? activity.from?.id ?? '';

export function placeOf(activity: Partial<Activity>): Place {
  const personal = activity.conversation?.conversationType === 'personal';
  const channel = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  return { channelId: personal ? (activity.conversation?.id ?? null) : (channel ?? activity.conversation?.id ?? null), direct: personal };
}

/** Message text without the bot's @mention; other people's mentions become `<@id>`, as the chat core expects. */
export function commandText(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const mention = entity as unknown as { text?: string; mentioned?: { id?: string } };
    if (!mention.text) continue;
    const isBot = mention.mentioned?.id === activity.recipient?.id;
    text = text.replace(mention.text, isBot ? '' : `<@${mention.mentioned?.id ?? ''}>`);
  }
  return text.replace(/<\/?at>/g, '').replace(/\s+/g, ' ').trim();
}

export function callerOf(activity: Partial<Activity>): Caller {
  return { platform: 'teams', userId: teamsUserId(activity), ...(activity.from?.name ? { displayName: activity.from.name } : {}) };
}

/** A Teams activity as a neutral inbound event, or null when it is not one the chat core handles. */
export function toInbound(activity: Partial<Activity>): Inbound | null {
  const caller = callerOf(activity);
  const place = placeOf(activity);
  if (activity.type === 'message') {
    const text = commandText(activity);
    return { kind: 'message', caller, place, text };
  }
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const action = (activity.value as { action?: { verb?: string; data?: Record<string, unknown> } } | undefined)?.action;
    if (!action?.verb) return null;
    const formId = parseFormVerb(action.verb);
    if (formId) return { kind: 'form', caller, place, id: formId, state: String(action.data?.state ?? ''), values: readCardValues(action.data) };
    return { kind: 'button', caller, place, id: action.verb, value: String(action.data?.value ?? '') };
  }
  return null;
}

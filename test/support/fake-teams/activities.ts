import { randomUUID } from 'node:crypto';
import type { ChannelAccount } from './fake-teams.ts';

/**
 * Inbound Bot Framework activities shaped as Teams sends them (ids, conversation types, channel
 * data, mention entities), for tests to hand to the real adapter. Every builder needs the fake
 * connector's `serviceUrl`, so the bot's replies go to the fake.
 */

export interface Where {
  serviceUrl: string;
  /** The bot (default `28:stocktake-local`, "Stocktake"). */
  bot?: ChannelAccount;
  tenantId?: string;
  /** Default: a person called Priya Shah. */
  from?: ChannelAccount;
  /** The conversation id; defaults depend on the kind (a 1:1 `a:…` id, a channel `19:…` id). */
  conversationId?: string;
  /** For a channel: its team (default `19:team-governance@thread.tacv2`). */
  teamId?: string;
  locale?: string;
  /** The activity's id (default a fresh one). */
  id?: string;
  timestamp?: Date;
}

export type InboundSpec =
  /** A message in the bot's 1:1 chat. */
  | ({ kind: 'message'; text: string } & Where)
  /** A message in a channel (or a group chat) that @mentions the bot; `text` is what follows the mention. */
  | ({ kind: 'mention'; text: string; scope?: 'channel' | 'groupChat' } & Where)
  /** A Universal Action: an `Action.Execute` pressed on a card (`adaptiveCard/action` invoke). */
  | ({ kind: 'card-action'; verb: string; data?: Record<string, unknown>; replyToId?: string; scope?: 'personal' | 'channel' | 'groupChat' } & Where)
  /** A file consent card answered (`fileConsent/invoke`): `context` is the card's accept or decline context. */
  | ({ kind: 'file-consent'; action: 'accept' | 'decline'; context: unknown; uploadInfo?: unknown; replyToId?: string } & Where)
  /** The app installed: a conversationUpdate whose membersAdded holds the bot. */
  | ({ kind: 'install'; scope?: 'personal' | 'channel' | 'groupChat' } & Where);

export const DEFAULT_USER: ChannelAccount = { id: '29:1priya-shah', name: 'Priya Shah', aadObjectId: '6b8a2b0e-2a55-4f5e-9d0a-1c2b3d4e5f60' };
const DEFAULT_BOT: ChannelAccount = { id: '28:stocktake-local', name: 'Stocktake' };
const DEFAULT_TENANT = 'tenant-local';
const DEFAULT_TEAM = '19:team-governance@thread.tacv2';
const DEFAULT_CHANNEL = '19:channel-governance@thread.tacv2';

export type Activity = Record<string, unknown> & { type: string; id: string; serviceUrl: string; conversation: { id: string } };

let counter = 0;
const freshId = (): string => String(1_710_000_000_000 + ++counter);

/** The 1:1 conversation id the builders use for a user (the same the fake connector gives them). */
export function personalConversationId(userId: string, tenantId = DEFAULT_TENANT): string {
  return `a:1${Buffer.from(`${tenantId}|${userId}`).toString('base64url')}`;
}

function base(spec: Where, scope: 'personal' | 'channel' | 'groupChat'): Activity {
  const tenantId = spec.tenantId ?? DEFAULT_TENANT;
  const from = spec.from ?? DEFAULT_USER;
  const bot = spec.bot ?? DEFAULT_BOT;
  const at = spec.timestamp ?? new Date();
  const locale = spec.locale ?? 'en-GB';
  const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
  let conversation: Record<string, unknown>;
  if (scope === 'personal') {
    conversation = { conversationType: 'personal', tenantId, id: spec.conversationId ?? personalConversationId(from.id, tenantId) };
  } else if (scope === 'channel') {
    const teamId = spec.teamId ?? DEFAULT_TEAM;
    const channelId = spec.conversationId?.split(';')[0] ?? DEFAULT_CHANNEL;
    conversation = { isGroup: true, conversationType: 'channel', tenantId, id: spec.conversationId ?? channelId };
    Object.assign(channelData, { teamsChannelId: channelId, teamsTeamId: teamId, channel: { id: channelId }, team: { id: teamId } });
  } else {
    conversation = { isGroup: true, conversationType: 'groupChat', tenantId, id: spec.conversationId ?? '19:group-chat@thread.v2' };
  }
  return {
    type: 'message',
    id: spec.id ?? freshId(),
    timestamp: at.toISOString(),
    localTimestamp: at.toISOString(),
    channelId: 'msteams',
    serviceUrl: spec.serviceUrl,
    from: { ...from },
    conversation: conversation as Activity['conversation'],
    recipient: { ...bot },
    locale,
    entities: [{ type: 'clientInfo', locale, country: 'GB', platform: 'Web', timezone: 'Europe/London' }],
    channelData,
  };
}

/** Builds one inbound activity. */
export function activity(spec: InboundSpec): Activity {
  switch (spec.kind) {
    case 'message':
      return { ...base(spec, 'personal'), textFormat: 'plain', text: spec.text };
    case 'mention': {
      const a = base(spec, spec.scope ?? 'channel');
      const bot = spec.bot ?? DEFAULT_BOT;
      const at = `<at>${bot.name ?? 'Stocktake'}</at>`;
      return {
        ...a,
        textFormat: 'plain',
        text: `${at} ${spec.text}`,
        entities: [{ type: 'mention', mentioned: { id: bot.id, name: bot.name ?? 'Stocktake' }, text: at }, ...(a.entities as unknown[])],
      };
    }
    case 'card-action': {
      const a = base(spec, spec.scope ?? 'personal');
      const out: Activity = { ...a, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: spec.verb, data: spec.data ?? {} }, trigger: 'manual' } };
      if (spec.replyToId !== undefined) out.replyToId = spec.replyToId;
      return out;
    }
    case 'file-consent': {
      const value: Record<string, unknown> = { type: 'fileUpload', action: spec.action, context: spec.context };
      if (spec.uploadInfo !== undefined) value.uploadInfo = spec.uploadInfo;
      const out: Activity = { ...base(spec, 'personal'), type: 'invoke', name: 'fileConsent/invoke', value };
      if (spec.replyToId !== undefined) out.replyToId = spec.replyToId;
      return out;
    }
    case 'install': {
      const scope = spec.scope ?? 'personal';
      const a = base(spec, scope);
      const bot = spec.bot ?? DEFAULT_BOT;
      const out: Activity = { ...a, type: 'conversationUpdate', membersAdded: [{ id: bot.id }] };
      delete out.locale;
      delete out.entities;
      if (scope === 'channel') (out.channelData as Record<string, unknown>).eventType = 'teamMemberAdded';
      return out;
    }
  }
}

/** A fresh UUID-shaped Entra object id for a made-up person. */
export function aadObjectId(): string {
  return randomUUID();
}

import type { App } from '@slack/bolt';
import { handleInbound } from '../../../src/chat/router.ts';
import { deliverReplies } from '../deliver.ts';
import type { ListenerDeps } from './listener-deps.ts';

/** App Home opened, and direct messages to the bot. */
export function registerEvents(app: App, { runtime }: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const replies = await handleInbound(runtime, { kind: 'home', caller: { platform: 'slack', userId: event.user } });
    await deliverReplies({ client, userId: event.user, channelId: null }, replies);
  });

  app.event('message', async ({ event, client }) => {
    // Only people writing to the bot directly; never the bot's own messages or edits.
    if (event.channel_type !== 'im' || event.subtype !== undefined || !('user' in event) || !event.user || 'bot_id' in event) return;
    const replies = await handleInbound(runtime, {
      kind: 'message',
      caller: { platform: 'slack', userId: event.user },
      place: { channelId: event.channel, direct: true },
      text: 'text' in event ? (event.text ?? '') : '',
    });
    await deliverReplies({ client, userId: event.user, channelId: event.channel }, replies);
  });
}

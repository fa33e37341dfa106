import type { App } from '@slack/bolt';
import { handleInbound } from '../../../src/chat/router.ts';
import { deliverReplies } from '../deliver.ts';
import type { ListenerDeps } from './listener-deps.ts';

/** `/overdue`, `/send-report` and `/stocktake …`: acknowledged at once, answered when the work is done. */
export function registerCommands(app: App, { runtime }: ListenerDeps): void {
  app.command(/^\/(overdue|send-report|stocktake)$/, async ({ command, ack, respond, client }) => {
    await ack();
    const replies = await handleInbound(runtime, {
      kind: 'command',
      caller: { platform: 'slack', userId: command.user_id, displayName: command.user_name },
      place: { channelId: command.channel_id, direct: command.channel_id.startsWith('D') || command.channel_name === 'directmessage' },
      name: command.command.replace(/^\//, ''),
      args: command.text ?? '',
    });
    await deliverReplies({ client, userId: command.user_id, channelId: command.channel_id, respond, triggerId: command.trigger_id }, replies);
  });
}

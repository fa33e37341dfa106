import type { App } from '@slack/bolt';
import { handleInbound } from '../../../src/chat/router.ts';
import { deliverReplies } from '../deliver.ts';
import type { ListenerDeps } from './listener-deps.ts';
import { workQueue } from './work-queue.ts';

/** Commands worked on at once; the rest wait their turn, already acknowledged. */
const COMMANDS_AT_ONCE = 2;

/**
 * `/overdue`, `/send-report` and `/stocktake …`: acknowledged at once (the HTTP receiver answers Slack on
 * `ack()`, as `processBeforeResponse` is off), answered when the work is done, a few at a time.
 */
export function registerCommands(app: App, { runtime }: ListenerDeps): void {
  const queue = workQueue(COMMANDS_AT_ONCE);
  app.command(/^\/(overdue|send-report|stocktake)$/, async ({ command, ack, respond, client }) => {
    await ack();
    await queue(async () => {
      const replies = await handleInbound(runtime, {
        kind: 'command',
        caller: { platform: 'slack', userId: command.user_id, displayName: command.user_name },
        place: { channelId: command.channel_id, direct: command.channel_id.startsWith('D') || command.channel_name === 'directmessage' },
        name: command.command.replace(/^\//, ''),
        args: command.text ?? '',
      });
      await deliverReplies({ client, userId: command.user_id, channelId: command.channel_id, respond, triggerId: command.trigger_id }, replies);
    });
  });
}

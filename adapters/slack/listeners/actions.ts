import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { handleInbound } from '../../../src/chat/router.ts';
import { deliverReplies } from '../deliver.ts';
import type { ListenerDeps } from './listener-deps.ts';

/** Every button: the neutral button id is the action_id, so one listener serves them all. */
export function registerActions(app: App, { runtime }: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, async ({ body, action, ack, respond, client }) => {
    await ack();
    const channelId = body.channel?.id ?? null;
    const replies = await handleInbound(runtime, {
      kind: 'button',
      caller: { platform: 'slack', userId: body.user.id },
      place: { channelId, direct: channelId?.startsWith('D') ?? true },
      id: action.action_id,
      value: action.value ?? '',
    });
    await deliverReplies({ client, userId: body.user.id, channelId, ...(body.response_url ? { respond } : {}), triggerId: body.trigger_id }, replies);
  });
}

import type { App } from '@slack/bolt';
import { handleInbound } from '../../../src/chat/router.ts';
import { deliverReplies } from '../deliver.ts';
import { readModalValues } from '../render/index.ts';
import type { ListenerDeps } from './listener-deps.ts';

/**
 * A submitted modal. Slack wants field errors in the acknowledgement itself, so the work is done
 * before acknowledging (well inside the 3 seconds: it is one database transaction).
 */
export function registerViews(app: App, { runtime }: ListenerDeps): void {
  app.view(/.+/, async ({ body, view, ack, client }) => {
    const replies = await handleInbound(runtime, {
      kind: 'form',
      caller: { platform: 'slack', userId: body.user.id },
      place: { channelId: null, direct: true },
      id: view.callback_id,
      state: view.private_metadata,
      values: readModalValues(view.state),
    });
    const errors = replies.find((r) => r.kind === 'form-errors');
    if (errors) {
      await ack({ response_action: 'errors', errors: errors.errors });
      return;
    }
    await ack();
    await deliverReplies({ client, userId: body.user.id, channelId: null }, replies);
  });
}

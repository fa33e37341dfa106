import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Message } from '../../src/chat/message.ts';
import type { Reply } from '../../src/chat/replies.ts';
import { renderBlockKit, renderHome, renderModal } from './render/index.ts';
import { withRateLimitRetry } from './rate-limit.ts';

/** Where a reply to one interaction can go. */
export interface SlackReplyTarget {
  client: WebClient;
  userId: string;
  /** Where the interaction happened; null from App Home or a modal. */
  channelId: string | null;
  /** The interaction's response_url, when it has one (commands, buttons in messages). */
  respond?: RespondFn;
  triggerId?: string;
}

// response_url takes five posts in thirty minutes: longer private answers go another way.
const RESPOND_LIMIT = 4;

/** Turns neutral replies into Slack calls. Form errors are not here: they go back in the modal's acknowledgement. */
export async function deliverReplies(target: SlackReplyTarget, replies: readonly Reply[]): Promise<void> {
  for (const reply of replies) {
    switch (reply.kind) {
      case 'private':
        await sendPrivately(target, reply.message);
        break;
      case 'replace': {
        const [first, ...rest] = renderBlockKit(reply.message);
        if (!target.respond || rest.length > 0) await sendPrivately(target, reply.message);
        else await target.respond({ replace_original: true, ...first! });
        break;
      }
      case 'post':
        await post(target.client, reply);
        break;
      case 'open-form':
        if (target.triggerId) {
          await withRateLimitRetry(() =>
            target.client.views.open({
              trigger_id: target.triggerId!,
              view: renderModal({ callbackId: reply.form.id, title: reply.form.title, submitLabel: reply.form.submitLabel, privateMetadata: reply.form.state, blocks: reply.form.blocks })
            }),
          );
        }
        break;
      case 'file': {
        const channel = await directChannel(target);
        const a = reply.attachment;
        await withRateLimitRetry(() =>
          target.client.filesUploadV2({
            channel_id: channel,
            filename: a.filename,
            title: a.title,
            initial_comment: reply.message.text,
            ...(typeof a.content === 'string' ? { content: a.content } : { file: Buffer.from(a.content) }),
          }),
        );
        break;
      }
      case 'home':
        await withRateLimitRetry(() => target.client.views.publish({ user_id: target.userId, view: renderHome(reply.message) }));
        break;
      case 'form-errors':
        break;
    }
  }
}

async function sendPrivately(target: SlackReplyTarget, message: Message): Promise<void> {
  const parts = renderBlockKit(message);
  if (target.respond && parts.length <= RESPOND_LIMIT) {
    for (const part of parts) await target.respond({ response_type: 'ephemeral', ...part });
    return;
  }
  const inChannel = target.channelId && !target.channelId.startsWith('D');
  const channel = inChannel ? target.channelId! : await directChannel(target);
  for (const part of parts) {
    await withRateLimitRetry(() =>
      inChannel
        ? target.client.chat.postEphemeral({ channel, user: target.userId, ...part })
        : target.client.chat.postMessage({ channel, ...part }),
    );
  }
}

async function directChannel(target: SlackReplyTarget): Promise<string> {
  if (target.channelId?.startsWith('D')) return target.channelId;
  const opened = await withRateLimitRetry(() => target.client.conversations.open({ users: target.userId }));
  return opened.channel!.id!;
}

async function post(client: WebClient, reply: Extract<Reply, { kind: 'post' }>): Promise<void> {
  const [first, ...rest] = renderBlockKit(reply.message);
  const top = await withRateLimitRetry(() => client.chat.postMessage({ channel: reply.channelId, ...first! }));
  const thread_ts = top.ts!;
  const inThread = [...rest, ...(reply.thread ?? []).flatMap((m) => renderBlockKit(m))];
  for (const part of inThread) {
    await withRateLimitRetry(() => client.chat.postMessage({ channel: reply.channelId, thread_ts, ...part }));
  }
  if (reply.attachment) {
    const a = reply.attachment;
    await withRateLimitRetry(() =>
      client.filesUploadV2({
        channel_id: reply.channelId,
        thread_ts,
        filename: a.filename,
        title: a.title,
        ...(typeof a.content === 'string' ? { content: a.content } : { file: Buffer.from(a.content) }),
      }),
    );
  }
}

import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-8f2c';
export const BOT_TOKEN = 'test-bot-test-token';

/** Signs a body exactly as Slack does: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}"). */
export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequest {
  body: string;
  contentType: string;
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** Sends a request to /slack/events the way Slack would, signature and all. */
export async function sendToSlackEndpoint(baseUrl: string, req: SignedRequest): Promise<Response> {
  const timestamp = req.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': req.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(req.body, timestamp, req.secret),
      ...req.headers,
    },
    body: req.body,
  });
}

export function slashCommand(fields: { command: string; text?: string; userId: string; channelId: string; responseUrl: string; channelName?: string }): SignedRequest {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'council',
    channel_id: fields.channelId,
    channel_name: fields.channelName ?? (fields.channelId.startsWith('D') ? 'directmessage' : 'send-board'),
    user_id: fields.userId,
    user_name: fields.userId.toLowerCase(),
    command: fields.command,
    text: fields.text ?? '',
    api_app_id: 'A0001',
    response_url: fields.responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
  return { body, contentType: 'application/x-www-form-urlencoded' };
}

function interaction(payload: object): SignedRequest {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

export function buttonClick(fields: { actionId: string; value: string; userId: string; channelId: string | null; responseUrl?: string }): SignedRequest {
  return interaction({
    type: 'block_actions',
    team: { id: 'T0001', domain: 'council' },
    user: { id: fields.userId, username: fields.userId.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    ...(fields.channelId ? { channel: { id: fields.channelId, name: 'send-board' }, container: { type: 'message', channel_id: fields.channelId } } : { container: { type: 'view' } }),
    ...(fields.responseUrl ? { response_url: fields.responseUrl } : {}),
    actions: [{ type: 'button', action_id: fields.actionId, block_id: 'b1', value: fields.value, action_ts: String(Date.now() / 1000) }],
  });
}

export function viewSubmission(fields: { callbackId: string; privateMetadata: string; userId: string; values: Record<string, Record<string, unknown>> }): SignedRequest {
  return interaction({
    type: 'view_submission',
    team: { id: 'T0001', domain: 'council' },
    user: { id: fields.userId, username: fields.userId.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      id: 'V0001',
      type: 'modal',
      callback_id: fields.callbackId,
      private_metadata: fields.privateMetadata,
      state: { values: fields.values },
      hash: 'h1',
    },
  });
}

export function eventCallback(event: Record<string, unknown>, eventId: string): SignedRequest {
  return {
    body: JSON.stringify({
      token: 'legacy-verification-token',
      team_id: 'T0001',
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event,
    }),
    contentType: 'application/json',
  };
}

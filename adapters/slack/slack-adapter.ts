import type { RequestListener } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../src/app/deps.ts';
import type { ChatRuntime } from '../../src/chat/router.ts';
import type { Logger } from '../logging/logger.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerActions } from './listeners/actions.ts';
import { registerCommands } from './listeners/commands.ts';
import { registerEvents } from './listeners/events.ts';
import { registerViews } from './listeners/views.ts';
import { seenRecently } from './seen-recently.ts';
import { slackDirectory } from './slack-directory.ts';

export interface SlackSettings {
  token: string;
  signingSecret: string;
  /** Socket Mode when set: for councils whose bot cannot be reached from the internet. */
  appToken?: string | undefined;
  /** The Web API base (tests point it at a loopback fake). */
  apiUrl?: string | undefined;
}

export interface SlackAdapter {
  /** For HTTP mode: mounted by our one server at /slack/events. Absent in Socket Mode. */
  requestListener: RequestListener | null;
  client: WebClient;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createSlackAdapter(settings: SlackSettings, deps: AppDeps, log: Logger): Promise<SlackAdapter> {
  const clientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    // The dispatcher and our retry own pacing: a 429 must not pause the client's whole queue.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 },
  };
  const client = new WebClient(settings.token, clientOptions);
  // One auth.test at start-up: without botId/botUserId Bolt would call it before every acknowledgement.
  const auth = await client.auth.test();
  const logger = boltLogger(log);
  const receiver: Receiver = settings.appToken
    ? new SocketModeReceiver({ appToken: settings.appToken, logger })
    : new HTTPReceiver({ signingSecret: settings.signingSecret, endpoints: '/slack/events', logger });
  const app = new App({
    token: settings.token,
    receiver,
    botId: auth.bot_id!,
    botUserId: auth.user_id!,
    tokenVerificationEnabled: false,
    clientOptions,
    logger,
  });

  const runtime: ChatRuntime = {
    deps,
    directory: slackDirectory(client),
    onError: (error, inbound) => log.error({ err: error, kind: inbound.kind }, 'Slack request failed'),
  };
  const duplicate = seenRecently();
  app.use(async ({ body, next, ack }) => {
    const b = body as { event_id?: string; trigger_id?: string; type?: string };
    // A retried event, or the same interaction delivered twice, is handled once.
    const id = b.event_id ?? (b.type === 'block_actions' ? b.trigger_id : undefined);
    if (duplicate(id)) {
      if (ack) await ack();
      return;
    }
    await next();
  });
  app.error(async (error) => {
    log.error({ err: error }, 'Slack listener failed');
  });
  for (const register of [registerCommands, registerActions, registerViews, registerEvents]) register(app, { runtime });

  return {
    requestListener: receiver instanceof HTTPReceiver ? receiver.requestListener : null,
    client,
    async start() {
      if (settings.appToken) await app.start();
    },
    async stop() {
      if (settings.appToken) await app.stop();
    },
  };
}

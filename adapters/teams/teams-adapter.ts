import type { IncomingMessage, ServerResponse } from 'node:http';
import { ActivityTypes, TurnContext, type Activity, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { identifyCaller } from '../../src/app/identity/identify-caller.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import type { ChatGateway } from '../../src/app/ports/outbox.ts';
import type { OutboxPayload } from '../../src/chat/outbox-payload.ts';
import { handleInbound, type ChatRuntime } from '../../src/chat/router.ts';
import type { Logger } from '../logging/logger.ts';
import { replyRetries } from './connector-retries.ts';
import { answerBadTokensWith401 } from './bad-token-401.ts';
import { deliverTeamsReplies, payloadActivities } from './deliver.ts';
import { sendProactively } from './proactive.ts';
import { unacceptedFile } from './files/deliver-file.ts';
import { readFileConsent } from './files/file-consent.ts';
import { teamsDirectory } from './teams-directory.ts';
import { createTeamsGateway } from './teams-gateway.ts';
import { teamsUserId, toInbound } from './translate-activity.ts';

export interface TeamsSettings {
  appId?: string | undefined;
  appPassword?: string | undefined;
  tenantId?: string | undefined;
  /** Channel posts' service URL until an activity gives one. */
  serviceUrl?: string | undefined;
}

export interface TeamsEndpoint {
  /** Local mode: no credentials, so activities are not authenticated and only loopback callers are served. */
  localMode: boolean;
  route: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  gateway: ChatGateway;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
const MAX_BODY = 1_000_000;

export function createTeamsEndpoint(settings: TeamsSettings, deps: AppDeps, log: Logger): TeamsEndpoint {
  const localMode = !settings.appId;
  const adapter = new TeamsAdapter(
    localMode
      ? {}
      : {
          MicrosoftAppId: settings.appId,
          MicrosoftAppPassword: settings.appPassword,
          MicrosoftAppTenantId: settings.tenantId,
          MicrosoftAppType: settings.tenantId ? 'SingleTenant' : 'MultiTenant',
        },
  );
  if (!localMode) answerBadTokensWith401(adapter);
  adapter.use(replyRetries);
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, 'Teams turn failed');
    await context.sendActivity('Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.').catch(() => {});
  };
  let lastServiceUrl: string | null = null;

  const postToChannel = async (channelId: string, payload: OutboxPayload, from: Partial<ConversationReference>) => {
    const reference: Partial<ConversationReference> = { serviceUrl: from.serviceUrl, channelId: 'msteams', conversation: { id: channelId, isGroup: true, conversationType: 'channel', name: '' } };
    const incomplete = (error: unknown) => log.warn({ err: error, channelId }, 'channel post sent, but its later parts did not all arrive');
    await sendProactively(adapter, settings.appId ?? '', reference, payloadActivities(payload), { firstRetries: 'throttled', incomplete });
  };

  // Creating a 1:1 conversation that exists already gives back the same one, so nothing needs storing first.
  const toCallerDirectly = async (from: Partial<Activity>, activities: Partial<Activity>[]) => {
    const tenantId = from.conversation?.tenantId;
    const parameters = { isGroup: false, bot: from.recipient, members: [from.from], tenantId, channelData: { tenant: { id: tenantId } } } as ConversationParameters;
    await adapter.createConversationAsync(settings.appId ?? '', 'msteams', from.serviceUrl ?? '', AuthenticationConstants.ToChannelFromBotOAuthScope, parameters, async (ctx) => {
      for (const activity of activities) await ctx.sendActivity(activity);
    });
  };

  const logic = async (context: TurnContext) => {
    const activity = context.activity;
    lastServiceUrl = activity.serviceUrl ?? lastServiceUrl;
    const directory = teamsDirectory(context);
    // Remember how to reach a person proactively whenever they talk to the bot 1:1 or install it.
    if (activity.conversation?.conversationType === 'personal' && teamsUserId(activity)) {
      const person = await identifyCaller(deps, 'teams', teamsUserId(activity), directory);
      if (person.ok) await deps.store.people.setTeamsConversation(person.value.id, TurnContext.getConversationReference(activity));
    }
    if (activity.type === ActivityTypes.ConversationUpdate) {
      const botAdded = activity.membersAdded?.some((m) => m.id === activity.recipient?.id);
      if (botAdded && activity.conversation?.conversationType === 'personal') {
        await context.sendActivity('Hello — I am Stocktake. I will ask you for progress on your actions before each board. Type “help” to see what I can do.');
      }
      return;
    }
    // A file accepted is made again from the button press its consent card carried (files/file-consent.ts).
    const consent = readFileConsent(activity);
    if (consent && consent.action !== 'accept') return deliverTeamsReplies({ context, postToChannel, toCallerDirectly }, [unacceptedFile(consent)]);
    const inbound = consent ? consent.inbound : toInbound(activity);
    if (!inbound) return;
    const runtime: ChatRuntime = { deps, directory, onError: (error, i) => log.error({ err: error, kind: i.kind }, 'Teams request failed') };
    const replies = await handleInbound(runtime, inbound);
    await deliverTeamsReplies({ context, postToChannel, toCallerDirectly }, replies);
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    if (localMode && !LOOPBACK.test(req.socket.remoteAddress ?? '')) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Teams is in local mode: only this machine may call /api/messages.' }));
      return;
    }
    const body = await readJson(req);
    if (body === null) return void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'The body must be a JSON activity.' }));
    await adapter.process({ body, headers: req.headers as Record<string, string>, method: req.method }, expressLike(res), logic);
  };

  return {
    localMode,
    route,
    gateway: createTeamsGateway({ adapter, appId: settings.appId ?? '', people: deps.store.people, serviceUrl: () => lastServiceUrl ?? settings.serviceUrl ?? null, log: log.child({ component: 'teams-outbox' }) }),
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/** The express-style response botbuilder's adapter writes to. */
function expressLike(res: ServerResponse) {
  let status = 200;
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    send(body?: unknown) {
      if (res.headersSent) return this;
      if (body === undefined || body === null) res.writeHead(status).end();
      else res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
      return this;
    },
    end() {
      if (!res.writableEnded) {
        if (!res.headersSent) res.writeHead(status);
        res.end();
      }
      return this;
    },
  };
}

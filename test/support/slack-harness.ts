import type { AppDeps } from '../../src/app/deps.ts';
import type { Gateways } from '../../src/app/outbox/dispatch-outbox.ts';
import { loadConfig } from '../../src/config.ts';
import { startHttpServer } from '../../adapters/http/http-server.ts';
import { createLogger } from '../../adapters/logging/logger.ts';
import { createGateways } from '../../adapters/outbound/gateways.ts';
import { createSlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { CAST } from '../scenarios/cast.ts';
import { seedChatWorld } from '../scenarios/world.ts';
import { botDeps, openEmbeddedCopy, type HarnessOptions } from './chat-bot.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack/index.ts';
import { BOT_TOKEN, SIGNING_SECRET, sendToSlackEndpoint, type SignedRequest } from './slack-requests.ts';

/** Slack users of the Hull demo: leads, the chair, the programme manager, an outsider, and someone the directory lacks. */
export const USERS = {
  alex: { id: 'U0ALEX', ...CAST.alex },
  priya: { id: 'U0PRIYA', ...CAST.priya },
  helen: { id: 'U0HELEN', ...CAST.helen },
  nadia: { id: 'U0NADIA', ...CAST.nadia },
  olu: { id: 'U0OLU', ...CAST.olu },
  stranger: { id: 'U0STRANGE', ...CAST.stranger },
} as const;

export const GOVERNANCE_CHANNEL = 'C0GOVERN';
export const OTHER_CHANNEL = 'C0RANDOM';

export interface SlackHarness {
  fake: FakeSlack;
  baseUrl: string;
  deps: AppDeps;
  /** Outbound messages (prompts, chasers, reports) as the scheduler sends them, through the same fake. */
  gateways: Gateways;
  send(req: SignedRequest): Promise<Response>;
  /** Hull's plan, people, board and roles, as every chat test starts (done at start unless the database is the caller's). */
  seed(): Promise<void>;
  stop(): Promise<void>;
}

/** The real bot (Bolt's receiver, real signatures, real database) against a loopback Slack, seeded with Hull's plan. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack({ token: BOT_TOKEN, users: Object.values(USERS) });
  const owned = options.db ? null : await openEmbeddedCopy();
  const db = options.db ?? owned!.db;
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.url, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const log = createLogger(config.LOG_LEVEL);
  const deps = botDeps(db, config.STOCKTAKE_TIMEZONE, options.clockStart);
  const slack = await createSlackAdapter({ token: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.url }, deps, log);
  const server = await startHttpServer(0, { '/slack/events': slack.requestListener! }, (error) => log.error({ err: error }, 'request failed'));
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const seed = () => seedChatWorld(deps, { slackChannel: GOVERNANCE_CHANNEL });
  if (owned) await seed();
  return {
    fake,
    baseUrl,
    deps,
    gateways: createGateways(config, deps, log),
    send: (req) => sendToSlackEndpoint(baseUrl, req),
    seed,
    async stop() {
      await server.close();
      await fake.close();
      await owned?.dispose();
    },
  };
}

/** The plain words of a Block Kit payload, for asserting on what a person would read. */
export function wordsOf(payload: unknown): string {
  return JSON.stringify(payload).replace(/\\n/g, ' ');
}

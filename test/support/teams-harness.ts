import type { AppDeps } from '../../src/app/deps.ts';
import type { Gateways } from '../../src/app/outbox/dispatch-outbox.ts';
import { loadConfig } from '../../src/config.ts';
import { startHttpServer } from '../../adapters/http/http-server.ts';
import { createLogger } from '../../adapters/logging/logger.ts';
import { createTeamsEndpoint } from '../../adapters/teams/teams-adapter.ts';
import { CAST } from '../scenarios/cast.ts';
import { seedChatWorld } from '../scenarios/world.ts';
import { botDeps, openEmbeddedCopy, type HarnessOptions } from './chat-bot.ts';
import { activity, startFakeTeamsConnector, type Activity, type FakeTeamsConnector, type InboundSpec } from './fake-teams/index.ts';

/** Teams members of the Hull demo, by AAD object id, with the emails the directory knows. */
export const MEMBERS = {
  priya: { id: '29:priya', aadObjectId: 'aad-priya', ...CAST.priya },
  alex: { id: '29:alex', aadObjectId: 'aad-alex', ...CAST.alex },
  helen: { id: '29:helen', aadObjectId: 'aad-helen', ...CAST.helen },
  nadia: { id: '29:nadia', aadObjectId: 'aad-nadia', ...CAST.nadia },
  olu: { id: '29:olu', aadObjectId: 'aad-olu', ...CAST.olu },
  stranger: { id: '29:stranger', aadObjectId: 'aad-stranger', ...CAST.stranger },
} as const;

export const TEAMS_GOVERNANCE = '19:channel-governance@thread.tacv2';

export interface TeamsHarness {
  connector: FakeTeamsConnector;
  baseUrl: string;
  deps: AppDeps;
  /** Outbound messages (prompts, chasers, reports) as the scheduler sends them, through the server's Teams gateway. */
  gateways: Gateways;
  /** Sends an activity to /api/messages as the Teams service would; returns the HTTP response. */
  send(spec: InboundSpec): Promise<Response>;
  /** Sends an activity already built (e.g. one changed after `activity(spec)`). */
  post(activity: Activity): Promise<Response>;
  /** Hull's plan, people, board and roles, as every chat test starts (done at start unless the database is the caller's). */
  seed(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real bot (botbuilder's adapter, real database) against a loopback Bot Connector, seeded with
 * Hull's plan. `env` holds Teams settings (`MICROSOFT_APP_ID`…): none means local mode.
 */
export async function startTeamsHarness(env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<TeamsHarness> {
  const connector = await startFakeTeamsConnector({ members: Object.values(MEMBERS) });
  const owned = options.db ? null : await openEmbeddedCopy();
  const db = options.db ?? owned!.db;
  const config = loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const log = createLogger(config.LOG_LEVEL);
  const deps = botDeps(db, config.STOCKTAKE_TIMEZONE, options.clockStart);
  const teams = createTeamsEndpoint({ appId: config.MICROSOFT_APP_ID, appPassword: config.MICROSOFT_APP_PASSWORD, tenantId: config.MICROSOFT_APP_TENANT_ID }, deps, log);
  const server = await startHttpServer(0, { '/api/messages': teams.route }, (error) => log.error({ err: error }, 'request failed'));
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const seed = () => seedChatWorld(deps, { teamsChannel: TEAMS_GOVERNANCE });
  if (owned) await seed();
  const post = (body: Activity) => fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    connector,
    baseUrl,
    deps,
    gateways: { teams: teams.gateway },
    send: (spec) => post(activity(spec)),
    post,
    seed,
    async stop() {
      await server.close();
      await connector.close();
      await owned?.dispose();
    },
  };
}

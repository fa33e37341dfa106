import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { startStocktake } from '../../src/main.ts';
import { activity, startFakeTeamsConnector, type FakeTeamsConnector, type InboundSpec } from './fake-teams/index.ts';
import { seedHull } from './seed-hull.ts';

/** Teams members of the Hull demo, by AAD object id, with the emails the directory knows. */
export const MEMBERS = {
  priya: { id: '29:priya', name: 'Priya Shah', aadObjectId: 'aad-priya', email: 'priya.shah@hull.example' },
  alex: { id: '29:alex', name: 'Alex Morgan', aadObjectId: 'aad-alex', email: 'alex.morgan@hull.example' },
  helen: { id: '29:helen', name: 'Helen Carter', aadObjectId: 'aad-helen', email: 'helen.carter@hull.example' },
  nadia: { id: '29:nadia', name: 'Nadia Hussain', aadObjectId: 'aad-nadia', email: 'nadia.hussain@hull.example' },
  stranger: { id: '29:stranger', name: 'Sam Stranger', aadObjectId: 'aad-stranger', email: 'sam@elsewhere.example' },
} as const;

export const TEAMS_GOVERNANCE = '19:channel-governance@thread.tacv2';

export interface TeamsHarness {
  connector: FakeTeamsConnector;
  baseUrl: string;
  deps: AppDeps;
  /** Sends an activity to /api/messages as the Teams service would; returns the HTTP response. */
  send(spec: InboundSpec): Promise<Response>;
  stop(): Promise<void>;
}

/** The real bot (botbuilder's adapter, real database) against a loopback Bot Connector, seeded with Hull's plan. */
export async function startTeamsHarness(env: Record<string, string> = {}): Promise<TeamsHarness> {
  const connector = await startFakeTeamsConnector({ members: Object.values(MEMBERS) });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-teams-'));
  await cp(inject('embeddedTemplate'), dataDir, { recursive: true });
  const running = await startStocktake({ PORT: '0', STOCKTAKE_DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', STOCKTAKE_SCHEDULER: 'off', ...env });
  await seedHull(running.deps, { teamsChannel: TEAMS_GOVERNANCE });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    connector,
    baseUrl,
    deps: running.deps,
    send: (spec) =>
      fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity(spec)),
      }),
    async stop() {
      await running.stop();
      await connector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

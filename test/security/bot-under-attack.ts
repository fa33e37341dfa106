import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppDeps } from '../../src/app/deps.ts';
import { startStocktake } from '../../src/main.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../support/fake-teams/index.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/slack-requests.ts';
import { PEOPLE } from './support.ts';

export interface BotUnderAttack {
  baseUrl: string;
  deps: AppDeps;
  slack: FakeSlack;
  teams: FakeTeamsConnector;
  stop(): Promise<void>;
}

/**
 * The whole bot (Bolt's receiver at /slack/events, botbuilder's adapter at /api/messages) on the
 * test's own database, against a loopback Slack and Bot Connector. `env` adds settings, such as
 * Teams credentials.
 */
export async function startBotUnderAttack(db: Database, env: Record<string, string> = {}): Promise<BotUnderAttack> {
  const slack = await startFakeSlack({ token: BOT_TOKEN, users: Object.values(PEOPLE).map((p) => p.slack) });
  const teams = await startFakeTeamsConnector({ members: Object.values(PEOPLE).map((p) => p.teams) });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-security-'));
  const running = await startStocktake({
    PORT: '0',
    // The test's database, embedded or PostgreSQL, reached as a server either way.
    DATABASE_URL: (db.pool.options as { connectionString: string }).connectionString,
    STOCKTAKE_DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    STOCKTAKE_SCHEDULER: 'off',
    ...env,
  });
  return {
    baseUrl: `http://127.0.0.1:${running.port}`,
    deps: running.deps,
    slack,
    teams,
    async stop() {
      await running.stop();
      await slack.close();
      await teams.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

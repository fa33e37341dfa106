import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { startStocktake } from '../../src/main.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack/index.ts';
import { seedHull } from './seed-hull.ts';
import { BOT_TOKEN, SIGNING_SECRET, sendToSlackEndpoint, type SignedRequest } from './slack-requests.ts';

/** Slack users of the Hull demo: the lead, the chair, the programme manager, and someone the directory lacks. */
export const USERS = {
  alex: { id: 'U0ALEX', name: 'Alex Morgan', email: 'alex.morgan@hull.example' },
  priya: { id: 'U0PRIYA', name: 'Priya Shah', email: 'priya.shah@hull.example' },
  helen: { id: 'U0HELEN', name: 'Helen Carter', email: 'helen.carter@hull.example' },
  nadia: { id: 'U0NADIA', name: 'Nadia Hussain', email: 'nadia.hussain@hull.example' },
  stranger: { id: 'U0STRANGE', name: 'Sam Stranger', email: 'sam@elsewhere.example' },
} as const;

export const GOVERNANCE_CHANNEL = 'C0GOVERN';
export const OTHER_CHANNEL = 'C0RANDOM';

export interface SlackHarness {
  fake: FakeSlack;
  baseUrl: string;
  deps: AppDeps;
  send(req: SignedRequest): Promise<Response>;
  stop(): Promise<void>;
}

/** The real bot (Bolt's receiver, real signatures, real database) against a loopback Slack, seeded with Hull's plan. */
export async function startSlackHarness(): Promise<SlackHarness> {
  const fake = await startFakeSlack({ token: BOT_TOKEN, users: Object.values(USERS) });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-slack-'));
  await cp(inject('embeddedTemplate'), dataDir, { recursive: true });
  const running = await startStocktake({
    PORT: '0',
    STOCKTAKE_DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    LOG_LEVEL: 'silent',
    STOCKTAKE_SCHEDULER: 'off',
  });
  const deps = running.deps;
  await seedHull(deps, { slackChannel: GOVERNANCE_CHANNEL });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    fake,
    baseUrl,
    deps,
    send: (req) => sendToSlackEndpoint(baseUrl, req),
    async stop() {
      await running.stop();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The plain words of a Block Kit payload, for asserting on what a person would read. */
export function wordsOf(payload: unknown): string {
  return JSON.stringify(payload).replace(/\\n/g, ' ');
}

import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../adapters/store/open-database.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { HULL_SLACK_PEOPLE, hullSlackUsers, seedHullBoardCycle } from '../support/hull-board-cycle.ts';

export const TOKEN = 'test-bot-faults';

// Tue 14 May 2024: the prompts fall due on Tue 7 May at 09:30 BST.
export const PROMPTS_DUE = new Date('2024-05-07T08:30:00Z');
/** Past the dispatcher's 120 s lease, by the tick's own clock: rows left `sending` are reconciled. */
export const AFTER_LEASE = new Date(PROMPTS_DUE.getTime() + 3 * 60_000);

export const startHullSlack = (): Promise<FakeSlack> => startFakeSlack({ token: TOKEN, users: hullSlackUsers() });

/** A copy of the migrated embedded template, seeded with Hull (its board meeting on `meetings`) and closed again, so that child processes can take its lock. */
export async function seededDataDir(meetings?: string[]): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-faults-'));
  await cp(inject('embeddedTemplate'), dir, { recursive: true });
  const db = await openDatabase({ dataDir: dir });
  try {
    await seedHullBoardCycle(db, meetings);
  } finally {
    await db.close();
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** How many messages carrying each outbox key that starts with `prefix` every DM holds, keyed by Slack user. */
export function promptsPerLead(fake: FakeSlack, prefix = 'prompt:'): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [userId] of HULL_SLACK_PEOPLE) {
    const keys = new Map<string, number>();
    for (const m of fake.messagesIn(fake.dmChannelFor(userId))) {
      const key = m.metadata?.event_payload?.key;
      if (typeof key === 'string' && key.startsWith(prefix)) keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    if (keys.size > 0) out.set(userId, keys);
  }
  return out;
}

/** Flattens `promptsPerLead` into "user key ×n" lines, so a failure names who got what. */
export function describePrompts(fake: FakeSlack): string[] {
  return [...promptsPerLead(fake)].flatMap(([user, keys]) => [...keys].map(([key, n]) => `${user} ${key} ×${n}`)).sort();
}

/** Every DM that holds a prompt holds exactly one, and every lead has one. */
export function expectOnePromptPerLead(fake: FakeSlack): { leads: number; duplicates: string[] } {
  const per = promptsPerLead(fake);
  const duplicates = [...per].flatMap(([user, keys]) => {
    const total = [...keys.values()].reduce((a, b) => a + b, 0);
    return total === 1 ? [] : [`${user}: ${total} prompts (${[...keys].map(([k, n]) => `${k} ×${n}`).join(', ')})`];
  });
  return { leads: per.size, duplicates };
}

/** The outbox's rows whose key starts with `prefix`, as `key → state`. */
export async function outboxStates(db: Database, prefix = 'prompt:'): Promise<Map<string, string>> {
  const rows = await db.prisma.outbox.findMany({ where: { key: { startsWith: prefix } }, select: { key: true, state: true } });
  return new Map(rows.map((r) => [r.key, r.state]));
}

/** Opens a data directory (or PostgreSQL database) no process is using, reads what a test needs, and closes it again. */
export async function readDatabase<T>(where: { dataDir?: string; databaseUrl?: string }, read: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: where.dataDir ?? '', databaseUrl: where.databaseUrl, migrate: false });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

export interface TickSummary {
  due: number;
  queued: number;
  sent: number;
  retrying: number;
  failed: number;
  cutShort: { arrived: number; queuedAgain: number; unknown: number };
}

/** Reads the line `tick` prints: "N message(s) due, N newly queued; sent N, retrying N, failed N[; sends cut short: …]." */
export function tickSummary(stdout: string): TickSummary {
  const m = /(\d+) message\(s\) due, (\d+) newly queued; sent (\d+), retrying (\d+), failed (\d+)(?:; sends cut short: (\d+) had arrived, (\d+) queued again, (\d+) unknown)?/.exec(stdout);
  if (!m) throw new Error(`tick printed no summary: ${JSON.stringify(stdout)}`);
  const n = (i: number) => Number(m[i] ?? 0);
  return { due: n(1), queued: n(2), sent: n(3), retrying: n(4), failed: n(5), cutShort: { arrived: n(6), queuedAgain: n(7), unknown: n(8) } };
}

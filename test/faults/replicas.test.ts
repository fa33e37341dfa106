import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/store/open-database.ts';
import { dropTestDatabase } from '../support/databases.ts';
import type { FakeSlack } from '../support/fake-slack/index.ts';
import { killHard, startTick, type TickOutcome } from '../support/tick-process.ts';
import { LEADS_PROMPTED, seedHullBoardCycle } from '../support/hull-board-cycle.ts';
import { describePrompts, expectOnePromptPerLead, outboxStates, PROMPTS_DUE, readDatabase, startHullSlack, tickSummary, TOKEN } from './hull-cycle.ts';

/**
 * DESIGN decision 1 (several replicas may share one PostgreSQL database) and decision 3 (two replicas
 * can never create a second row or a second message). Each test starts two or three real `tick`
 * processes on one database and makes them meet: a transaction of the test's own holds the outbox
 * table locked until every replica is waiting on it, then lets them all go at once, so they decide
 * what is due, enqueue and claim at the same moment.
 */

const ADMIN_URL = process.env.TEST_DATABASE_URL;
// In CI the PostgreSQL path must run, not skip (as test/support/databases.ts does).
if (!ADMIN_URL && process.env.CI === 'true') throw new Error('TEST_DATABASE_URL is not set: in CI the PostgreSQL tests must run, not skip.');

const PREFIX = `stocktake_faults_${randomBytes(4).toString('hex')}`;
const urlOf = (database: string, applicationName?: string) => {
  const url = new URL(ADMIN_URL!);
  url.pathname = `/${database}`;
  if (applicationName) url.searchParams.set('application_name', applicationName);
  return url.toString();
};

// Starting, meeting and finishing: a few tick processes side by side on a busy two-core machine.
const REPLICAS_TIMEOUT = 150_000;

describe.skipIf(!ADMIN_URL)('tick replicas started at the same moment on one PostgreSQL database', () => {
  let admin: pg.Client;
  const template = `${PREFIX}_seeded`;
  const databases: string[] = [];
  const children = new Set<ChildProcess>();
  let fake: FakeSlack | undefined;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    // Migrated and seeded once; each test gets a copy (CREATE DATABASE … TEMPLATE).
    await admin.query(`CREATE DATABASE ${template}`);
    const db = await openDatabase({ databaseUrl: urlOf(template), dataDir: '' });
    try {
      await seedHullBoardCycle(db);
    } finally {
      await db.close();
    }
  });

  afterEach(async () => {
    for (const child of children) await killHard(child);
    children.clear();
    await fake?.close();
    fake = undefined;
  });

  afterAll(async () => {
    if (!admin) return;
    for (const name of [...databases, template]) await dropTestDatabase(admin, name);
    await admin.end();
  });

  async function freshDatabase(): Promise<string> {
    const name = `${PREFIX}_${databases.length + 1}`;
    databases.push(name);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    return name;
  }

  /** Starts `count` ticks with the outbox locked, waits until every one is blocked on it, then lets them all go together. */
  async function replicasMeeting(database: string, count: number): Promise<TickOutcome[]> {
    const gate = new pg.Client({ connectionString: urlOf(database, 'faults-gate') });
    await gate.connect();
    try {
      await gate.query('BEGIN');
      await gate.query('LOCK TABLE "Outbox" IN ACCESS EXCLUSIVE MODE');
      const names = Array.from({ length: count }, (_, i) => `stocktake-replica-${i + 1}`);
      const started = names.map((name) => {
        const tick = startTick({ now: PROMPTS_DUE, slackApiUrl: fake!.url, slackToken: TOKEN, databaseUrl: urlOf(database, name) });
        children.add(tick.child);
        return tick;
      });
      const finished = new Set<number>();
      started.forEach((t, i) => void t.done.then(() => finished.add(i)));

      // Every replica is at the door: a query of its own waits for the outbox's lock.
      const deadline = Date.now() + 90_000;
      for (;;) {
        // Asked from another session: inside the gate's transaction pg_stat_activity would stay as it first read it.
        const { rows } = await admin.query<{ application_name: string }>(
          `SELECT DISTINCT application_name FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND application_name LIKE 'stocktake-replica-%'`,
          [database],
        );
        if (rows.length === count) break;
        if (finished.size > 0) {
          const early = await started[[...finished][0]!]!.done;
          throw new Error(`A replica ended before it reached the outbox: ${early.code ?? early.signal}\n${early.stdout}${early.stderr}`);
        }
        if (Date.now() > deadline) {
          const { rows: activity } = await admin.query(`SELECT application_name, state, wait_event_type, wait_event, left(query, 120) AS query FROM pg_stat_activity WHERE datname = $1`, [database]);
          const outputs = await Promise.all(started.map((t) => killHard(t.child, t.done)));
          throw new Error(
            `Only ${rows.length} of ${count} replicas reached the outbox within 90 s.\nSessions: ${JSON.stringify(activity, null, 1)}\nReplicas: ${outputs.map((o) => `${o.stdout}${o.stderr}`).join('\n---\n')}`,
          );
        }
        await sleep(50);
      }
      await gate.query('COMMIT');
      return await Promise.all(started.map((t) => t.done));
    } finally {
      await gate.end().catch(() => {});
    }
  }

  async function expectEachLeadPromptedOnce(outcomes: TickOutcome[], database: string): Promise<void> {
    for (const o of outcomes) expect(o.code, `a replica exited with ${o.code ?? o.signal}:\n${o.stdout}${o.stderr}`).toBe(0);
    const summaries = outcomes.map((o) => tickSummary(o.stdout));
    // One row per key however many replicas enqueued it, and each row sent by exactly one of them.
    expect(summaries.reduce((n, s) => n + s.queued, 0)).toBe(LEADS_PROMPTED);
    expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(LEADS_PROMPTED);
    expect(summaries.map((s) => s.failed)).toEqual(outcomes.map(() => 0));

    const { leads, duplicates } = expectOnePromptPerLead(fake!);
    expect(duplicates, describePrompts(fake!).join('\n')).toEqual([]);
    expect(leads).toBe(LEADS_PROMPTED);
    const posts = fake!.callsTo('chat.postMessage').filter((c) => String((c.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? '').startsWith('prompt:'));
    expect(posts).toHaveLength(LEADS_PROMPTED);

    const states = await readDatabase({ databaseUrl: urlOf(database) }, (db) => outboxStates(db, ''));
    expect([...states].filter(([key]) => key.startsWith('prompt:'))).toHaveLength(LEADS_PROMPTED);
    expect([...states].filter(([, state]) => state !== 'sent')).toEqual([]);
  }

  it('sends each lead one prompt when two replicas tick at the same moment', async () => {
    const database = await freshDatabase();
    fake = await startHullSlack();
    const outcomes = await replicasMeeting(database, 2);
    await expectEachLeadPromptedOnce(outcomes, database);
  }, REPLICAS_TIMEOUT);

  it('sends each lead one prompt when three replicas tick at the same moment', async () => {
    const database = await freshDatabase();
    fake = await startHullSlack();
    const outcomes = await replicasMeeting(database, 3);
    await expectEachLeadPromptedOnce(outcomes, database);
  }, REPLICAS_TIMEOUT);
});

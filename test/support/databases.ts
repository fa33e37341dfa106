import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../adapters/store/open-database.ts';

export interface TestDatabase {
  name: string;
  open(): Promise<{ db: Database; dispose(): Promise<void> }>;
}

const embedded: TestDatabase = {
  name: 'embedded PGlite',
  async open() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-test-'));
    await cp(inject('embeddedTemplate'), dir, { recursive: true });
    const db = await openDatabase({ dataDir: dir });
    return {
      db,
      async dispose() {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

/**
 * Drops a test database. FORCE ends our own leftover sessions, but is refused (42501) while an autovacuum
 * worker, which belongs to the superuser, is in it; a plain DROP asks that worker to leave, so it is the
 * fallback.
 */
export async function dropTestDatabase(admin: pg.Client, name: string): Promise<void> {
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  }
}

const postgres: TestDatabase = {
  name: 'PostgreSQL',
  async open() {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `stocktake_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    return {
      db,
      async dispose() {
        await db.close();
        await dropTestDatabase(admin, name);
        await admin.end();
      },
    };
  },
};

/** The PostgreSQL path must run in CI; on a developer's machine without a server it is skipped. */
function databasesUnderTest(): { db: TestDatabase; skip: boolean }[] {
  const hasServer = Boolean(process.env.TEST_DATABASE_URL);
  if (!hasServer && process.env.CI === 'true') {
    throw new Error('TEST_DATABASE_URL is not set: in CI the PostgreSQL tests must run, not skip.');
  }
  return [
    { db: embedded, skip: false },
    { db: postgres, skip: !hasServer },
  ];
}

const TABLES_TO_KEEP = new Set(['_prisma_migrations']);

/** Empties every table between tests so each starts from a migrated, empty database. */
export async function resetDatabase(db: Database): Promise<void> {
  const { rows } = await db.pool.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  const tables = rows.map((r) => r.tablename).filter((t) => !TABLES_TO_KEEP.has(t));
  if (tables.length) await db.pool.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
}

/** Runs a suite once per database: embedded PGlite, and the real PostgreSQL server. */
export function describeEachDatabase(title: string, body: (get: () => Database) => void): void {
  for (const { db: target, skip } of databasesUnderTest()) {
    (skip ? describe.skip : describe)(`${title} (${target.name})`, () => {
      let opened: Awaited<ReturnType<TestDatabase['open']>> | undefined;
      beforeAll(async () => {
        opened = await target.open();
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      beforeEach(async () => {
        await resetDatabase(opened!.db);
      });
      body(() => opened!.db);
    });
  }
}

export { it };

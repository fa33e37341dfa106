import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../adapters/store/open-database.ts';
import type { TargetName } from './options.ts';

export interface OpenedTarget {
  label: string;
  db: Database;
  /** Time to open the database: initdb and migrations for a new embedded directory, migrations for PostgreSQL. */
  openMs: number;
  /** The settings that point a bot at this database (`STOCKTAKE_DATA_DIR` or `DATABASE_URL`). */
  env: Record<string, string>;
  /** Closes the bench's connection and keeps the database, so that a bot process can open it. */
  close(): Promise<void>;
  /** Closes (if still open) and removes the database. */
  dispose(): Promise<void>;
}

export const LABELS: Record<TargetName, string> = { embedded: 'embedded PGlite', postgres: 'PostgreSQL' };

/** The server the PostgreSQL run uses, if any: a role that may CREATE DATABASE. */
export function postgresAdminUrl(): string | null {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
}

export const POSTGRES_SKIPPED = `PostgreSQL run skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a role that may CREATE DATABASE, e.g.
  pg_ctlcluster 15 main start          # as root
  (cd / && runuser -u postgres -- psql -c "CREATE ROLE bench LOGIN CREATEDB PASSWORD 'bench'")
  BENCH_DATABASE_URL=postgresql://bench:bench@127.0.0.1:5432/postgres npm run bench`;

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}

/** A fresh, migrated database: a new embedded data directory, or a throwaway database on the server. */
export async function openTarget(name: TargetName): Promise<OpenedTarget> {
  return name === 'embedded' ? openEmbedded() : openPostgres();
}

async function openEmbedded(): Promise<OpenedTarget> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-bench-'));
  const started = performance.now();
  try {
    const db = await openDatabase({ dataDir: dir });
    const close = once(() => db.close());
    return {
      label: LABELS.embedded,
      db,
      openMs: performance.now() - started,
      env: { STOCKTAKE_DATA_DIR: dir },
      close,
      async dispose() {
        await close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function openPostgres(): Promise<OpenedTarget> {
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) throw new Error(POSTGRES_SKIPPED);
  const name = `stocktake_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const started = performance.now();
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    const { rows } = await db.pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    const close = once(() => db.close());
    return {
      label: `${LABELS.postgres} ${rows[0]!.v.split(' ')[0]}`,
      db,
      openMs: performance.now() - started,
      env: { DATABASE_URL: url.toString() },
      close,
      async dispose() {
        await close();
        await drop();
      },
    };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { startEmbeddedPostgres } from './embedded/embedded-postgres.ts';
import { readServerInfo, releaseLock, tryLock, writeServerInfo } from './embedded/data-dir-lock.ts';
import { applyMigrations, pendingMigrations } from './migrate.ts';

export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
  /** For logs: "PostgreSQL", "embedded (./data)" or "embedded via the running server (pid 123)". */
  description: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Apply pending migrations on open (start-up and CLI commands do; `migrate` reports what it applied). */
  migrate?: boolean;
  poolSize?: number;
  onMigrated?: (names: string[]) => void;
  /**
   * Share the embedded database with other processes (`npm start` does): it writes server.json so that
   * `npx stocktake` commands connect through it. A short-lived command never shares, or a second command
   * would lose its connection when the first one ends.
   */
  share?: boolean;
}

export class DatabaseBusyError extends Error {}

const TIMESTAMP_OID = 1114;

/** A timestamp without zone read by hand-written queries is UTC, not the machine's local time. */
function utcTimestamps(oid: number, format?: 'text' | 'binary') {
  if (oid === TIMESTAMP_OID && format !== 'binary') return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
  return pg.types.getTypeParser(oid, format as 'text');
}

// A command waits this long for another to finish with the directory (an import of a big register takes a while).
const WAIT_FOR_PEER_MS = 180_000;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const poolSize = options.poolSize ?? 5;
  if (options.databaseUrl) {
    return connect(options.databaseUrl, poolSize, 'PostgreSQL', options, async () => {}, NETWORK_TIMEOUTS);
  }
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const deadline = Date.now() + WAIT_FOR_PEER_MS;
  for (;;) {
    const peer = await readServerInfo(dataDir);
    if (peer) {
      const url = `postgresql://postgres:postgres@127.0.0.1:${peer.port}/postgres?sslmode=disable`;
      // The peer applied migrations when it opened the directory.
      return connect(url, 1, `embedded via the running server (pid ${peer.pid})`, { ...options, migrate: false }, async () => {});
    }
    const lock = await tryLock(dataDir);
    if (lock.locked) break;
    if (Date.now() > deadline) {
      throw new DatabaseBusyError(
        `The data directory ${dataDir} is in use by process ${lock.holder}, which does not share it. Stop it or wait for it to finish.`,
      );
    }
    // The holder is a server starting up (it publishes server.json once its database is up) or a command that will finish.
    await sleep(200);
  }
  try {
    const embedded = await startEmbeddedPostgres(path.join(dataDir, 'pglite'));
    if (options.share) await writeServerInfo(dataDir, embedded.port);
    return await connect(embedded.connectionString, Math.min(poolSize, 8), `embedded (${dataDir})`, options, async () => {
      await embedded.stop();
      await releaseLock(dataDir);
    });
  } catch (error) {
    await releaseLock(dataDir);
    throw error;
  }
}

/**
 * A database server that drops packets, rather than refusing, must fail a connection in seconds and show
 * a dead one within a minute, not hang a reply or a tick until TCP gives up. Not for the embedded
 * database: its connections wait their turn behind a long transaction (an import) on the same machine.
 */
const NETWORK_TIMEOUTS: pg.PoolConfig = { connectionTimeoutMillis: 10_000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 };

async function connect(
  url: string,
  poolSize: number,
  description: string,
  options: OpenOptions,
  release: () => Promise<void>,
  timeouts: pg.PoolConfig = {},
): Promise<Database> {
  // Timestamps are stored in UTC without a zone: the session compares, and our parser reads, them as UTC
  // whatever the server's or the machine's setting.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC', types: { getTypeParser: utcTimestamps } as pg.CustomTypesConfig, ...timeouts });
  try {
    if (options.migrate !== false && (await pendingMigrations(pool)).length > 0) {
      const applied = await applyMigrations(pool);
      options.onMigrated?.(applied);
    }
  } catch (error) {
    await pool.end();
    await release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    description,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await release();
    },
  };
}

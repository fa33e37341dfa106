import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../migrate.ts';
import { readMigrationList } from '../schema-engine.ts';
import { BackupFileError, type Backup } from './backup-format.ts';
import { readServerInfo, releaseLock, tryLock } from './data-dir-lock.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

/** A restore that would do harm (a running server, a database it would replace without --force): nothing was changed. */
export class RestoreRefusedError extends Error {}

export interface RestoreOutcome {
  tables: number;
  rows: number;
  /** Migrations newer than the backup, applied after its rows were loaded. */
  migrated: string[];
}

const ROWS_PER_INSERT = 2_000;

async function hasFiles(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Restores a backup into the embedded database of `dataDir`. The database is rebuilt beside the live one
 * (the backup's migrations, its rows, then any newer migrations) and swapped in only once complete, so a
 * failure at any point leaves the directory as it was.
 */
export async function restoreDataDir(dataDirOption: string, backup: Backup, options: { force: boolean }): Promise<RestoreOutcome> {
  const known = new Set((await readMigrationList()).migrationDirectories.map((d) => d.path));
  const newer = backup.header.migrations.filter((m) => !known.has(m));
  if (newer.length > 0) {
    throw new RestoreRefusedError(`The backup was made by a newer Stocktake: its database has migrations this one does not know (${newer.join(', ')}). Restore it with that version.`);
  }
  const dataDir = path.resolve(dataDirOption);
  await mkdir(dataDir, { recursive: true });
  const server = await readServerInfo(dataDir);
  if (server) throw new RestoreRefusedError(`Stocktake is running on ${dataDir} (process ${server.pid}): stop it, then restore.`);
  const lock = await tryLock(dataDir);
  if (!lock.locked) throw new RestoreRefusedError(`The data directory ${dataDir} is in use by process ${lock.holder}: wait for it to finish, then restore.`);
  const live = path.join(dataDir, 'pglite');
  const staging = path.join(dataDir, `pglite.restoring-${process.pid}`);
  try {
    if (!options.force && (await hasFiles(live))) {
      throw new RestoreRefusedError(`${dataDir} already holds a database, which the restore would replace. Back it up first if you may need it, then restore with --force.`);
    }
    await rm(staging, { recursive: true, force: true });
    const outcome = await rebuild(staging, backup);
    await swapIn(staging, live);
    return outcome;
  } finally {
    await rm(staging, { recursive: true, force: true });
    await releaseLock(dataDir);
  }
}

async function rebuild(dir: string, backup: Backup): Promise<RestoreOutcome> {
  const embedded = await startEmbeddedPostgres(dir);
  const pool = new pg.Pool({ connectionString: embedded.connectionString, max: 1, options: '-c TimeZone=UTC' });
  try {
    await applyMigrations(pool, backup.header.migrations);
    await loadRows(pool, backup);
    const migrated = await applyMigrations(pool);
    return { tables: backup.tables.length, rows: backup.tables.reduce((n, t) => n + t.rows.length, 0), migrated };
  } finally {
    await pool.end();
    await embedded.stop();
  }
}

async function loadRows(pool: pg.Pool, backup: Backup): Promise<void> {
  const existing = await pool.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  const tables = new Set(existing.rows.map((r) => r.name));
  // Names from the file go into SQL: only tables the rebuilt schema has are accepted.
  const strange = backup.tables.find((t) => !tables.has(t.name));
  if (strange) throw new BackupFileError(`The backup holds a table this version of Stocktake never had ("${strange.name}"): nothing was restored.`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // The rows were consistent when read (one snapshot): load them in any order, with foreign-key triggers off.
    await client.query('SET LOCAL session_replication_role = replica');
    for (const table of backup.tables) {
      for (let i = 0; i < table.rows.length; i += ROWS_PER_INSERT) {
        const json = `[${table.rows.slice(i, i + ROWS_PER_INSERT).join(',')}]`;
        await client.query(`INSERT INTO "${table.name}" SELECT * FROM json_populate_recordset(NULL::"${table.name}", $1::json)`, [json]);
      }
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table.name}"`);
      if (Number(rows[0]!.n) !== table.rows.length) throw new Error(`Restoring ${table.name}: ${rows[0]!.n} rows loaded of ${table.rows.length}`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Puts the rebuilt database in place of the live one; if that fails, the live one is put back. */
async function swapIn(staging: string, live: string): Promise<void> {
  const replaced = `${live}.replaced-${process.pid}`;
  const hadLive = await hasFiles(live);
  if (hadLive) await rename(live, replaced);
  else await rm(live, { recursive: true, force: true });
  try {
    await rename(staging, live);
  } catch (error) {
    if (hadLive) await rename(replaced, live);
    throw error;
  }
  if (hadLive) await rm(replaced, { recursive: true, force: true });
}

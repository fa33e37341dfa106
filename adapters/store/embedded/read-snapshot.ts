import type pg from 'pg';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-format.ts';

/** Leases and the migration history are not data: a restore rebuilds the history by applying migrations, and leases expire. */
const NOT_BACKED_UP = ['_prisma_migrations', 'RunLock'];

/**
 * Every table's rows as of one instant, through an ordinary connection — so it works while `npm start`
 * holds the data directory, through the socket it shares (server.json). One REPEATABLE READ, READ ONLY
 * transaction sees a single snapshot across all tables, so an update and its audit entry are both in the
 * backup or neither is. A copy of PGlite's files (dumpDataDir) would need the server's own PGlite instance,
 * which lives in its worker thread, and files copied from under a running database are not consistent.
 * On the embedded database the transaction holds other writers back until it ends, so it only reads:
 * the file is written after it has committed.
 */
export async function readSnapshot(pool: pg.Pool, at: Date): Promise<Backup> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const names = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY tablename`,
      [NOT_BACKED_UP],
    );
    const tables = [];
    for (const { name } of names.rows) {
      const { rows } = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
      tables.push({ name, rows: rows.map((r) => r.row) });
    }
    await client.query('COMMIT');
    return { header: { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: at.toISOString(), migrations: migrations.rows.map((m) => m.name) }, tables };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

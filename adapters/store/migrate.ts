import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { NO_FILTERS, readMigrationList, withSchemaEngine } from './schema-engine.ts';

/**
 * Applies pending migrations exactly as `prisma migrate deploy` would, without the downloaded engine.
 * `only`: apply just these (a restore rebuilds the schema its backup was taken from before loading rows).
 */
export async function applyMigrations(pool: pg.Pool, only?: readonly string[]): Promise<string[]> {
  const all = await readMigrationList();
  const migrationsList = only ? { ...all, migrationDirectories: all.migrationDirectories.filter((d) => only.includes(d.path)) } : all;
  const factory = new PrismaPg(pool);
  return withSchemaEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/** Names of migrations in prisma/migrations that the database has not applied. */
export async function pendingMigrations(pool: pg.Pool): Promise<string[]> {
  const list = await readMigrationList();
  const all = list.migrationDirectories.map((d) => d.path);
  const exists = await pool.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return all;
  const applied = await pool.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(applied.rows.map((r) => r.migration_name));
  return all.filter((name) => !done.has(name));
}

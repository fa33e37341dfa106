// Developer tool: writes a migration for what prisma/schema.prisma has and prisma/migrations lacks.
// Usage: npm run db:diff -- <name_in_snake_case>
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { startEmbeddedPostgres } from '../adapters/store/embedded/embedded-postgres.ts';
import { MIGRATIONS_DIR, NO_FILTERS, SCHEMA_PATH, readMigrationList, withSchemaEngine } from '../adapters/store/schema-engine.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:diff -- <name_in_snake_case>');
  process.exit(1);
}

const migrations = await readMigrationList();
// Replaying existing migrations needs a shadow database the engine can introspect; PGlite's catalogue trips it,
// so later migrations are diffed on an empty database of a real PostgreSQL server.
const shadowUrl = process.env.SHADOW_DATABASE_URL;
if (migrations.migrationDirectories.length > 0 && !shadowUrl) {
  console.error('Set SHADOW_DATABASE_URL to an empty database on a PostgreSQL server (it is wiped) to diff against existing migrations.');
  process.exit(1);
}
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-diff-'));
const embedded = shadowUrl ? null : await startEmbeddedPostgres(dataDir);
const pool = new pg.Pool({ connectionString: shadowUrl ?? embedded!.connectionString, max: 2 });
try {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const from = migrations.migrationDirectories.length === 0 ? { tag: 'empty' } : { tag: 'migrations', ...migrations };
  const { stdout } = await withSchemaEngine(new PrismaPg(pool), (engine) =>
    engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  if (!stdout || !/\S/.test(stdout.replace(/^--.*$/gm, ''))) {
    console.log('The schema and the migrations agree: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), stdout);
    await writeFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await pool.end();
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
}

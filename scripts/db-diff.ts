// Developer tool: writes a migration for what prisma/schema.prisma has gained since a commit (default HEAD).
// Usage: npm run db:diff -- <name_in_snake_case> [git-ref]
//
// Prisma's engine cannot introspect through the driver adapter here (it trips over PostgreSQL's "char"
// columns), so instead of replaying migrations on a shadow database it diffs two schema files: the one
// committed at the ref, whose migrations already exist, and the working copy.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { startEmbeddedPostgres } from '../adapters/store/embedded/embedded-postgres.ts';
import { MIGRATIONS_DIR, NO_FILTERS, PROJECT_ROOT, SCHEMA_PATH, readMigrationList, withSchemaEngine } from '../adapters/store/schema-engine.ts';

const [name, ref = 'HEAD'] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:diff -- <name_in_snake_case> [git-ref]');
  process.exit(1);
}

const migrations = await readMigrationList();
const current = await readFile(SCHEMA_PATH, 'utf8');
const previous =
  migrations.migrationDirectories.length === 0
    ? null
    : execFileSync('git', ['show', `${ref}:prisma/schema.prisma`], { cwd: PROJECT_ROOT, encoding: 'utf8' });

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-diff-'));
const embedded = await startEmbeddedPostgres(dataDir);
const pool = new pg.Pool({ connectionString: embedded.connectionString, max: 2 });
try {
  const { stdout } = await withSchemaEngine(new PrismaPg(pool), (engine) =>
    engine.diff({
      from: previous === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: previous }] },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: current }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  if (!stdout || !/\S/.test(stdout.replace(/^--.*$/gm, ''))) {
    console.log(`The schema has not changed since ${ref}: nothing to write.`);
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
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { writeBackupFile } from '../../store/embedded/backup-file.ts';
import { readSnapshot } from '../../store/embedded/read-snapshot.ts';
import { loadConfig } from '../../../src/config.ts';
import { UserError } from '../exit.ts';
import { reportError, runCommand } from '../run-command.ts';

/** For a PostgreSQL server, its own tools do this better than we could: say which. */
export function postgresToolsError(verb: 'back up' | 'restore'): UserError {
  return new UserError(
    `DATABASE_URL is set, so Stocktake's data is on a PostgreSQL server: ${verb} it with PostgreSQL's own tools, e.g.\n` +
      `  pg_dump --format=custom --file stocktake.dump "$DATABASE_URL"\n` +
      `  pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" stocktake.dump\n` +
      `\`stocktake backup\` and \`restore\` are for the embedded database (DATABASE_URL unset).`,
  );
}

/** e.g. stocktake-backup-2026-11-23T0612Z.jsonl.gz */
export function defaultBackupName(at: Date): string {
  return `stocktake-backup-${at.toISOString().slice(0, 16).replace(':', '')}Z.jsonl.gz`;
}

const COUNTED: [table: string, label: string][] = [
  ['Programme', 'programme(s)'],
  ['Action', 'actions'],
  ['StatusUpdate', 'status updates'],
  ['Person', 'people'],
  ['AuditEntry', 'audit entries'],
];

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write the embedded database to one file, consistent even while `npm start` runs (PostgreSQL: use pg_dump)')
    .option('--out <file>', 'where to write it (default: stocktake-backup-<date and time>.jsonl.gz here)')
    .action(async (o: { out?: string }) => {
      try {
        const config = loadConfig();
        if (config.DATABASE_URL) throw postgresToolsError('back up');
        // Opening an empty directory would create a database only to back up nothing.
        if (!existsSync(path.join(config.STOCKTAKE_DATA_DIR, 'pglite', 'PG_VERSION'))) throw new UserError(`There is no database in ${path.resolve(config.STOCKTAKE_DATA_DIR)} to back up.`);
      } catch (error) {
        process.exitCode = reportError(error);
        return;
      }
      await runCommand(
        async ({ db, deps }) => {
          const at = deps.clock.now();
          const file = path.resolve(o.out ?? defaultBackupName(at));
          const backup = await readSnapshot(db.pool, at);
          await writeBackupFile(file, backup).catch((error: NodeJS.ErrnoException) => {
            throw error.code === 'EEXIST' || error.code === 'ENOENT' || error.code === 'EACCES' ? new UserError(`Cannot write ${file}: ${error.message}`) : error;
          });
          const count = (table: string) => backup.tables.find((t) => t.name === table)?.rows.length ?? 0;
          const total = backup.tables.reduce((n, t) => n + t.rows.length, 0);
          console.log(`Backed up ${db.description} to ${file}: ${COUNTED.map(([t, label]) => `${count(t)} ${label}`).join(', ')} (${total} rows in ${backup.tables.length} tables).`);
          console.log(`Restore it with: npx stocktake restore ${JSON.stringify(file)}`);
        },
        { migrate: false },
      );
    });
}

import type { Command } from 'commander';
import { readBackupFile } from '../../store/embedded/backup-file.ts';
import { BackupFileError } from '../../store/embedded/backup-format.ts';
import { restoreDataDir, RestoreRefusedError } from '../../store/embedded/restore-data-dir.ts';
import { loadConfig } from '../../../src/config.ts';
import { UserError } from '../exit.ts';
import { reportError } from '../run-command.ts';
import { postgresToolsError } from './backup.ts';

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('replace the embedded database with a backup; the server must be stopped (PostgreSQL: use pg_restore)')
    .argument('<file>', 'a file written by `stocktake backup`')
    .option('--force', 'replace the database the data directory already holds')
    .action(async (file: string, o: { force?: boolean }) => {
      try {
        const config = loadConfig();
        if (config.DATABASE_URL) throw postgresToolsError('restore');
        // The whole file is read and checked before the data directory is touched.
        const backup = await readBackupFile(file);
        const outcome = await restoreDataDir(config.STOCKTAKE_DATA_DIR, backup, { force: o.force ?? false });
        console.log(
          `Restored ${file} (taken ${backup.header.createdAt}) into ${config.STOCKTAKE_DATA_DIR}: ${outcome.rows} rows in ${outcome.tables} tables.` +
            (outcome.migrated.length ? ` Then applied ${outcome.migrated.length} newer migration(s): ${outcome.migrated.join(', ')}.` : ''),
        );
      } catch (error) {
        process.exitCode = reportError(error instanceof BackupFileError || error instanceof RestoreRefusedError ? new UserError(error.message) : error);
      }
    });
}

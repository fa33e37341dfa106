import type { Command } from 'commander';
import { applyMigrations, pendingMigrations } from '../../store/migrate.ts';
import { runCommand } from '../run-command.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (start-up does it too)')
    .action(() =>
      runCommand(
        async ({ db }) => {
          const pending = await pendingMigrations(db.pool);
          const applied = pending.length ? await applyMigrations(db.pool) : [];
          console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.` : `The database (${db.description}) is up to date.`);
        },
        { migrate: false },
      ),
    );
}

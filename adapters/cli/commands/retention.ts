import type { Command } from 'commander';
import { applyRetention } from '../../../src/app/updates/apply-retention.ts';
import { runCommand } from '../run-command.ts';

/** For installations that run `stocktake tick` from cron with the server's scheduler off: the nightly job by hand. */
export function registerRetention(program: Command): void {
  program
    .command('retention')
    .description('delete superseded status updates older than STOCKTAKE_RETENTION_MONTHS (unset or 0 keeps them all)')
    .action(() =>
      runCommand(async ({ deps, config }) => {
        const months = config.STOCKTAKE_RETENTION_MONTHS;
        if (months <= 0) {
          console.log('STOCKTAKE_RETENTION_MONTHS is not set: every status update is kept.');
          return;
        }
        const { removed } = await applyRetention(deps, months);
        console.log(`${removed} superseded status update(s) older than ${months} month(s) deleted; the audit trail records it.`);
      }),
    );
}

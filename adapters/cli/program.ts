import { Command } from 'commander';
import { registerAway } from './commands/away.ts';
import { registerBackup } from './commands/backup.ts';
import { registerBoard } from './commands/board.ts';
import { registerDemo } from './commands/demo.ts';
import { registerGrant } from './commands/grant.ts';
import { registerImport } from './commands/import.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerOverdue } from './commands/overdue.ts';
import { registerPeople } from './commands/people.ts';
import { registerProgramme } from './commands/programme.ts';
import { registerReport } from './commands/report.ts';
import { registerRestore } from './commands/restore.ts';
import { registerRetention } from './commands/retention.ts';
import { registerServe } from './commands/serve.ts';
import { registerTick } from './commands/tick.ts';

/** `npx stocktake`: one file a command, each registered here. */
export function buildProgram(): Command {
  const program = new Command('stocktake')
    .description('Stocktake: action registers, board cycles and highlight reports for improvement programmes')
    .showHelpAfterError()
    .exitOverride((err) => {
      // Commander's own usage errors are the user's: exit status 1, as DESIGN's interface says.
      process.exit(err.exitCode === 0 ? 0 : 1);
    });
  for (const register of [registerMigrate, registerProgramme, registerImport, registerPeople, registerGrant, registerBoard, registerOverdue, registerReport, registerAway, registerTick, registerServe, registerDemo, registerBackup, registerRestore, registerRetention]) {
    register(program);
  }
  return program;
}

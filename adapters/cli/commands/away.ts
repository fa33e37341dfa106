import type { Command } from 'commander';
import { markAway } from '../../../src/app/people/mark-away.ts';
import { parseDateOption } from '../options.ts';
import { runCommand, unwrap } from '../run-command.ts';

export function registerAway(program: Command): void {
  program
    .command('away <email>')
    .description('leave and cover: not chased while away; the delegate is asked instead')
    .requiredOption('--from <YYYY-MM-DD>', 'first day away', parseDateOption)
    .requiredOption('--to <YYYY-MM-DD>', 'last day away', parseDateOption)
    .option('--delegate <email>', 'who answers for them meanwhile')
    .action((email: string, o: { from: string; to: string; delegate?: string }) =>
      runCommand(async ({ deps }) => console.log(unwrap(await markAway(deps, { email, from: o.from, to: o.to, delegateEmail: o.delegate ?? null, actor: 'cli' })))),
    );
}

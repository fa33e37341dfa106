import type { Command } from 'commander';
import { listOverdueActions } from '../../../src/app/report/list-overdue.ts';
import { renderText } from '../../../src/chat/render/text.ts';
import { overdueMessage } from '../../../src/chat/views/overdue.ts';
import { parseDateOption, parseFormat } from '../options.ts';
import { runCommand, unwrap } from '../run-command.ts';

export function registerOverdue(program: Command): void {
  program
    .command('overdue')
    .description('what /overdue shows: open actions past their due date')
    .option('--programme <name>', 'the programme (needed when there are several)')
    .option('--as-of <YYYY-MM-DD>', 'as on this day (default: today in the programme\'s timezone)', parseDateOption)
    .option('--format <format>', 'text or json', parseFormat(['text', 'json'] as const), 'text')
    .action((o: { programme?: string; asOf?: string; format: 'text' | 'json' }) =>
      runCommand(async ({ deps }) => {
        const list = unwrap(await listOverdueActions(deps, { programme: o.programme ?? null, asOf: o.asOf ?? null }));
        console.log(o.format === 'json' ? JSON.stringify(list, null, 2) : renderText(overdueMessage(list)));
      }),
    );
}

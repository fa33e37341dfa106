import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { compileReport } from '../../../src/app/report/compile-report.ts';
import { renderMarkdown } from '../../../src/chat/render/markdown.ts';
import { renderText } from '../../../src/chat/render/text.ts';
import { highlightReportMessage } from '../../../src/chat/views/highlight-report.ts';
import { UserError } from '../exit.ts';
import { parseDateOption, parseFormat } from '../options.ts';
import { runCommand, unwrap } from '../run-command.ts';

const FORMATS = ['text', 'markdown', 'json', 'docx'] as const;

interface Options {
  programme?: string;
  board?: string;
  asOf?: string;
  format: (typeof FORMATS)[number];
  out?: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('what /send-report posts: the highlight report for a board')
    .option('--programme <name>', 'the programme (needed when there are several)')
    .option('--board <name>', "the board (default: the programme's only board)")
    .option('--as-of <YYYY-MM-DD>', "as on this day (default: today in the programme's timezone)", parseDateOption)
    .option('--format <format>', FORMATS.join(', '), parseFormat(FORMATS), 'text')
    .option('--out <file>', 'write to a file instead of the terminal')
    .action((o: Options) =>
      runCommand(async ({ deps }) => {
        if (o.format === 'docx' && !o.out) throw new UserError('A board paper is a Word file: say where to write it with --out paper.docx.');
        const report = unwrap(await compileReport(deps, { programme: o.programme ?? null, board: o.board ?? null, asOf: o.asOf ?? null }));
        const programme = await deps.store.programmes.findByName(report.programme);
        const message = highlightReportMessage(report, { timezone: programme?.timezone ?? deps.defaultTimezone });
        if (o.format === 'docx') {
          const { boardPaperDocx } = await import('../../documents/board-paper-docx.ts');
          await writeFile(o.out!, await boardPaperDocx(report, { timezone: programme?.timezone ?? deps.defaultTimezone }));
          console.log(`Wrote the ${report.board ?? report.programme} board paper to ${o.out}.`);
          return;
        }
        const body =
          o.format === 'json'
            ? JSON.stringify(report, null, 2)
            : o.format === 'markdown'
              ? renderMarkdown(message)
              : renderText(message, { width: process.stdout.columns || 100 });
        if (o.out) {
          await writeFile(o.out, `${body}\n`);
          console.log(`Wrote the ${report.board ?? report.programme} highlight report to ${o.out}.`);
        } else {
          console.log(body);
        }
      }),
    );
}

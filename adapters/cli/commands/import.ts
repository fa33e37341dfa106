import path from 'node:path';
import type { Command } from 'commander';
import { importRegister, type ImportOutcome } from '../../../src/app/register/import-register.ts';
import { readRegisterFile } from '../../files/read-register-file.ts';
import { describeIssue } from '../exit.ts';
import { collect, parseFieldMap } from '../options.ts';
import { progressBar } from '../progress.ts';
import { runCommand, unwrap } from '../run-command.ts';

interface Options {
  programme: string;
  sheet?: string;
  map?: string[];
  dryRun?: boolean;
}

export function formatImportOutcome(o: ImportOutcome, file: string): string {
  const c = o.counts;
  const lines = [
    o.dryRun
      ? `Dry run of ${file} for ${o.programme.name}${o.programmeCreated ? ' (a new programme)' : ''}: nothing was written.`
      : `Imported ${file} into ${o.programme.name}${o.programmeCreated ? ' (a new programme)' : ''}.`,
    `  ${o.totalActions} actions under ${o.workstreams} workstreams: ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.removed} no longer in the register.`,
  ];
  if (o.dryRun) {
    for (const u of o.plan.updates) lines.push(`  would update ${u.ref}: ${u.changed.join(', ')}${u.restored ? ' (back in the register)' : ''}`);
    for (const r of o.plan.removed) lines.push(`  would flag ${r.ref} as no longer in the register`);
  }
  const warnings = o.warnings.filter((w) => w.row > 0);
  if (warnings.length) {
    lines.push(`Warnings (${warnings.length}):`);
    for (const w of warnings) lines.push(`  ${describeIssue(w, path.basename(file))}`);
  }
  if (o.plan.unresolvedLeads.length) {
    lines.push(`Leads nobody in the directory matches (${o.plan.unresolvedLeads.length}); add them with \`stocktake people import\`:`);
    for (const name of o.plan.unresolvedLeads) lines.push(`  ${name}`);
  }
  return lines.join('\n');
}

export function registerImport(program: Command): void {
  program
    .command('import <file>')
    .description('import or re-import a register (.csv or .xlsx); re-import updates by ref and never duplicates')
    .requiredOption('--programme <name>', 'the programme (made if it does not exist)')
    .option('--sheet <name>', 'the Excel sheet to read (default: the first with data)')
    .option('--map <field=Header>', 'say which column holds a field, e.g. --map "lead=Lead officer" (repeatable)', collect)
    .option('--dry-run', 'show what would change and write nothing')
    .action((file: string, o: Options) =>
      runCommand(async ({ deps }) => {
        const grid = await readRegisterFile(file, o.sheet ? { sheet: o.sheet } : {});
        const map = parseFieldMap(o.map);
        const progress = progressBar('Importing');
        const outcome = unwrap(
          await importRegister(deps, {
            programme: o.programme,
            grid,
            ...(map ? { map } : {}),
            dryRun: Boolean(o.dryRun),
            actor: 'cli',
            file,
            onProgress: progress.update,
          }),
        );
        progress.done();
        console.log(formatImportOutcome(outcome, file));
      }),
    );
}

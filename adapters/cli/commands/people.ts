import type { Command } from 'commander';
import { importPeople } from '../../../src/app/people/import-people.ts';
import { readRegisterFile } from '../../files/read-register-file.ts';
import { runCommand, unwrap } from '../run-command.ts';

export function registerPeople(program: Command): void {
  const people = program
    .command('people')
    .description('the directory of people; --unresolved lists register leads nobody matches')
    .option('--unresolved', 'list leads in registers that match nobody in the directory')
    .option('--programme <name>', 'only this programme (with --unresolved)')
    .action((o: { unresolved?: boolean; programme?: string }) =>
      runCommand(async ({ deps }) => {
        if (o.unresolved) {
          const programme = o.programme ? await deps.store.programmes.findByName(o.programme) : null;
          const leads = await deps.store.register.unresolvedLeads(programme?.id);
          if (!leads.length) return void console.log('Every lead in the registers matches someone in the directory.');
          console.log(`Leads nobody in the directory matches (${leads.length}):`);
          for (const l of leads) console.log(`  ${l.name} (${l.programme}: ${l.refs.join(', ')})`);
          return;
        }
        const dir = await deps.store.people.directory();
        if (!dir.length) return void console.log('The directory is empty: load it with `stocktake people import people.csv`.');
        for (const p of dir) console.log(`${p.name}${p.email ? ` <${p.email}>` : ''}${p.jobTitle ? `, ${p.jobTitle}` : ''}${p.aliases.length ? ` (also: ${p.aliases.join('; ')})` : ''}`);
      }),
    );
  people
    .command('import <file>')
    .description('load the directory from a CSV or Excel file: Name,Email,Role,Aliases,Slack ID,Teams ID (updates by email)')
    .action((file: string) =>
      runCommand(async ({ deps }) => {
        const grid = await readRegisterFile(file);
        const r = unwrap(await importPeople(deps, grid, 'cli'));
        console.log(`Imported ${file}: ${r.created} new, ${r.updated} updated. ${r.leadsResolved} register leads matched afresh; ${r.stillUnresolved} still match nobody${r.stillUnresolved ? ' (see `stocktake people --unresolved`)' : ''}.`);
      }),
    );
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { addBoard, setBoard } from '../../../src/app/boards/manage-boards.ts';
import { importPeople } from '../../../src/app/people/import-people.ts';
import { importRegister } from '../../../src/app/register/import-register.ts';
import { grantRole } from '../../../src/app/roles/grant-role.ts';
import { readRegisterFile } from '../../files/read-register-file.ts';
import { formatImportOutcome } from './import.ts';
import { runCommand, unwrap } from '../run-command.ts';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');
const PROGRAMME = 'Hull';
const BOARD = 'SEND Partnership Board';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description("a demo programme (Hull's SEND plan), its people, roles and board, to try everything locally")
    .action(() =>
      runCommand(async ({ deps }) => {
        const peopleFile = path.join(EXAMPLES, 'hull-people.csv');
        const registerFile = path.join(EXAMPLES, 'hull-send-plan.csv');
        const people = unwrap(await importPeople(deps, await readRegisterFile(peopleFile), 'demo'));
        console.log(`People: ${people.created} new, ${people.updated} updated.`);
        const imported = unwrap(await importRegister(deps, { programme: PROGRAMME, grid: await readRegisterFile(registerFile), actor: 'demo', file: 'examples/hull-send-plan.csv' }));
        console.log(formatImportOutcome(imported, 'examples/hull-send-plan.csv'));
        const board = (await deps.store.boards.findByName(imported.programme.id, BOARD))
          ? await setBoard(deps, PROGRAMME, BOARD, { rule: 'second Tuesday', chair: 'helen.carter@hull.example' }, 'demo')
          : await addBoard(deps, PROGRAMME, BOARD, { rule: 'second Tuesday', chair: 'helen.carter@hull.example' }, 'demo');
        const b = unwrap(board);
        console.log(`Board: ${b.name}, chaired by ${b.chairs.join(', ')}, meets on the ${b.ruleText}.`);
        console.log(unwrap(await grantRole(deps, { email: 'nadia.hussain@hull.example', role: 'programme-manager', programme: PROGRAMME, actor: 'demo' })));
        console.log('\nTry: npx stocktake overdue --programme Hull   ·   npx stocktake report --programme Hull --format markdown');
      }),
    );
}

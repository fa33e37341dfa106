import { addBoard } from '../../src/app/boards/manage-boards.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { importPeople } from '../../src/app/people/import-people.ts';
import { importRegister } from '../../src/app/register/import-register.ts';
import { grantRole } from '../../src/app/roles/grant-role.ts';
import { readRegisterFile } from '../../adapters/files/read-register-file.ts';
import { HULL_CSV, HULL_PEOPLE_CSV } from './app.ts';

/** Hull's plan as every chat test starts: the directory, the register (imported in January 2024), a board, a chair and a programme manager. */
export async function seedHull(deps: AppDeps, governance: { slackChannel?: string; teamsChannel?: string } = {}): Promise<void> {
  const seed = new Date('2024-01-15T10:00:00Z');
  const seedDeps = { ...deps, clock: { now: () => seed } };
  await importPeople(seedDeps, await readRegisterFile(HULL_PEOPLE_CSV), 'test');
  await importRegister(seedDeps, { programme: 'Hull', grid: await readRegisterFile(HULL_CSV), actor: 'test', file: 'hull.csv' });
  await addBoard(seedDeps, 'Hull', 'SEND Partnership Board', { rule: 'second Tuesday', chair: 'helen.carter@hull.example', ...governance }, 'test');
  await grantRole(seedDeps, { email: 'nadia.hussain@hull.example', role: 'programme-manager', programme: 'Hull', actor: 'test' });
}

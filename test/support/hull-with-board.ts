import type { AppDeps } from '../../src/app/deps.ts';
import { addBoard } from '../../src/app/boards/manage-boards.ts';
import { importPeople } from '../../src/app/people/import-people.ts';
import { importRegister } from '../../src/app/register/import-register.ts';
import { readRegisterFile } from '../../adapters/files/read-register-file.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import { appDeps, HULL_CSV, HULL_PEOPLE_CSV } from './app.ts';

/**
 * Hull's directory and register, imported in January 2024, and its board meeting on 13 Feb and 12 Mar
 * 2024 (chaired by Helen Carter); returns the use cases' dependencies with the clock at `now`.
 */
export async function hullWithBoard(db: Database, now: Date): Promise<AppDeps> {
  const setup = appDeps(db, new Date('2024-01-15T10:00:00Z'));
  await importPeople(setup, await readRegisterFile(HULL_PEOPLE_CSV), 'test');
  const imported = await importRegister(setup, { programme: 'Hull', grid: await readRegisterFile(HULL_CSV), actor: 'test', file: 'hull.csv' });
  if (!imported.ok) throw new Error(imported.error.message);
  const board = await addBoard(setup, 'Hull', 'SEND Partnership Board', { meetings: ['2024-02-13', '2024-03-12'], chair: 'helen.carter@hull.example' }, 'test');
  if (!board.ok) throw new Error(board.error.message);
  return appDeps(db, now);
}

import { addBoard } from '../../src/app/boards/manage-boards.ts';
import { importPeople } from '../../src/app/people/import-people.ts';
import { importRegister } from '../../src/app/register/import-register.ts';
import { grantRole } from '../../src/app/roles/grant-role.ts';
import { readRegisterFile } from '../../adapters/files/read-register-file.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import { appDeps, HULL_CSV, HULL_PEOPLE_CSV } from './app.ts';
import type { FakeUser } from './fake-slack/index.ts';

/** Hull's people as Slack knows them (the emails of examples/hull-people.csv). */
export const HULL_SLACK_PEOPLE = [
  ['U0ALEX', 'Alex Morgan', 'alex.morgan@hull.example'],
  ['U0PRIYA', 'Priya Shah', 'priya.shah@hull.example'],
  ['U0JORDAN', 'Jordan Ellis', 'jordan.ellis@hull.example'],
  ['U0SAM', 'Sam Okafor', 'sam.okafor@hull.example'],
  ['U0CHRIS', 'Chris Patel', 'chris.patel@hull.example'],
  ['U0ROBIN', 'Robin Hughes', 'robin.hughes@hull.example'],
  ['U0TAYLOR', 'Taylor Brooks', 'taylor.brooks@hull.example'],
  ['U0MORGAN', 'Morgan Reid', 'morgan.reid@hull.example'],
  ['U0JAMIE', 'Jamie Clarke', 'jamie.clarke@hull.example'],
  ['U0CASEY', 'Casey Wright', 'casey.wright@hull.example'],
  ['U0HELEN', 'Helen Carter', 'helen.carter@hull.example'],
  ['U0NADIA', 'Nadia Hussain', 'nadia.hussain@hull.example'],
] as const;

/** The same people as the fake Slack's users. */
export const hullSlackUsers = (): FakeUser[] => HULL_SLACK_PEOPLE.map(([id, name, email]) => ({ id, name, email }));

/** Every lead of an open action whom the directory resolves: ten people in Hull's register. */
export const LEADS_PROMPTED = 10;

/**
 * Hull's register and people, a board and a programme manager, written through the use cases. The
 * board meets on Tue 14 May 2024 unless told otherwise: asked Tue 7 May 09:30, chased Thu 9 May,
 * cut-off Fri 10 May 12:00 (BST).
 */
export async function seedHullBoardCycle(db: Database, meetings: string[] = ['2024-05-14']): Promise<void> {
  const deps = appDeps(db, new Date('2024-04-01T09:00:00Z'));
  await importPeople(deps, await readRegisterFile(HULL_PEOPLE_CSV), 'test');
  await importRegister(deps, { programme: 'Hull', grid: await readRegisterFile(HULL_CSV), actor: 'test', file: 'hull.csv' });
  await addBoard(deps, 'Hull', 'SEND Partnership Board', { meetings, chair: 'helen.carter@hull.example' }, 'test');
  await grantRole(deps, { email: 'nadia.hussain@hull.example', role: 'programme-manager', programme: 'Hull', actor: 'test' });
}

import { randomUUID } from 'node:crypto';
import { createStore } from '../../adapters/store/prisma/create-store.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import { addBoard } from '../../src/app/boards/manage-boards.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { importPeople } from '../../src/app/people/import-people.ts';
import { importRegister } from '../../src/app/register/import-register.ts';
import type { Result } from '../../src/app/result.ts';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import { addDays, dateInZone } from '../../src/domain/dates/calendar.ts';
import { gridFromText } from '../../src/domain/register/grid.ts';
import type { BenchOptions } from './options.ts';
import { actionsForUpdates, analyze, backdateImport, insertUpdates, programmeId } from './seed.ts';
import { meetingDates, peopleGrid, registerGrid, syntheticPeople, syntheticUpdates, type SyntheticPerson } from './synthetic.ts';

/*
 * The programmes the bot is started on: the bench programme of the queries part (for the slash
 * commands) and a programme of N leads (for the fan-out). Both are written through the app's own use
 * cases (the updates in bulk SQL, as in the queries part) before the bot starts, so the bot's memory
 * holds nothing of the seeding.
 */

export const PROGRAMME = 'Bench programme';
export const BOARD = 'SEND Partnership Board';
const ACTOR = 'bench';
const DAY_MS = 86_400_000;

export function value<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message} ${JSON.stringify(result.error.issues ?? []).slice(0, 500)}`);
  return result.value;
}

/** A Slack user id for the i-th synthetic person (distinct, and a valid Slack id). */
export const slackIdOf = (i: number): string => `U${i.toString(36).toUpperCase().padStart(6, '0')}`;

export interface SeededProgramme {
  people: SyntheticPerson[];
  /** Indexes into `people` of those who lead an action (they may see the programme: `/overdue`). */
  leadIndexes: number[];
  /** The index of the board's chair (may send its report: `/send-report`). */
  chairIndex: number;
  asOf: CalendarDate;
}

/** The queries part's programme: 2,000 actions, 200 people, a board chaired by the first person, 50,000 updates. */
export async function seedBenchProgramme(db: Database, o: BenchOptions, log: (line: string) => void): Promise<SeededProgramme> {
  const now = new Date();
  const deps: AppDeps = { store: createStore(db), clock: { now: () => now }, defaultTimezone: 'Europe/London' };
  const asOf = dateInZone(now, 'Europe/London');
  const people = syntheticPeople(o.people);
  log(`seeding: ${o.people} people, ${o.actions} actions, ${o.updates} updates`);
  value(await importPeople(deps, peopleGrid(people), ACTOR), 'people import');
  const grid = registerGrid({ actions: o.actions, priorities: o.priorities, people, asOf }, 0);
  value(await importRegister(deps, { programme: PROGRAMME, grid, actor: ACTOR, file: grid.source }), 'register import');
  value(await addBoard(deps, PROGRAMME, BOARD, { meetings: meetingDates(asOf), chair: people[0]!.email }, ACTOR), 'board add');
  const pid = await programmeId(db.pool, PROGRAMME);
  await backdateImport(db.pool, pid, new Date(now.getTime() - 400 * DAY_MS));
  await insertUpdates(db.pool, pid, syntheticUpdates(await actionsForUpdates(db.pool, pid), o.updates, now, randomUUID));
  await analyze(db.pool);
  const { rows } = await db.pool.query<{ email: string }>(
    `SELECT DISTINCT p.email FROM "ActionLead" l JOIN "Action" a ON a.id = l."actionId" JOIN "Person" p ON p.id = l."personId" WHERE a."programmeId" = $1`,
    [pid],
  );
  const leads = new Set(rows.map((r) => r.email.toLowerCase()));
  const leadIndexes = people.flatMap((p, i) => (leads.has(p.email.toLowerCase()) ? [i] : []));
  return { people, leadIndexes, chairIndex: 0, asOf };
}

export const FANOUT_PROGRAMME = 'Fan-out programme';
export const FANOUT_BOARD = 'Fan-out Board';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface SeededFanOut {
  people: SyntheticPerson[];
  meeting: CalendarDate;
}

/**
 * The fan-out's programme: `leads` people, each the one lead of one open action due well after the
 * meeting (so nobody is overdue and nothing but prompts falls due), no programme channel (no digest),
 * and a board with one meeting four weeks on.
 */
export async function seedFanOutProgramme(db: Database, leads: number, log: (line: string) => void): Promise<SeededFanOut> {
  const now = new Date();
  const deps: AppDeps = { store: createStore(db), clock: { now: () => now }, defaultTimezone: 'Europe/London' };
  const asOf = dateInZone(now, 'Europe/London');
  const people = syntheticPeople(leads);
  log(`seeding: ${leads} leads, one open action each`);
  value(await importPeople(deps, peopleGrid(people), ACTOR), 'people import');
  const due = addDays(asOf, 120);
  const [y, m, d] = due.split('-');
  const dueCell = `${Number(d)}-${MONTHS[Number(m) - 1]}-${y!.slice(2)}`;
  const rows = [
    ['Ref', 'Priority', 'Action', 'Strategic Lead', 'Due Date', 'Status (RAGP)'],
    ...people.map((p, i) => [`1.${i + 1}`, '1. Fan-out', `Action ${i + 1} for ${p.name}`, p.name, dueCell, 'On track no concerns']),
  ];
  const grid = gridFromText('fan-out-register.csv', rows);
  const imported = value(await importRegister(deps, { programme: FANOUT_PROGRAMME, grid, actor: ACTOR, file: grid.source }), 'register import');
  if (imported.counts.created !== leads) throw new Error(`fan-out register: ${imported.counts.created} actions created, not ${leads}`);
  const meeting = addDays(asOf, 28);
  value(await addBoard(deps, FANOUT_PROGRAMME, FANOUT_BOARD, { meetings: [meeting], chair: people[0]!.email }, ACTOR), 'board add');
  await analyze(db.pool);
  return { people, meeting };
}

import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createStore } from '../../adapters/store/prisma/create-store.ts';
import { addBoard } from '../../src/app/boards/manage-boards.ts';
import { cycleSettingsOf } from '../../src/app/boards/cycle-settings.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { importPeople } from '../../src/app/people/import-people.ts';
import { importRegister } from '../../src/app/register/import-register.ts';
import { compileReport } from '../../src/app/report/compile-report.ts';
import { listOverdueActions } from '../../src/app/report/list-overdue.ts';
import type { Result } from '../../src/app/result.ts';
import { boardMeetingDates, reportWindow } from '../../src/domain/cycle/board-calendar.ts';
import { dateInZone } from '../../src/domain/dates/calendar.ts';
import { planImport } from '../../src/domain/import/import-plan.ts';
import type { Grid } from '../../src/domain/register/grid.ts';
import { interpretRegister } from '../../src/domain/register/interpret.ts';
import { createStatusMapper } from '../../src/domain/status/status-words.ts';
import { checkOverdue, checkReport } from './checks.ts';
import { floorFirstImport, floorOverdue, floorReimport, floorReport } from './floors.ts';
import type { BenchOptions, TargetName } from './options.ts';
import { actionsForUpdates, analyze, backdateImport, deleteProgramme, insertUpdates, programmeId } from './seed.ts';
import { changesInVariant, meetingDates, peopleGrid, registerGrid, syntheticPeople, syntheticUpdates } from './synthetic.ts';
import { openTarget } from './targets.ts';
import { countStatements, measurePair, type Timing } from './timing.ts';

export interface BenchRow {
  operation: string;
  appMs: number;
  floorMs: number;
  appQueries: number;
  floorQueries: number;
  appRuns: number[];
  floorRuns: number[];
}

export interface TargetResult {
  target: TargetName;
  label: string;
  rows: BenchRow[];
  /** Set-up steps timed once, for context (not compared with a floor). */
  setup: { step: string; ms: number }[];
  peakRssMb: number;
  /** The machine's one-minute load average as the run began and as it ended: other work on it skews the figures. */
  load: [number, number];
  disagreements: string[];
}

const PROGRAMME = 'Bench programme';
const FLOOR_PROGRAMME = 'Bench floor';
const BOARD = 'SEND Partnership Board';
const ACTOR = 'bench';
const DAY_MS = 86_400_000;

function value<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message} ${JSON.stringify(result.error.issues ?? []).slice(0, 500)}`);
  return result.value;
}

const row = (operation: string, app: Timing<unknown>, floor: Timing<unknown>): BenchRow => ({
  operation,
  appMs: app.median,
  floorMs: floor.median,
  appQueries: app.queries,
  floorQueries: floor.queries,
  appRuns: app.ms,
  floorRuns: floor.ms,
});

/** The whole programme of the bench on one database: import, re-import, overdue and the report, each beside its floor. */
export async function runTarget(name: TargetName, o: BenchOptions, log: (line: string) => void): Promise<TargetResult> {
  countStatements();
  const setup: TargetResult['setup'] = [];
  const once = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const out = await fn();
    setup.push({ step, ms: performance.now() - started });
    return out;
  };

  const loadBefore = os.loadavg()[0]!;
  const target = await openTarget(name);
  setup.push({ step: 'open a new database (migrations included)', ms: target.openMs });
  const { db } = target;
  const pool = db.pool;
  try {
    const now = new Date();
    const deps: AppDeps = { store: createStore(db), clock: { now: () => now }, defaultTimezone: 'Europe/London' };
    const asOf = dateInZone(now, 'Europe/London');
    const people = syntheticPeople(o.people);
    const grids: Record<0 | 1, Grid> = {
      0: registerGrid({ actions: o.actions, priorities: o.priorities, people, asOf }, 0),
      1: registerGrid({ actions: o.actions, priorities: o.priorities, people, asOf }, 1),
    };
    const importOf = (grid: Grid) => importRegister(deps, { programme: PROGRAMME, grid, actor: ACTOR, file: grid.source });

    log(`${target.label}: people (${o.people})`);
    await once(`people import (${o.people}, through the app)`, async () => value(await importPeople(deps, peopleGrid(people), ACTOR), 'people import'));

    log(`${target.label}: first import of ${o.actions} actions`);
    const reading = interpretRegister(grids[0]);
    const plan = planImport({
      rows: reading.rows,
      existing: [],
      directory: await deps.store.people.directory(),
      columns: { ...(reading.columns.status ? { status: reading.columns.status.header } : {}), ...(reading.columns.lead ? { lead: reading.columns.lead.header } : {}) },
    });
    const [first, firstFloor] = await measurePair(
      o.importRuns,
      { run: async () => value(await importOf(grids[0]), 'first import').counts, prepare: () => deleteProgramme(pool, PROGRAMME) },
      { run: () => floorFirstImport(pool, FLOOR_PROGRAMME, plan, new Date()), prepare: () => deleteProgramme(pool, FLOOR_PROGRAMME) },
    );
    const disagreements: string[] = [];
    const pid = await programmeId(pool, PROGRAMME);
    const floorPid = await programmeId(pool, FLOOR_PROGRAMME);
    const written = async (id: string) =>
      (await pool.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM "Action" WHERE "programmeId" = $1) || '/' ||
                (SELECT count(*) FROM "ActionLead" l JOIN "Action" a ON a.id = l."actionId" WHERE a."programmeId" = $1) || '/' ||
                (SELECT count(*) FROM "ActionLead" l JOIN "Action" a ON a.id = l."actionId" WHERE a."programmeId" = $1 AND l."personId" IS NOT NULL) AS n`,
        [id],
      )).rows[0]!.n;
    const [appRows, floorRows] = [await written(pid), await written(floorPid)];
    if (appRows !== floorRows) disagreements.push(`first import: actions/leads/resolved leads app ${appRows} vs floor ${floorRows}`);

    log(`${target.label}: board and ${o.updates} updates`);
    await once('board with 14 meetings (through the app)', async () =>
      value(await addBoard(deps, PROGRAMME, BOARD, { meetings: meetingDates(asOf), chair: people[0]!.email }, ACTOR), 'board add'),
    );
    await backdateImport(pool, pid, new Date(now.getTime() - 400 * DAY_MS));
    const updates = syntheticUpdates(await actionsForUpdates(pool, pid), o.updates, now, randomUUID);
    await once(`${o.updates} updates written in bulk SQL`, () => insertUpdates(pool, pid, updates));
    await once('VACUUM ANALYZE', () => analyze(pool));

    const changed = reading.rows.filter((_, i) => changesInVariant(i)).length;
    log(`${target.label}: re-import (${changed} rows changed each time)`);
    // Warm-up with the changed register, then alternate, ending on the original when the runs are odd.
    const variantOf = (i: number): 0 | 1 => (i < 0 || i % 2 === 1 ? 1 : 0);
    const mapStatus = createStatusMapper();
    const rowsOf = { 0: reading.rows, 1: interpretRegister(grids[1]).rows };
    const [re, reFloor] = await measurePair(
      o.importRuns,
      { run: async (i) => value(await importOf(grids[variantOf(i)]), 're-import').counts },
      { run: (i) => floorReimport(pool, floorPid, rowsOf[variantOf(i)], (w) => mapStatus(w).brag, new Date()) },
    );
    if (variantOf(o.importRuns - 1) === 1) value(await importOf(grids[0]), 're-import');
    if (re.last.updated !== reFloor.last.updated) disagreements.push(`re-import: app updated ${re.last.updated} actions, floor ${reFloor.last.updated}`);
    await deleteProgramme(pool, FLOOR_PROGRAMME);
    await analyze(pool);

    log(`${target.label}: overdue`);
    const [overdue, overdueFloor] = await measurePair(
      o.runs,
      { run: async () => value(await listOverdueActions(deps, { programme: PROGRAMME, asOf }), 'overdue') },
      { run: () => floorOverdue(pool, pid, asOf) },
    );
    disagreements.push(...checkOverdue(overdue.last, overdueFloor.last));

    log(`${target.label}: report`);
    const programme = (await deps.store.programmes.findByName(PROGRAMME))!;
    const board = (await deps.store.boards.findByName(programme.id, BOARD))!;
    const window = reportWindow(boardMeetingDates(await deps.store.boards.meetings(board.id), board.meetingRule, asOf), asOf, cycleSettingsOf(board, programme));
    const [report, reportFloor] = await measurePair(
      o.runs,
      { run: async () => value(await compileReport(deps, { programme: PROGRAMME, board: BOARD, asOf }), 'report') },
      { run: () => floorReport(pool, pid, window.previousCutoff, window.cycleStart) },
    );
    disagreements.push(...checkReport(report.last, reportFloor.last, asOf));

    const r = report.last;
    return {
      target: name,
      label: target.label,
      rows: [
        row(`first import (${first.last.created} actions)`, first, firstFloor),
        row(`re-import (${re.last.updated} of ${o.actions} changed)`, re, reFloor),
        row(`overdue (${overdue.last.items.length} items)`, overdue, overdueFloor),
        row(`report (${r.workstreams.length} workstreams, ${r.missingUpdates.length} leads missing)`, report, reportFloor),
      ],
      setup,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      load: [loadBefore, os.loadavg()[0]!],
      disagreements,
    };
  } finally {
    await target.dispose();
  }
}

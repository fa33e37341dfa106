import type pg from 'pg';
import type { ReportWindow } from '../../../src/app/ports/store.ts';
import type { Brag } from '../../../src/domain/brag.ts';
import type { CalendarDate, DuePrecision } from '../../../src/domain/calendar-date.ts';
import type { ReportAction, ReportUpdate } from '../../../src/domain/report/types.ts';

/*
 * Hand-shaped queries for the report, `/overdue` and a lead's open actions.
 *
 * - Leads are aggregated once for all the actions wanted, in one grouped join (`ld`), not by a
 *   subquery per action.
 * - The report reads per action only the updates it can use, never the whole history: the latest;
 *   the latest at or before the previous cut-off (the movement baseline); the latest this cycle that
 *   is not from the spreadsheet. The last two are looked up only when the latest is not already the
 *   answer: the baseline is the latest when the latest came by the cut-off, and the cycle's is the
 *   latest when the latest came this cycle and not from an import (none came this cycle when the
 *   latest came before it). The lookups are gated on that, so most actions cost one index probe, not three.
 * - `/overdue` shows no updates and reads none.
 * - Updates come back as plain columns, not JSON objects (cheaper to build and to read); an action's
 *   lead names and person ids as two JSON arrays in lead order. Dates come as text (pg would otherwise
 *   read a date column as a local-time midnight), update times as UTC text with a Z.
 * - Rows are put in register order here rather than by the database, which is cheaper for these wide rows.
 *
 * Workstreams nest at most two deep (area → priority), so the top level is the parent or the row itself.
 */

/** The columns of one update, as `<prefix>Id`, `<prefix>Status`… from the lateral `alias`. */
const updateColumns = (alias: string, prefix: string) =>
  `${alias}.id AS "${prefix}Id", ${alias}.status AS "${prefix}Status", ${alias}."statusWord" AS "${prefix}Word", ${alias}.note AS "${prefix}Note",
       ${alias}."authorName" AS "${prefix}Author", ${alias}.at AS "${prefix}At", ${alias}.source AS "${prefix}Source"`;

const UPDATE_FIELDS = `s.id, s.status, s."statusWord", s.note, s."authorName", s.source, s."createdAt",
                             to_char(s."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`;

const CUTOFF = `($2::timestamptz AT TIME ZONE 'UTC')`;
const CYCLE_START = `($3::timestamptz AT TIME ZONE 'UTC')`;

/** `where` filters the actions, given an alias for "Action": it is applied twice (to the actions, and to those whose leads are gathered). */
function selectActions(where: (alias: string) => string, withUpdates: boolean): string {
  return `
WITH ld AS (
  SELECT l."actionId", json_agg(COALESCE(p.name, l.name) ORDER BY l.position) AS names, json_agg(l."personId" ORDER BY l.position) AS "personIds"
    FROM "ActionLead" l JOIN "Action" x ON x.id = l."actionId" AND ${where('x')} LEFT JOIN "Person" p ON p.id = l."personId"
   GROUP BY l."actionId"
)
SELECT a.id, a."programmeId", prog.name AS programme, a.ref, a.title, a."dueDate"::text AS "dueDate", a."duePrecision", a."originalDueDate"::text AS "originalDueDate", a."originalDuePrecision",
       a."dueRevisions", a.status, a."statusWord", a."inRegister", a.position,
       COALESCE(top.name, w.name) AS workstream, CASE WHEN top.id IS NULL THEN w.ref ELSE top.ref END AS "workstreamRef",
       COALESCE(top.position, w.position) AS "workstreamPosition",
       ld.names AS "leadNames", ld."personIds" AS "leadPersonIds"${
         withUpdates
           ? `,
       ${updateColumns('latest', 'latest')},
       latest."createdAt" <= ${CUTOFF} AS "baselineIsLatest", ${updateColumns('baseline', 'baseline')},
       latest."createdAt" >= ${CYCLE_START} AND latest.source <> 'import' AS "cycleIsLatest", ${updateColumns('cycle', 'cycle')}`
           : ''
       }
  FROM "Action" a
  JOIN "Programme" prog ON prog.id = a."programmeId"
  JOIN "Workstream" w ON w.id = a."workstreamId"
  LEFT JOIN "Workstream" top ON top.id = w."parentId"
  LEFT JOIN ld ON ld."actionId" = a.id${
    withUpdates
      ? `
  LEFT JOIN LATERAL (SELECT ${UPDATE_FIELDS} FROM "StatusUpdate" s
                      WHERE s."actionId" = a.id
                      ORDER BY s."createdAt" DESC LIMIT 1) latest ON true
  LEFT JOIN LATERAL (SELECT ${UPDATE_FIELDS} FROM "StatusUpdate" s
                      WHERE latest."createdAt" > ${CUTOFF}
                        AND s."actionId" = a.id AND $2::timestamptz IS NOT NULL AND s."createdAt" <= ${CUTOFF}
                      ORDER BY s."createdAt" DESC LIMIT 1) baseline ON true
  LEFT JOIN LATERAL (SELECT ${UPDATE_FIELDS} FROM "StatusUpdate" s
                      WHERE latest."createdAt" >= ${CYCLE_START} AND latest.source = 'import'
                        AND s."actionId" = a.id AND $3::timestamptz IS NOT NULL AND s."createdAt" >= ${CYCLE_START} AND s.source <> 'import'
                      ORDER BY s."createdAt" DESC LIMIT 1) cycle ON true`
      : ''
  }
 WHERE ${where('a')}`;
}

type Prefix = 'latest' | 'baseline' | 'cycle';
type UpdateCells = {
  [P in Prefix as `${P}Id`]: string | null;
} & {
  [P in Prefix as `${P}Status`]: Brag;
} & {
  [P in Prefix as `${P}Word` | `${P}Author` | `${P}At` | `${P}Source`]: string;
} & {
  [P in Prefix as `${P}Note`]: string | null;
};

interface Row extends Partial<UpdateCells> {
  id: string;
  programmeId: string;
  programme: string;
  ref: string;
  title: string;
  dueDate: CalendarDate | null;
  duePrecision: DuePrecision | null;
  originalDueDate: CalendarDate | null;
  originalDuePrecision: DuePrecision | null;
  dueRevisions: number;
  status: Brag;
  statusWord: string;
  inRegister: boolean;
  position: number;
  workstream: string;
  workstreamRef: string | null;
  workstreamPosition: number;
  leadNames: string[] | null;
  leadPersonIds: (string | null)[] | null;
  /** Only with updates: whether the baseline, or the latest this cycle, is the latest update itself. */
  baselineIsLatest?: boolean | null;
  cycleIsLatest?: boolean | null;
}

interface FoundUpdate extends ReportUpdate {
  id: string;
}

/** Each update's column names, worked out once. */
const KEYS = Object.fromEntries(
  (['latest', 'baseline', 'cycle'] as const).map((p) => [
    p,
    { id: `${p}Id`, status: `${p}Status`, word: `${p}Word`, note: `${p}Note`, author: `${p}Author`, at: `${p}At`, source: `${p}Source` } as const,
  ]),
) as { [P in Prefix]: { id: `${P}Id`; status: `${P}Status`; word: `${P}Word`; note: `${P}Note`; author: `${P}Author`; at: `${P}At`; source: `${P}Source` } };

function updateOf(row: Row, p: Prefix): FoundUpdate | null {
  const k = KEYS[p];
  const id = row[k.id];
  if (!id) return null;
  return {
    id,
    status: row[k.status]!,
    statusWord: row[k.word]!,
    note: row[k.note] ?? null,
    author: row[k.author]!,
    at: new Date(row[k.at]!),
    source: row[k.source]!,
  };
}

function toAction(row: Row): ReportAction {
  const latest = updateOf(row, 'latest');
  const baseline = row.baselineIsLatest ? latest : updateOf(row, 'baseline');
  const cycle = row.cycleIsLatest ? latest : updateOf(row, 'cycle');
  const seen = new Set<string>();
  const updates: ReportUpdate[] = [];
  for (const u of [baseline, cycle, latest]) {
    if (!u || seen.has(u.id)) continue;
    seen.add(u.id);
    updates.push({ status: u.status, statusWord: u.statusWord, note: u.note, author: u.author, at: u.at, source: u.source });
  }
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    workstream: row.workstream,
    workstreamRef: row.workstreamRef,
    leads: row.leadNames ?? [],
    leadPersonIds: (row.leadPersonIds ?? []).filter((id): id is string => id !== null),
    due: row.dueDate ? { date: row.dueDate, precision: row.duePrecision ?? 'day' } : null,
    originalDue: row.originalDueDate ? { date: row.originalDueDate, precision: row.originalDuePrecision ?? 'day' } : null,
    dueRevisions: row.dueRevisions,
    status: row.status,
    statusWord: row.statusWord,
    inRegister: row.inRegister,
    updates,
  };
}

/** Register order: the top-level workstream's place, then the action's. */
const inRegisterOrder = (x: Row, y: Row) => x.workstreamPosition - y.workstreamPosition || x.position - y.position;

export async function queryReportActions(pool: pg.Pool, programmeId: string, w: ReportWindow): Promise<ReportAction[]> {
  const { rows } = await pool.query<Row>(selectActions((a) => `${a}."programmeId" = $1`, true), [programmeId, w.previousCutoff, w.cycleStart]);
  return rows.sort(inRegisterOrder).map(toAction);
}

/** `/overdue` shows no updates, so none are read: every candidate has `updates: []`. */
export async function queryOverdueCandidates(pool: pg.Pool, programmeId: string, asOf: CalendarDate): Promise<ReportAction[]> {
  const { rows } = await pool.query<Row>(
    selectActions((a) => `${a}."programmeId" = $1 AND ${a}."inRegister" AND ${a}.status <> 'blue' AND ${a}."dueDate" < $2::date`, false),
    [programmeId, asOf],
  );
  return rows.sort(inRegisterOrder).map(toAction);
}

export async function queryOpenActionsLedBy(pool: pg.Pool, personIds: string[]) {
  const { rows } = await pool.query<Row>(
    `${selectActions(
      (a) => `$1::text IS NULL AND ${a}."inRegister" AND ${a}.status <> 'blue'
       AND EXISTS (SELECT 1 FROM "ActionLead" led WHERE led."actionId" = ${a}.id AND led."personId" = ANY($4::text[]))`,
      true,
    )}
     ORDER BY prog.name, "workstreamPosition", a.position`,
    [null, null, null, personIds],
  );
  return rows.map((r) => ({ ...toAction(r), programmeId: r.programmeId, programme: r.programme }));
}

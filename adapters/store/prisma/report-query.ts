import type pg from 'pg';
import type { ReportWindow } from '../../../src/app/ports/store.ts';
import type { Brag } from '../../../src/domain/brag.ts';
import type { CalendarDate, DuePrecision } from '../../../src/domain/calendar-date.ts';
import type { ReportAction, ReportUpdate } from '../../../src/domain/report/types.ts';

// Dates are selected as text: pg would otherwise read a date column as a local-time midnight.
/**
 * One hand-shaped query for the report and `/overdue`: per action only the updates the report can use
 * (the latest, the latest at the movement baseline, the latest this cycle), never the whole history.
 * Workstreams nest at most two deep (area → priority), so the top level is the parent or the row itself.
 */
const selectActions = (where: string) => `
SELECT a.id, a."programmeId", prog.name AS programme, a.ref, a.title, a."dueDate"::text AS "dueDate", a."duePrecision", a."originalDueDate"::text AS "originalDueDate", a."originalDuePrecision",
       a."dueRevisions", a.status, a."statusWord", a."inRegister",
       COALESCE(top.name, w.name) AS workstream, CASE WHEN top.id IS NULL THEN w.ref ELSE top.ref END AS "workstreamRef",
       COALESCE(top.position, w.position) AS "workstreamPosition",
       (SELECT COALESCE(json_agg(json_build_object('name', COALESCE(p.name, l.name), 'personId', l."personId") ORDER BY l.position), '[]')
          FROM "ActionLead" l LEFT JOIN "Person" p ON p.id = l."personId" WHERE l."actionId" = a.id) AS leads,
       latest.u AS latest, baseline.u AS baseline, cycle.u AS cycle
  FROM "Action" a
  JOIN "Programme" prog ON prog.id = a."programmeId"
  JOIN "Workstream" w ON w.id = a."workstreamId"
  LEFT JOIN "Workstream" top ON top.id = w."parentId"
  LEFT JOIN LATERAL (SELECT ${updateJson('s')} AS u FROM "StatusUpdate" s WHERE s."actionId" = a.id
                      ORDER BY s."createdAt" DESC LIMIT 1) latest ON true
  LEFT JOIN LATERAL (SELECT ${updateJson('s')} AS u FROM "StatusUpdate" s WHERE s."actionId" = a.id AND $2::timestamptz IS NOT NULL AND s."createdAt" <= ($2::timestamptz AT TIME ZONE 'UTC')
                      ORDER BY s."createdAt" DESC LIMIT 1) baseline ON true
  LEFT JOIN LATERAL (SELECT ${updateJson('s')} AS u FROM "StatusUpdate" s WHERE s."actionId" = a.id AND $3::timestamptz IS NOT NULL AND s."createdAt" >= ($3::timestamptz AT TIME ZONE 'UTC') AND s.source <> 'import'
                      ORDER BY s."createdAt" DESC LIMIT 1) cycle ON true
 WHERE ${where}`;

function updateJson(alias: string): string {
  return `json_build_object('id', ${alias}.id, 'status', ${alias}.status, 'statusWord', ${alias}."statusWord", 'note', ${alias}.note,
    'author', ${alias}."authorName", 'at', to_char(${alias}."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'source', ${alias}.source)`;
}

interface Row {
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
  workstream: string;
  workstreamRef: string | null;
  workstreamPosition: number;
  leads: { name: string; personId: string | null }[];
  latest: (Omit<ReportUpdate, 'at'> & { id: string; at: string }) | null;
  baseline: (Omit<ReportUpdate, 'at'> & { id: string; at: string }) | null;
  cycle: (Omit<ReportUpdate, 'at'> & { id: string; at: string }) | null;
}

function toAction(row: Row): ReportAction {
  const seen = new Set<string>();
  const updates: ReportUpdate[] = [];
  for (const u of [row.baseline, row.cycle, row.latest]) {
    if (!u || seen.has(u.id)) continue;
    seen.add(u.id);
    updates.push({ status: u.status, statusWord: u.statusWord, note: u.note, author: u.author, at: new Date(u.at), source: u.source });
  }
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    workstream: row.workstream,
    workstreamRef: row.workstreamRef,
    leads: row.leads.map((l) => l.name),
    leadPersonIds: row.leads.flatMap((l) => (l.personId ? [l.personId] : [])),
    due: row.dueDate ? { date: row.dueDate, precision: row.duePrecision ?? 'day' } : null,
    originalDue: row.originalDueDate ? { date: row.originalDueDate, precision: row.originalDuePrecision ?? 'day' } : null,
    dueRevisions: row.dueRevisions,
    status: row.status,
    statusWord: row.statusWord,
    inRegister: row.inRegister,
    updates,
  };
}

const ORDER = ` ORDER BY "workstreamPosition", a.position`;

export async function queryReportActions(pool: pg.Pool, programmeId: string, w: ReportWindow): Promise<ReportAction[]> {
  const { rows } = await pool.query<Row>(selectActions(`a."programmeId" = $1`) + ORDER, [programmeId, w.previousCutoff, w.cycleStart]);
  return rows.map(toAction);
}

export async function queryOverdueCandidates(pool: pg.Pool, programmeId: string, asOf: CalendarDate): Promise<ReportAction[]> {
  const { rows } = await pool.query<Row>(
    `${selectActions(`a."programmeId" = $1 AND a."inRegister" AND a.status <> 'blue' AND a."dueDate" < $4::date`)} ${ORDER}`,
    [programmeId, null, null, asOf],
  );
  return rows.map(toAction);
}

export async function queryOpenActionsLedBy(pool: pg.Pool, personIds: string[]) {
  const { rows } = await pool.query<Row>(
    `${selectActions(`$1::text IS NULL AND a."inRegister" AND a.status <> 'blue'
       AND EXISTS (SELECT 1 FROM "ActionLead" l WHERE l."actionId" = a.id AND l."personId" = ANY($4::text[]))`)}
     ORDER BY prog.name, "workstreamPosition", a.position`,
    [null, null, null, personIds],
  );
  return rows.map((r) => ({ ...toAction(r), programmeId: r.programmeId, programme: r.programme }));
}

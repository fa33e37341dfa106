import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Brag } from '../../src/domain/brag.ts';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import type { ImportPlan } from '../../src/domain/import/import-plan.ts';
import type { RegisterRow } from '../../src/domain/register/interpret.ts';
import { utcText } from './synthetic.ts';

/*
 * The floors: the same answer from one hand-written SQL statement on the same database.
 * Their inputs are prepared before the clock starts (the plan, the window), so a floor is
 * the database's share of the work and nothing else.
 */

/** First import: the programme, its workstreams, actions, leads and "import" updates in one statement of multi-row INSERTs. */
export async function floorFirstImport(pool: pg.Pool, programmeName: string, plan: ImportPlan, now: Date): Promise<number> {
  const programmeId = randomUUID();
  const wsIds = new Map(plan.workstreams.map((w) => [w.key, randomUUID()]));
  const actionIds = plan.creates.map(() => randomUUID());
  const col = <T>(f: (c: ImportPlan['creates'][number], i: number) => T) => plan.creates.map(f);
  const leads = plan.creates.flatMap((c, i) => c.leads.map((l, position) => ({ actionId: actionIds[i]!, ...l, position })));
  const at = utcText(now);
  const { rows } = await pool.query<{ actions: string }>(
    `WITH p AS (
       INSERT INTO "Programme" (id, name, "updatedAt") VALUES ($1, $2, $3::timestamp) RETURNING id
     ), ws AS (
       INSERT INTO "Workstream" (id, "programmeId", "parentId", ref, name, "matchKey", position)
       SELECT id, $1, "parentId", ref, name, "matchKey", position
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[]) AS w(id, "parentId", ref, name, "matchKey", position)
       RETURNING id
     ), a AS (
       INSERT INTO "Action" (id, "programmeId", "workstreamId", ref, "refGenerated", "matchKey", title, "successCriteria", "impactMeasures",
                             "startDate", "startPrecision", "dueDate", "duePrecision", "originalDueDate", "originalDuePrecision",
                             milestones, links, "leadsText", status, "statusWord", "statusAt", "importedStatusWord", position, "sourceRow", "updatedAt")
       SELECT id, $1, "workstreamId", ref, "refGenerated", "matchKey", title, "successCriteria", "impactMeasures",
              "startDate"::date, "startPrecision"::"DuePrecision", "dueDate"::date, "duePrecision"::"DuePrecision", "dueDate"::date, "duePrecision"::"DuePrecision",
              milestones::jsonb, ARRAY(SELECT json_array_elements_text(links::json)), "leadsText", status::"Brag", "statusWord", $3::timestamp, "statusWord",
              position, "sourceRow", $3::timestamp
         FROM unnest($10::text[], $11::text[], $12::text[], $13::bool[], $14::text[], $15::text[], $16::text[], $17::text[],
                     $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[],
                     $27::int[], $28::int[])
              AS v(id, "workstreamId", ref, "refGenerated", "matchKey", title, "successCriteria", "impactMeasures",
                   "startDate", "startPrecision", "dueDate", "duePrecision", milestones, links, "leadsText", status, "statusWord", position, "sourceRow")
       RETURNING id
     ), l AS (
       INSERT INTO "ActionLead" (id, "actionId", "personId", name, position)
       SELECT gen_random_uuid()::text, "actionId", "personId", name, position
         FROM unnest($29::text[], $30::text[], $31::text[], $32::int[]) AS l("actionId", "personId", name, position)
       RETURNING id
     ), u AS (
       INSERT INTO "StatusUpdate" (id, "actionId", "authorName", status, "statusWord", source, "createdAt")
       SELECT gen_random_uuid()::text, "actionId", 'import', status::"Brag", "statusWord", 'import', $3::timestamp
         FROM unnest($10::text[], $25::text[], $26::text[]) AS u("actionId", status, "statusWord")
       RETURNING id
     )
     SELECT (SELECT count(*) FROM a) AS actions, (SELECT count(*) FROM l) AS leads, (SELECT count(*) FROM u) AS updates,
            (SELECT count(*) FROM ws) AS workstreams, (SELECT count(*) FROM p) AS programmes`,
    [
      programmeId, programmeName, at,
      plan.workstreams.map((w) => wsIds.get(w.key)!),
      plan.workstreams.map((w) => (w.parentKey ? wsIds.get(w.parentKey)! : null)),
      plan.workstreams.map((w) => w.ref),
      plan.workstreams.map((w) => w.name),
      plan.workstreams.map((w) => w.key),
      plan.workstreams.map((w) => w.position),
      actionIds,
      col((c) => wsIds.get(c.workstreamKey)!),
      col((c) => c.ref),
      col((c) => c.refGenerated),
      col((c) => c.matchKey),
      col((c) => c.title),
      col((c) => c.successCriteria),
      col((c) => c.impactMeasures),
      col((c) => c.start?.date ?? null),
      col((c) => c.start?.precision ?? null),
      col((c) => c.due?.date ?? null),
      col((c) => c.due?.precision ?? null),
      col((c) => JSON.stringify(c.milestones)),
      col((c) => JSON.stringify(c.links)),
      col((c) => c.leadsText),
      col((c) => c.status),
      col((c) => c.statusWord),
      col((c) => c.position),
      col((c) => c.sourceRow),
      leads.map((l) => l.actionId),
      leads.map((l) => l.personId),
      leads.map((l) => l.name),
      leads.map((l) => l.position),
    ],
  );
  return Number(rows[0]!.actions);
}

/**
 * Re-import: every row of the register sent in one statement; the database finds the rows that
 * differ, rewrites them (counting a due-date revision) and records an "import" update where the
 * register's status word changed. Leads and workstreams are not compared: the bench's variants leave them alone.
 */
export async function floorReimport(
  pool: pg.Pool,
  programmeId: string,
  rows: readonly RegisterRow[],
  mapStatus: (word: string) => Brag,
  now: Date,
): Promise<{ updated: number; statuses: number }> {
  const col = <T>(f: (r: RegisterRow) => T) => rows.map(f);
  const result = await pool.query<{ updated: string; statuses: string }>(
    `WITH v AS (
       SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[])
                AS v(ref, title, "successCriteria", "dueDate", "duePrecision", "leadsText", status, "statusWord", position, "sourceRow")
     ), d AS (
       SELECT a.id, v.*, a."importedStatusWord" IS DISTINCT FROM v."statusWord" AS "statusChanged",
              a."dueDate" IS NOT NULL AND (a."dueDate" IS DISTINCT FROM v."dueDate"::date OR a."duePrecision"::text IS DISTINCT FROM v."duePrecision") AS "dueChanged"
         FROM "Action" a JOIN v ON a."programmeId" = $1 AND a.ref = v.ref
        WHERE (a.title, a."successCriteria", a."dueDate", a."duePrecision"::text, a."leadsText", a."importedStatusWord", a.position, a."sourceRow", a."inRegister")
              IS DISTINCT FROM (v.title, v."successCriteria", v."dueDate"::date, v."duePrecision", v."leadsText", v."statusWord", v.position, v."sourceRow", true)
     ), upd AS (
       UPDATE "Action" a
          SET title = d.title, "successCriteria" = d."successCriteria", "dueDate" = d."dueDate"::date, "duePrecision" = d."duePrecision"::"DuePrecision",
              "dueRevisions" = a."dueRevisions" + CASE WHEN d."dueChanged" THEN 1 ELSE 0 END,
              "leadsText" = d."leadsText", position = d.position, "sourceRow" = d."sourceRow", "inRegister" = true,
              status = CASE WHEN d."statusChanged" THEN d.status::"Brag" ELSE a.status END,
              "statusWord" = CASE WHEN d."statusChanged" THEN d."statusWord" ELSE a."statusWord" END,
              "statusAt" = CASE WHEN d."statusChanged" THEN $12::timestamp ELSE a."statusAt" END,
              "importedStatusWord" = d."statusWord", "updatedAt" = $12::timestamp
         FROM d WHERE a.id = d.id
       RETURNING a.id
     ), ins AS (
       INSERT INTO "StatusUpdate" (id, "actionId", "authorName", status, "statusWord", note, source, "createdAt")
       SELECT gen_random_uuid()::text, d.id, 'import', d.status::"Brag", d."statusWord", 'Status changed in the register', 'import', $12::timestamp
         FROM d WHERE d."statusChanged"
       RETURNING id
     )
     SELECT (SELECT count(*) FROM upd) AS updated, (SELECT count(*) FROM ins) AS statuses`,
    [
      programmeId,
      col((r) => r.ref ?? r.generatedRef),
      col((r) => r.title),
      col((r) => r.successCriteria || null),
      col((r) => r.due?.date ?? null),
      col((r) => r.due?.precision ?? null),
      col((r) => r.leadsText ?? ''),
      col((r) => mapStatus(r.statusWord)),
      col((r) => r.statusWord),
      rows.map((_, i) => i),
      col((r) => r.row),
      utcText(now),
    ],
  );
  return { updated: Number(result.rows[0]!.updated), statuses: Number(result.rows[0]!.statuses) };
}

export interface FloorOverdueRow {
  ref: string;
  title: string;
  workstream: string;
  leads: string[];
  due: CalendarDate;
  daysOverdue: number;
  status: Brag;
}

/**
 * `/overdue` in one query: open actions in the register whose due date is before `asOf`, in register order.
 * Leads are aggregated once for the listed actions (a grouped join), not by a subquery per action:
 * on PostgreSQL 15 that per-row subquery cost about 0.05 ms an action, most of such a query's time.
 */
export async function floorOverdue(pool: pg.Pool, programmeId: string, asOf: CalendarDate): Promise<FloorOverdueRow[]> {
  const { rows } = await pool.query<FloorOverdueRow>(
    `WITH o AS (
       SELECT a.id, a.ref, a.title, a."workstreamId", a."dueDate", a.status FROM "Action" a
        WHERE a."programmeId" = $1 AND a."inRegister" AND a.status <> 'blue' AND a."dueDate" < $2::date
     ), ld AS (
       SELECT l."actionId", array_agg(COALESCE(p.name, l.name) ORDER BY l.position) AS leads
         FROM "ActionLead" l JOIN o ON o.id = l."actionId" LEFT JOIN "Person" p ON p.id = l."personId"
        GROUP BY l."actionId"
     )
     SELECT o.ref, o.title, COALESCE(top.name, w.name) AS workstream, COALESCE(ld.leads, '{}') AS leads,
            o."dueDate"::text AS due, $2::date - o."dueDate" AS "daysOverdue", o.status
       FROM o
       JOIN "Workstream" w ON w.id = o."workstreamId"
       LEFT JOIN "Workstream" top ON top.id = w."parentId"
       LEFT JOIN ld ON ld."actionId" = o.id
      ORDER BY COALESCE(top.position, w.position), string_to_array(o.ref, '.')::int[]`,
    [programmeId, asOf],
  );
  return rows;
}

export interface FloorReportRow {
  ref: string;
  title: string;
  workstream: string;
  leads: string[];
  due: CalendarDate | null;
  duePrecision: string | null;
  status: Brag;
  statusWord: string;
  inRegister: boolean;
  latestStatus: Brag | null;
  latestNote: string | null;
  latestAuthor: string | null;
  /** UTC wall-clock text. */
  latestAt: string | null;
  /** Status at the previous meeting's cut-off: the movement baseline. */
  baselineStatus: Brag | null;
  /** A lead said something (not the spreadsheet) since the cycle began. */
  updatedThisCycle: boolean;
}

/**
 * What the report needs, per action, in one query: its latest update, its status at the previous
 * cut-off, whether a lead spoke this cycle, and its leads (aggregated once, as in `floorOverdue`).
 */
export async function floorReport(pool: pg.Pool, programmeId: string, previousCutoff: Date | null, cycleStart: Date | null): Promise<FloorReportRow[]> {
  const { rows } = await pool.query<FloorReportRow>(
    `WITH ld AS (
       SELECT l."actionId", array_agg(COALESCE(p.name, l.name) ORDER BY l.position) AS leads
         FROM "ActionLead" l JOIN "Action" x ON x.id = l."actionId" AND x."programmeId" = $1 LEFT JOIN "Person" p ON p.id = l."personId"
        GROUP BY l."actionId"
     )
     SELECT a.ref, a.title, COALESCE(top.name, w.name) AS workstream, COALESCE(ld.leads, '{}') AS leads,
            a."dueDate"::text AS due, a."duePrecision"::text AS "duePrecision", a.status, a."statusWord", a."inRegister",
            latest.status AS "latestStatus", latest.note AS "latestNote", latest."authorName" AS "latestAuthor", latest."createdAt"::text AS "latestAt",
            (SELECT s.status FROM "StatusUpdate" s WHERE s."actionId" = a.id AND s."createdAt" <= $2::timestamp
              ORDER BY s."createdAt" DESC LIMIT 1) AS "baselineStatus",
            EXISTS (SELECT 1 FROM "StatusUpdate" s WHERE s."actionId" = a.id AND ($3::timestamp IS NULL OR s."createdAt" >= $3::timestamp) AND s.source <> 'import') AS "updatedThisCycle"
       FROM "Action" a
       JOIN "Workstream" w ON w.id = a."workstreamId"
       LEFT JOIN "Workstream" top ON top.id = w."parentId"
       LEFT JOIN ld ON ld."actionId" = a.id
       LEFT JOIN LATERAL (SELECT s.status, s.note, s."authorName", s."createdAt" FROM "StatusUpdate" s
                           WHERE s."actionId" = a.id ORDER BY s."createdAt" DESC LIMIT 1) latest ON true
      WHERE a."programmeId" = $1
      ORDER BY COALESCE(top.position, w.position), string_to_array(a.ref, '.')::int[]`,
    [programmeId, previousCutoff ? utcText(previousCutoff) : null, cycleStart ? utcText(cycleStart) : null],
  );
  return rows;
}

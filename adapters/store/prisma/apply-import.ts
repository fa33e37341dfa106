import { randomUUID } from 'node:crypto';
import type { ImportCounts, ImportRunInfo } from '../../../src/app/ports/store.ts';
import type { ImportPlan, PlannedCreate, PlannedLead, PlannedUpdate } from '../../../src/domain/import/import-plan.ts';
import type { Prisma, PrismaClient } from '../generated/client.ts';
import { chunks, dueDate, duePrecision, utcTimestamp } from './sql/rows.ts';

type Tx = Prisma.TransactionClient;

/** Rows per statement: a 2,000-row register goes in one of each. */
const CHUNK = 2000;
const IMPORT_AUTHOR = 'import';

/*
 * An import writes its rows with one multi-row statement per table (per chunk), on the transaction's
 * connection: Prisma's createMany and per-row update cost far more in the client than in the database.
 * Ids are made here, as Prisma would make them (`@default(uuid())` is the client's, not a column default),
 * and so is `updatedAt` (`@updatedAt`).
 */

const ACTION_COLUMNS = `id text, "workstreamId" text, ref text, "refGenerated" boolean, "matchKey" text, title text, "successCriteria" text, "impactMeasures" text,
  "startDate" date, "startPrecision" "DuePrecision", "dueDate" date, "duePrecision" "DuePrecision", milestones jsonb, links text[], "leadsText" text,
  status "Brag", "statusWord" text, position int, "sourceRow" int`;

const INSERT_ACTIONS = `
INSERT INTO "Action" (id, "programmeId", "workstreamId", ref, "refGenerated", "matchKey", title, "successCriteria", "impactMeasures",
                      "startDate", "startPrecision", "dueDate", "duePrecision", "originalDueDate", "originalDuePrecision",
                      milestones, links, "leadsText", status, "statusWord", "statusAt", "importedStatusWord", position, "sourceRow", "createdAt", "updatedAt")
SELECT v.id, $2, v."workstreamId", v.ref, v."refGenerated", v."matchKey", v.title, v."successCriteria", v."impactMeasures",
       v."startDate", v."startPrecision", v."dueDate", v."duePrecision", v."dueDate", v."duePrecision",
       v.milestones, COALESCE(v.links, '{}'), v."leadsText", v.status, v."statusWord", $3::timestamp, v."statusWord", v.position, v."sourceRow", $4::timestamp, $4::timestamp
  FROM json_to_recordset($1::json) AS v(${ACTION_COLUMNS})`;

const UPDATE_ACTIONS = `
UPDATE "Action" AS a
   SET "workstreamId" = v."workstreamId", "matchKey" = v."matchKey", title = v.title, "successCriteria" = v."successCriteria", "impactMeasures" = v."impactMeasures",
       "startDate" = v."startDate", "startPrecision" = v."startPrecision", "dueDate" = v."dueDate", "duePrecision" = v."duePrecision",
       "dueRevisions" = a."dueRevisions" + CASE WHEN v."dueRevised" THEN 1 ELSE 0 END,
       milestones = v.milestones, links = COALESCE(v.links, '{}'), "leadsText" = v."leadsText", position = v.position, "sourceRow" = v."sourceRow",
       "inRegister" = true,
       status = CASE WHEN v."statusChanged" THEN v.status ELSE a.status END,
       "statusWord" = CASE WHEN v."statusChanged" THEN v."statusWord" ELSE a."statusWord" END,
       "statusAt" = CASE WHEN v."statusChanged" THEN $2::timestamp ELSE a."statusAt" END,
       "importedStatusWord" = CASE WHEN v."statusChanged" THEN v."statusWord" ELSE a."importedStatusWord" END,
       "updatedAt" = $3::timestamp
  FROM json_to_recordset($1::json) AS v(${ACTION_COLUMNS}, "dueRevised" boolean, "statusChanged" boolean)
 WHERE a.id = v.id`;

const INSERT_LEADS = `
INSERT INTO "ActionLead" (id, "actionId", "personId", name, position)
SELECT v.id, v."actionId", v."personId", v.name, v.position
  FROM json_to_recordset($1::json) AS v(id text, "actionId" text, "personId" text, name text, position int)`;

const INSERT_UPDATES = `
INSERT INTO "StatusUpdate" (id, "actionId", "authorName", status, "statusWord", note, source, "createdAt")
SELECT v.id, v."actionId", '${IMPORT_AUTHOR}', v.status, v."statusWord", v.note, 'import', $2::timestamp
  FROM json_to_recordset($1::json) AS v(id text, "actionId" text, status "Brag", "statusWord" text, note text)`;

const INSERT_WORKSTREAMS = `
INSERT INTO "Workstream" (id, "programmeId", "parentId", ref, name, "matchKey", position, "createdAt")
SELECT v.id, $2, v."parentId", v.ref, v.name, v."matchKey", v.position, $3::timestamp
  FROM json_to_recordset($1::json) AS v(id text, "parentId" text, ref text, name text, "matchKey" text, position int)`;

const UPDATE_WORKSTREAMS = `
UPDATE "Workstream" AS w SET position = v.position, ref = v.ref, name = v.name
  FROM json_to_recordset($1::json) AS v(id text, ref text, name text, position int)
 WHERE w.id = v.id`;

/** The import's own record and its audit entry, in one statement. */
const RECORD_RUN = `
WITH v AS (SELECT $1::jsonb AS j), run AS (
  INSERT INTO "ImportRun" (id, "programmeId", at, file, sheet, created, updated, unchanged, removed, warnings)
  SELECT r.id, r."programmeId", r.at, r.file, r.sheet, r.created, r.updated, r.unchanged, r.removed, r.warnings
    FROM v, jsonb_to_record(v.j -> 'run') AS r(id text, "programmeId" text, at timestamp, file text, sheet text,
                                                created int, updated int, unchanged int, removed int, warnings jsonb)
)
INSERT INTO "AuditEntry" (id, at, actor, "programmeId", verb, entity, details)
SELECT e.id, e.at, e.actor, e."programmeId", 'import', 'register', e.details
  FROM v, jsonb_to_record(v.j -> 'audit') AS e(id text, at timestamp, actor text, "programmeId" text, details jsonb)`;

/** One transaction: an import lands whole or not at all. */
export async function applyImport(
  prisma: PrismaClient,
  programmeId: string,
  plan: ImportPlan,
  run: ImportRunInfo,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportCounts> {
  const total = plan.creates.length + plan.updates.length;
  let done = 0;
  const tick = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  return prisma.$transaction(
    async (tx) => {
      const workstreamIds = await ensureWorkstreams(tx, programmeId, plan);
      const now = run.at;
      const at = utcTimestamp(now);
      // What Prisma's @updatedAt would have written: the moment of writing.
      const written = utcTimestamp(new Date());

      for (const chunk of chunks(plan.creates, CHUNK)) {
        const ids = chunk.map(() => randomUUID());
        await tx.$executeRawUnsafe(INSERT_ACTIONS, JSON.stringify(chunk.map((c, i) => actionRow(ids[i]!, c, workstreamIds))), programmeId, at, written);
        const leads = chunk.flatMap((c, i) => leadRows(ids[i]!, c.leads));
        if (leads.length) await tx.$executeRawUnsafe(INSERT_LEADS, JSON.stringify(leads));
        const updates = chunk.map((c, i) => ({ id: randomUUID(), actionId: ids[i]!, status: c.status, statusWord: c.statusWord, note: null }));
        await tx.$executeRawUnsafe(INSERT_UPDATES, JSON.stringify(updates), at);
        tick(chunk.length);
      }

      for (const chunk of chunks(plan.updates, CHUNK)) {
        await tx.$executeRawUnsafe(UPDATE_ACTIONS, JSON.stringify(chunk.map((u) => updateRow(u, workstreamIds))), at, written);
        const releaded = chunk.filter((u) => u.changed.includes('leads'));
        if (releaded.length) {
          await tx.$executeRawUnsafe(`DELETE FROM "ActionLead" WHERE "actionId" IN (SELECT json_array_elements_text($1::json))`, JSON.stringify(releaded.map((u) => u.id)));
          const leads = releaded.flatMap((u) => leadRows(u.id, u.fields.leads));
          if (leads.length) await tx.$executeRawUnsafe(INSERT_LEADS, JSON.stringify(leads));
        }
        const statuses = chunk.flatMap((u) =>
          u.status ? [{ id: randomUUID(), actionId: u.id, status: u.status.brag, statusWord: u.status.word, note: 'Status changed in the register' }] : [],
        );
        if (statuses.length) await tx.$executeRawUnsafe(INSERT_UPDATES, JSON.stringify(statuses), at);
        tick(chunk.length);
      }

      if (plan.removed.length) {
        await tx.$executeRawUnsafe(
          `UPDATE "Action" SET "inRegister" = false, "updatedAt" = $2::timestamp WHERE id IN (SELECT json_array_elements_text($1::json))`,
          JSON.stringify(plan.removed.map((r) => r.id)),
          written,
        );
      }

      const counts: ImportCounts = {
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        removed: plan.removed.length,
      };
      const details = {
        file: run.file,
        ...counts,
        changes: plan.updates.map((u) => ({ ref: u.ref, changed: u.changed })),
        removed: plan.removed.map((r) => r.ref),
      };
      await tx.$executeRawUnsafe(
        RECORD_RUN,
        JSON.stringify({
          run: { id: randomUUID(), programmeId, at, file: run.file, sheet: run.sheet, ...counts, warnings: plan.warnings },
          audit: { id: randomUUID(), at, actor: run.actor, programmeId, details },
        }),
      );
      return counts;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

function actionRow(id: string, c: PlannedCreate, workstreamIds: Map<string, string>) {
  return {
    id,
    workstreamId: workstreamIds.get(c.workstreamKey)!,
    ref: c.ref,
    refGenerated: c.refGenerated,
    matchKey: c.matchKey,
    title: c.title,
    successCriteria: c.successCriteria,
    impactMeasures: c.impactMeasures,
    startDate: dueDate(c.start),
    startPrecision: duePrecision(c.start),
    dueDate: dueDate(c.due),
    duePrecision: duePrecision(c.due),
    milestones: c.milestones,
    links: c.links,
    leadsText: c.leadsText,
    status: c.status,
    statusWord: c.statusWord,
    position: c.position,
    sourceRow: c.sourceRow,
  };
}

function updateRow(u: PlannedUpdate, workstreamIds: Map<string, string>) {
  const f = u.fields;
  return {
    id: u.id,
    workstreamId: workstreamIds.get(f.workstreamKey)!,
    matchKey: f.matchKey,
    title: f.title,
    successCriteria: f.successCriteria,
    impactMeasures: f.impactMeasures,
    startDate: dueDate(f.start),
    startPrecision: duePrecision(f.start),
    dueDate: dueDate(f.due),
    duePrecision: duePrecision(f.due),
    milestones: f.milestones,
    links: f.links,
    leadsText: f.leadsText,
    position: f.position,
    sourceRow: f.sourceRow,
    dueRevised: u.dueRevised,
    statusChanged: u.status !== null,
    status: u.status?.brag ?? null,
    statusWord: u.status?.word ?? null,
  };
}

function leadRows(actionId: string, leads: PlannedLead[]) {
  return leads.map((l, position) => ({ id: randomUUID(), actionId, name: l.name, personId: l.personId, position }));
}

/** Creates the plan's new workstreams in one statement and updates, in one more, only those whose place, ref or name changed. */
async function ensureWorkstreams(tx: Tx, programmeId: string, plan: ImportPlan): Promise<Map<string, string>> {
  const existing = await tx.workstream.findMany({ where: { programmeId }, select: { id: true, matchKey: true, ref: true, name: true, position: true } });
  const byKey = new Map(existing.map((w) => [w.matchKey, w]));
  const ids = new Map(existing.map((w) => [w.matchKey, w.id]));
  const created: { id: string; parentId: string | null; ref: string | null; name: string; matchKey: string; position: number }[] = [];
  const changed: { id: string; ref: string | null; name: string; position: number }[] = [];
  // Parents come before their children in the plan, so a child's parent id is always known.
  for (const w of plan.workstreams) {
    const stored = byKey.get(w.key);
    if (stored) {
      if (stored.position !== w.position || stored.ref !== w.ref || stored.name !== w.name) changed.push({ id: stored.id, ref: w.ref, name: w.name, position: w.position });
      continue;
    }
    const id = randomUUID();
    created.push({ id, parentId: w.parentKey ? ids.get(w.parentKey)! : null, ref: w.ref, name: w.name, matchKey: w.key, position: w.position });
    ids.set(w.key, id);
  }
  if (created.length) await tx.$executeRawUnsafe(INSERT_WORKSTREAMS, JSON.stringify(created), programmeId, utcTimestamp(new Date()));
  if (changed.length) await tx.$executeRawUnsafe(UPDATE_WORKSTREAMS, JSON.stringify(changed));
  return ids;
}

import type pg from 'pg';
import type { RegisterStore } from '../../../src/app/ports/store.ts';
import { normaliseKeyPart } from '../../../src/domain/import/match-key.ts';
import type { PrismaClient } from '../generated/client.ts';
import type { Brag } from '../../../src/domain/brag.ts';
import { applyImport } from './apply-import.ts';
import type { CalendarDate, DuePrecision } from '../../../src/domain/calendar-date.ts';
import { queryOpenActionsLedBy, queryOverdueCandidates, queryReportActions } from './report-query.ts';
import { queryReportVersion } from './report-version.ts';

export function registerStore(prisma: PrismaClient, pool: pg.Pool): RegisterStore {
  return {
    async existingActions(programmeId) {
      // One query in register order (a register without refs matches its duplicates in that order); dates as text.
      const { rows } = await pool.query<{
        id: string; ref: string; refGenerated: boolean; matchKey: string; workstreamKey: string; title: string;
        successCriteria: string | null; impactMeasures: string | null; startDate: CalendarDate | null; startPrecision: DuePrecision | null;
        dueDate: CalendarDate | null; duePrecision: DuePrecision | null; links: string[]; leadsText: string; importedStatusWord: string; inRegister: boolean;
      }>(
        `SELECT a.id, a.ref, a."refGenerated", a."matchKey", w."matchKey" AS "workstreamKey", a.title, a."successCriteria", a."impactMeasures",
                a."startDate"::text AS "startDate", a."startPrecision", a."dueDate"::text AS "dueDate", a."duePrecision",
                a.links, a."leadsText", a."importedStatusWord", a."inRegister"
           FROM "Action" a JOIN "Workstream" w ON w.id = a."workstreamId"
          WHERE a."programmeId" = $1
          ORDER BY a.position, a.id`,
        [programmeId],
      );
      return rows.map((a) => ({
        id: a.id,
        ref: a.ref,
        refGenerated: a.refGenerated,
        matchKey: a.matchKey,
        workstreamKey: a.workstreamKey,
        title: a.title,
        successCriteria: a.successCriteria,
        impactMeasures: a.impactMeasures,
        start: a.startDate ? { date: a.startDate, precision: a.startPrecision ?? 'day' } : null,
        due: a.dueDate ? { date: a.dueDate, precision: a.duePrecision ?? 'day' } : null,
        links: a.links,
        leadsText: a.leadsText,
        importedStatusWord: a.importedStatusWord,
        inRegister: a.inRegister,
      }));
    },
    applyImport: (programmeId, plan, run, onProgress) => applyImport(prisma, programmeId, plan, run, onProgress),
    reportActions: (programmeId, window) => queryReportActions(pool, programmeId, window),
    overdueCandidates: (programmeId, asOf) => queryOverdueCandidates(pool, programmeId, asOf),
    openActionsLedBy: (personIds) => queryOpenActionsLedBy(pool, personIds),
    reportVersion: (programmeId) => queryReportVersion(pool, programmeId),
    async leadActions(programmeId) {
      const { rows } = await pool.query<{ personId: string; id: string; due: string | null; precision: 'day' | 'month' | null; status: Brag; lastAt: Date | null }>(
        `SELECT l."personId", a.id, a."dueDate"::text AS due, a."duePrecision" AS precision, a.status,
                (SELECT max(s."createdAt") FROM "StatusUpdate" s WHERE s."actionId" = a.id AND s.source <> 'import') AS "lastAt"
           FROM "Action" a JOIN "ActionLead" l ON l."actionId" = a.id
          WHERE a."programmeId" = $1 AND a."inRegister" AND a.status <> 'blue' AND l."personId" IS NOT NULL
          ORDER BY l."personId", a.position`,
        [programmeId],
      );
      const byLead = new Map<string, { personId: string; actions: { id: string; due: { date: string; precision: 'day' | 'month' } | null; status: Brag; lastUpdateAt: Date | null }[] }>();
      for (const r of rows) {
        const lead = byLead.get(r.personId) ?? { personId: r.personId, actions: [] };
        lead.actions.push({ id: r.id, due: r.due ? { date: r.due, precision: r.precision ?? 'day' } : null, status: r.status, lastUpdateAt: r.lastAt ? new Date(r.lastAt) : null });
        byLead.set(r.personId, lead);
      }
      return [...byLead.values()];
    },
    async programmesLedBy(personId) {
      const rows = await prisma.action.findMany({
        where: { leads: { some: { personId } } },
        distinct: ['programmeId'],
        select: { programmeId: true },
      });
      return rows.map((r) => r.programmeId);
    },
    async unresolvedLeads(programmeId) {
      const rows = await prisma.actionLead.findMany({
        where: { personId: null, action: { inRegister: true, ...(programmeId ? { programmeId } : {}) } },
        select: { name: true, action: { select: { ref: true, programme: { select: { name: true } } } } },
      });
      const byName = new Map<string, { name: string; programme: string; refs: string[] }>();
      for (const r of rows) {
        const key = `${r.action.programme.name}\u0000${normaliseKeyPart(r.name)}`;
        const entry = byName.get(key) ?? { name: r.name, programme: r.action.programme.name, refs: [] };
        entry.refs.push(r.action.ref);
        byName.set(key, entry);
      }
      return [...byName.values()].sort((a, b) => a.programme.localeCompare(b.programme) || a.name.localeCompare(b.name));
    },
    async resolveLeads(resolve) {
      const { rows: leads } = await pool.query<{ id: string; name: string; personId: string | null }>(`SELECT id, name, "personId" FROM "ActionLead"`);
      const changes = leads
        .map((l) => ({ id: l.id, personId: resolve(l.name), was: l.personId }))
        .filter((c) => c.personId !== c.was);
      if (changes.length) {
        await pool.query(
          `UPDATE "ActionLead" AS l SET "personId" = v.pid FROM unnest($1::text[], $2::text[]) AS v(id, pid) WHERE l.id = v.id`,
          [changes.map((c) => c.id), changes.map((c) => c.personId)],
        );
      }
      return changes.length;
    },
    async workstreams(programmeId) {
      return prisma.workstream.findMany({
        where: { programmeId, parentId: null },
        orderBy: { position: 'asc' },
        select: { id: true, ref: true, name: true },
      });
    },
    async findWorkstream(programmeId, refOrName) {
      const text = refOrName.trim();
      const hit = await prisma.workstream.findFirst({
        where: { programmeId, OR: [{ ref: { equals: text, mode: 'insensitive' } }, { name: { equals: text, mode: 'insensitive' } }] },
        orderBy: { position: 'asc' },
        select: { id: true },
      });
      return hit?.id ?? null;
    },
    async countActions(programmeId) {
      const { rows } = await pool.query<{ total: number; inRegister: number; workstreams: number }>(
        `SELECT (SELECT count(*) FROM "Action" WHERE "programmeId" = $1)::int AS total,
                (SELECT count(*) FROM "Action" WHERE "programmeId" = $1 AND "inRegister")::int AS "inRegister",
                (SELECT count(*) FROM "Workstream" WHERE "programmeId" = $1 AND "parentId" IS NULL)::int AS workstreams`,
        [programmeId],
      );
      return rows[0]!;
    },
  };
}

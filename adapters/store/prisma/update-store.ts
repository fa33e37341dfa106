import type { UpdateStore } from '../../../src/app/ports/store.ts';
import type { PrismaClient } from '../generated/client.ts';
import { dueFromColumns, toDbDate } from './columns.ts';

export function updateStore(prisma: PrismaClient): UpdateStore {
  return {
    async actionForUpdate(key) {
      const action = await prisma.action.findFirst({
        where: 'id' in key ? { id: key.id } : { programmeId: key.programmeId, ref: { equals: key.ref.trim(), mode: 'insensitive' } },
        include: { leads: { select: { personId: true } }, workstream: { select: { id: true, parentId: true } } },
      });
      if (!action) return null;
      // Workstreams nest two deep at most (area → priority): the parent is the only ancestor.
      const workstreamIds = [action.workstream.id, ...(action.workstream.parentId ? [action.workstream.parentId] : [])];
      return {
        id: action.id,
        ref: action.ref,
        title: action.title,
        programmeId: action.programmeId,
        workstreamIds,
        leadPersonIds: action.leads.flatMap((l) => (l.personId ? [l.personId] : [])),
        status: action.status,
        statusWord: action.statusWord,
        due: dueFromColumns(action.dueDate, action.duePrecision),
        inRegister: action.inRegister,
      };
    },
    async latestBy(actionId, authorId, since) {
      const row = await prisma.statusUpdate.findFirst({
        where: { actionId, authorId, ...(since ? { createdAt: { gte: since } } : {}) },
        orderBy: { createdAt: 'desc' },
        select: { id: true, createdAt: true },
      });
      return row ? { id: row.id, at: row.createdAt } : null;
    },
    async record(u) {
      return prisma.$transaction(async (tx) => {
        const created = await tx.statusUpdate.create({
          data: {
            actionId: u.actionId,
            authorId: u.authorId,
            authorName: u.authorName,
            onBehalfOfId: u.onBehalfOfId,
            status: u.status,
            statusWord: u.statusWord,
            note: u.note,
            nextSteps: u.nextSteps,
            evidenceUrl: u.evidenceUrl,
            revisedDueDate: u.revisedDue ? toDbDate(u.revisedDue) : null,
            source: u.source,
            correctsId: u.correctsId,
            createdAt: u.at,
          },
        });
        const before = await tx.action.findUniqueOrThrow({ where: { id: u.actionId }, select: { dueDate: true, programmeId: true } });
        const redated = u.revisedDue !== null && before.dueDate?.toISOString().slice(0, 10) !== u.revisedDue;
        await tx.action.update({
          where: { id: u.actionId },
          data: {
            status: u.status,
            statusWord: u.statusWord,
            statusAt: u.at,
            ...(redated ? { dueDate: toDbDate(u.revisedDue!), duePrecision: 'day', dueRevisions: { increment: 1 } } : {}),
          },
        });
        await tx.auditEntry.create({
          data: {
            at: u.at,
            actor: u.authorId,
            programmeId: before.programmeId,
            verb: u.correctsId ? 'correct' : 'update',
            entity: 'action',
            entityId: u.actionId,
            details: { updateId: created.id, status: u.status, source: u.source, onBehalfOf: u.onBehalfOfId, redated },
          },
        });
        return { id: created.id, at: created.createdAt };
      });
    },
    async retentionCandidates(programmeId, before) {
      const rows = await prisma.$queryRaw<{ id: string; actionId: string; at: Date; correctsId: string | null }[]>`
        SELECT s.id, s."actionId", s."createdAt" AS at, s."correctsId"
          FROM "StatusUpdate" s JOIN "Action" a ON a.id = s."actionId"
         WHERE a."programmeId" = ${programmeId}
           AND EXISTS (SELECT 1 FROM "StatusUpdate" o WHERE o."actionId" = s."actionId" AND o."createdAt" < ${before})`;
      return rows;
    },
    async remove(ids, audit) {
      return prisma.$transaction(async (tx) => {
        const removed = await tx.$executeRaw`DELETE FROM "StatusUpdate" WHERE id = ANY(${ids}::text[])`;
        await tx.auditEntry.create({
          data: { at: audit.at, actor: audit.actor, programmeId: audit.programmeId, verb: audit.verb, entity: audit.entity, entityId: audit.entityId ?? null, details: { ...audit.details, removed } as object },
        });
        return removed;
      });
    },
  };
}

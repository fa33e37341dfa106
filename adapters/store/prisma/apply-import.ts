import { randomUUID } from 'node:crypto';
import type { ImportCounts, ImportRunInfo } from '../../../src/app/ports/store.ts';
import type { ImportPlan, PlannedLead } from '../../../src/domain/import/import-plan.ts';
import type { Prisma, PrismaClient } from '../generated/client.ts';
import { dueToColumns } from './columns.ts';

type Tx = Prisma.TransactionClient;

const CHUNK = 500;
const IMPORT_AUTHOR = 'import';

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

      for (let i = 0; i < plan.creates.length; i += CHUNK) {
        const chunk = plan.creates.slice(i, i + CHUNK).map((c) => ({ ...c, id: randomUUID() }));
        await tx.action.createMany({
          data: chunk.map((c) => {
            const due = dueToColumns(c.due);
            const start = dueToColumns(c.start);
            return {
              id: c.id,
              programmeId,
              workstreamId: workstreamIds.get(c.workstreamKey)!,
              ref: c.ref,
              refGenerated: c.refGenerated,
              matchKey: c.matchKey,
              title: c.title,
              successCriteria: c.successCriteria,
              impactMeasures: c.impactMeasures,
              startDate: start.date,
              startPrecision: start.precision,
              dueDate: due.date,
              duePrecision: due.precision,
              originalDueDate: due.date,
              originalDuePrecision: due.precision,
              milestones: c.milestones as unknown as Prisma.InputJsonValue,
              links: c.links,
              leadsText: c.leadsText,
              status: c.status,
              statusWord: c.statusWord,
              statusAt: now,
              importedStatusWord: c.statusWord,
              position: c.position,
              sourceRow: c.sourceRow,
            };
          }),
        });
        await tx.actionLead.createMany({ data: chunk.flatMap((c) => leadRows(c.id, c.leads)) });
        await tx.statusUpdate.createMany({
          data: chunk.map((c) => ({
            actionId: c.id,
            authorName: IMPORT_AUTHOR,
            status: c.status,
            statusWord: c.statusWord,
            source: 'import' as const,
            createdAt: now,
          })),
        });
        tick(chunk.length);
      }

      for (const u of plan.updates) {
        const f = u.fields;
        const due = dueToColumns(f.due);
        const start = dueToColumns(f.start);
        await tx.action.update({
          where: { id: u.id },
          data: {
            workstreamId: workstreamIds.get(f.workstreamKey)!,
            matchKey: f.matchKey,
            title: f.title,
            successCriteria: f.successCriteria,
            impactMeasures: f.impactMeasures,
            startDate: start.date,
            startPrecision: start.precision,
            dueDate: due.date,
            duePrecision: due.precision,
            ...(u.dueRevised ? { dueRevisions: { increment: 1 } } : {}),
            milestones: f.milestones as unknown as Prisma.InputJsonValue,
            links: f.links,
            leadsText: f.leadsText,
            position: f.position,
            sourceRow: f.sourceRow,
            inRegister: true,
            ...(u.status
              ? { status: u.status.brag, statusWord: u.status.word, statusAt: now, importedStatusWord: u.status.word }
              : {}),
          },
        });
        if (u.changed.includes('leads')) {
          await tx.actionLead.deleteMany({ where: { actionId: u.id } });
          await tx.actionLead.createMany({ data: leadRows(u.id, f.leads) });
        }
        if (u.status) {
          await tx.statusUpdate.create({
            data: {
              actionId: u.id,
              authorName: IMPORT_AUTHOR,
              status: u.status.brag,
              statusWord: u.status.word,
              note: 'Status changed in the register',
              source: 'import',
              createdAt: now,
            },
          });
        }
        tick(1);
      }

      if (plan.removed.length) {
        await tx.action.updateMany({ where: { id: { in: plan.removed.map((r) => r.id) } }, data: { inRegister: false } });
      }

      const counts: ImportCounts = {
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        removed: plan.removed.length,
      };
      await tx.importRun.create({
        data: {
          programmeId,
          at: now,
          file: run.file,
          sheet: run.sheet,
          ...counts,
          warnings: plan.warnings as unknown as Prisma.InputJsonValue,
        },
      });
      await tx.auditEntry.create({
        data: {
          at: now,
          actor: run.actor,
          programmeId,
          verb: 'import',
          entity: 'register',
          details: {
            file: run.file,
            ...counts,
            changes: plan.updates.map((u) => ({ ref: u.ref, changed: u.changed })),
            removed: plan.removed.map((r) => r.ref),
          },
        },
      });
      return counts;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

function leadRows(actionId: string, leads: PlannedLead[]) {
  return leads.map((l, position) => ({ actionId, name: l.name, personId: l.personId, position }));
}

async function ensureWorkstreams(tx: Tx, programmeId: string, plan: ImportPlan): Promise<Map<string, string>> {
  const existing = await tx.workstream.findMany({ where: { programmeId }, select: { id: true, matchKey: true } });
  const ids = new Map(existing.map((w) => [w.matchKey, w.id]));
  // Parents come before their children in the plan, so a child's parent id is always known.
  for (const w of plan.workstreams) {
    if (ids.has(w.key)) {
      await tx.workstream.update({ where: { id: ids.get(w.key)! }, data: { position: w.position, ref: w.ref, name: w.name } });
      continue;
    }
    const id = randomUUID();
    await tx.workstream.create({
      data: {
        id,
        programmeId,
        parentId: w.parentKey ? ids.get(w.parentKey)! : null,
        ref: w.ref,
        name: w.name,
        matchKey: w.key,
        position: w.position,
      },
    });
    ids.set(w.key, id);
  }
  return ids;
}

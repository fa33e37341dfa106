import type { AuditStore } from '../../../src/app/ports/store.ts';
import type { PrismaClient } from '../generated/client.ts';

export function auditStore(prisma: PrismaClient): AuditStore {
  return {
    async record(e) {
      await prisma.auditEntry.create({
        data: {
          actor: e.actor,
          programmeId: e.programmeId,
          verb: e.verb,
          entity: e.entity,
          entityId: e.entityId ?? null,
          details: (e.details ?? {}) as object,
        },
      });
    },
  };
}

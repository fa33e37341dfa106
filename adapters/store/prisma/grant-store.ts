import type { GrantInput, GrantStore } from '../../../src/app/ports/store.ts';
import type { Role } from '../../../src/domain/roles/roles.ts';
import type { PrismaClient, RoleName } from '../generated/client.ts';
import { fromDbEnum, toDbEnum } from './columns.ts';

const where = (g: GrantInput) => ({
  personId: g.personId,
  role: toDbEnum<RoleName>(g.role),
  programmeId: g.programmeId,
  boardId: g.boardId ?? null,
  workstreamId: g.workstreamId ?? null,
  forPersonId: g.forPersonId ?? null,
});

export function grantStore(prisma: PrismaClient): GrantStore {
  return {
    async grant(g) {
      const existing = await prisma.roleGrant.findFirst({ where: where(g) });
      if (existing) return { created: false };
      await prisma.roleGrant.create({ data: where(g) });
      return { created: true };
    },
    async revoke(g) {
      return (await prisma.roleGrant.deleteMany({ where: where(g) })).count;
    },
    async grantsOf(personId) {
      const rows = await prisma.roleGrant.findMany({ where: { personId } });
      return rows.map((r) => ({
        role: fromDbEnum<Role>(r.role),
        programmeId: r.programmeId,
        boardId: r.boardId,
        workstreamId: r.workstreamId,
        forPersonId: r.forPersonId,
      }));
    },
    async holders(programmeId, role, boardId) {
      const rows = await prisma.roleGrant.findMany({
        where: { programmeId, role: toDbEnum<RoleName>(role), ...(boardId ? { OR: [{ boardId }, { boardId: null }] } : {}) },
        select: { personId: true },
      });
      return [...new Set(rows.map((r) => r.personId))];
    },
  };
}

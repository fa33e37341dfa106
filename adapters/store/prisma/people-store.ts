import type { PeopleStore } from '../../../src/app/ports/store.ts';
import type { DirectoryPerson } from '../../../src/domain/leads/resolve-lead.ts';
import type { PrismaClient } from '../generated/client.ts';
import { fromDbDate, toDbDate } from './columns.ts';

const toDirectoryPerson = (p: { id: string; name: string; email: string | null; jobTitle: string | null; aliases: string[] }): DirectoryPerson => ({
  id: p.id,
  name: p.name,
  email: p.email,
  jobTitle: p.jobTitle,
  aliases: p.aliases,
});

export function peopleStore(prisma: PrismaClient): PeopleStore {
  return {
    async directory() {
      return (await prisma.person.findMany({ orderBy: { name: 'asc' } })).map(toDirectoryPerson);
    },
    async findById(id) {
      const p = await prisma.person.findUnique({ where: { id } });
      return p ? toDirectoryPerson(p) : null;
    },
    async contact(personId) {
      const p = await prisma.person.findUnique({ where: { id: personId } });
      if (!p) return null;
      return {
        personId: p.id,
        name: p.name,
        email: p.email,
        slackUserId: p.slackUserId,
        teamsUserId: p.teamsUserId,
        teamsConversation: p.teamsConversation,
        lastPlatform: p.lastPlatform === 'slack' || p.lastPlatform === 'teams' ? p.lastPlatform : null,
      };
    },
    async absences(personIds, from, to) {
      const rows = await prisma.absence.findMany({ where: { personId: { in: personIds }, fromDate: { lte: toDbDate(to) }, toDate: { gte: toDbDate(from) } } });
      return rows.map((a) => ({ personId: a.personId, from: fromDbDate(a.fromDate), to: fromDbDate(a.toDate), delegateId: a.delegateId }));
    },
    async addAbsence(personId, from, to, delegateId) {
      await prisma.absence.create({ data: { personId, fromDate: toDbDate(from), toDate: toDbDate(to), delegateId } });
    },
    async findByPlatformUser(platform, userId) {
      const p = await prisma.person.findFirst({ where: platform === 'slack' ? { slackUserId: userId } : { teamsUserId: userId } });
      return p ? toDirectoryPerson(p) : null;
    },
    async rememberPlatformUser(personId, platform, userId) {
      await prisma.person.update({ where: { id: personId }, data: platform === 'slack' ? { slackUserId: userId } : { teamsUserId: userId } });
    },
    async linkPlatformUser(personId, platform, userId) {
      await prisma.person.update({
        where: { id: personId },
        data: { ...(platform === 'slack' ? { slackUserId: userId } : { teamsUserId: userId }), lastPlatform: platform },
      });
    },
    async findByEmail(email) {
      const p = await prisma.person.findFirst({ where: { email: { equals: email.trim(), mode: 'insensitive' } } });
      return p ? { ...toDirectoryPerson(p), slackUserId: p.slackUserId, teamsUserId: p.teamsUserId } : null;
    },
    async upsertMany(people) {
      return prisma.$transaction(
        async (tx) => {
          let created = 0;
          let updated = 0;
          for (const person of people) {
            const existing = person.email
              ? await tx.person.findFirst({ where: { email: { equals: person.email, mode: 'insensitive' } } })
              : await tx.person.findFirst({ where: { email: null, name: { equals: person.name, mode: 'insensitive' } } });
            const data = {
              name: person.name,
              email: person.email?.toLowerCase() ?? null,
              jobTitle: person.jobTitle,
              aliases: person.aliases,
              ...(person.slackUserId ? { slackUserId: person.slackUserId } : {}),
              ...(person.teamsUserId ? { teamsUserId: person.teamsUserId } : {}),
            };
            if (existing) {
              await tx.person.update({ where: { id: existing.id }, data });
              updated++;
            } else {
              await tx.person.create({ data });
              created++;
            }
          }
          return { created, updated };
        },
        { timeout: 120_000, maxWait: 60_000 },
      );
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { PeopleStore, PersonContact } from '../../../src/app/ports/store.ts';
import type { DirectoryPerson } from '../../../src/domain/leads/resolve-lead.ts';
import type { PersonRow } from '../../../src/domain/people/people-file.ts';
import type { Person, PrismaClient } from '../generated/client.ts';
import { fromDbDate, toDbDate } from './columns.ts';
import { utcTimestamp } from './sql/rows.ts';

/** A person as the people file gives them, with the id they are stored under. */
type PersonWrite = Omit<PersonRow, 'row'> & { id: string };

const PERSON_COLUMNS = `id text, name text, email text, "jobTitle" text, aliases text[], "slackUserId" text, "teamsUserId" text`;

const toDirectoryPerson = (p: { id: string; name: string; email: string | null; jobTitle: string | null; aliases: string[] }): DirectoryPerson => ({
  id: p.id,
  name: p.name,
  email: p.email,
  jobTitle: p.jobTitle,
  aliases: p.aliases,
});

const toContact = (p: Person): PersonContact => ({
  personId: p.id,
  name: p.name,
  email: p.email,
  slackUserId: p.slackUserId,
  teamsUserId: p.teamsUserId,
  teamsConversation: p.teamsConversation,
  lastPlatform: p.lastPlatform === 'slack' || p.lastPlatform === 'teams' ? p.lastPlatform : null,
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
      return p ? toContact(p) : null;
    },
    async contacts() {
      return (await prisma.person.findMany()).map(toContact);
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
    async setTeamsConversation(personId, reference) {
      await prisma.person.update({ where: { id: personId }, data: { teamsConversation: reference as object } });
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
          // Everyone the file names, looked up at once: by email, or by name among people with no email.
          const emails = [...new Set(people.flatMap((p) => (p.email ? [p.email] : [])))];
          const names = [...new Set(people.flatMap((p) => (p.email ? [] : [p.name])))];
          const found = await tx.$queryRawUnsafe<{ kind: 'e' | 'n'; key: string; id: string }[]>(
            `SELECT 'e' AS kind, v.key, p.id FROM json_array_elements_text($1::json) AS v(key) JOIN "Person" p ON lower(p.email) = lower(v.key)
             UNION ALL
             SELECT 'n' AS kind, v.key, p.id FROM json_array_elements_text($2::json) AS v(key) JOIN "Person" p ON p.email IS NULL AND lower(p.name) = lower(v.key)`,
            JSON.stringify(emails),
            JSON.stringify(names),
          );
          const stored = new Map<string, string>();
          for (const f of found) if (!stored.has(`${f.kind}:${f.key}`)) stored.set(`${f.kind}:${f.key}`, f.id);

          // Rows are applied in file order, as one at a time would: a second row for the same person updates the first.
          const seen = new Map<string, string>();
          const creates = new Map<string, PersonWrite>();
          const updates = new Map<string, PersonWrite>();
          let created = 0;
          let updated = 0;
          for (const person of people) {
            const kind = person.email ? 'e' : 'n';
            const text = person.email ? person.email : person.name;
            const key = `${kind}:${text.toLowerCase()}`;
            const data: PersonWrite = {
              id: '',
              name: person.name,
              email: person.email?.toLowerCase() ?? null,
              jobTitle: person.jobTitle,
              aliases: person.aliases,
              slackUserId: person.slackUserId || null,
              teamsUserId: person.teamsUserId || null,
            };
            const id = seen.get(key) ?? stored.get(`${kind}:${text}`);
            if (id) {
              const pending = creates.get(id) ?? updates.get(id);
              const merged = { ...data, id, slackUserId: data.slackUserId ?? pending?.slackUserId ?? null, teamsUserId: data.teamsUserId ?? pending?.teamsUserId ?? null };
              (creates.has(id) ? creates : updates).set(id, merged);
              seen.set(key, id);
              updated++;
            } else {
              const newId = randomUUID();
              creates.set(newId, { ...data, id: newId });
              seen.set(key, newId);
              created++;
            }
          }

          const now = utcTimestamp(new Date());
          if (updates.size) {
            await tx.$executeRawUnsafe(
              `UPDATE "Person" AS p
                  SET name = v.name, email = v.email, "jobTitle" = v."jobTitle", aliases = COALESCE(v.aliases, '{}'),
                      "slackUserId" = COALESCE(v."slackUserId", p."slackUserId"), "teamsUserId" = COALESCE(v."teamsUserId", p."teamsUserId"), "updatedAt" = $2::timestamp
                 FROM json_to_recordset($1::json) AS v(${PERSON_COLUMNS})
                WHERE p.id = v.id`,
              JSON.stringify([...updates.values()]),
              now,
            );
          }
          if (creates.size) {
            await tx.$executeRawUnsafe(
              `INSERT INTO "Person" (id, name, email, "jobTitle", aliases, "slackUserId", "teamsUserId", "createdAt", "updatedAt")
               SELECT v.id, v.name, v.email, v."jobTitle", COALESCE(v.aliases, '{}'), v."slackUserId", v."teamsUserId", $2::timestamp, $2::timestamp
                 FROM json_to_recordset($1::json) AS v(${PERSON_COLUMNS})`,
              JSON.stringify([...creates.values()]),
              now,
            );
          }
          return { created, updated };
        },
        { timeout: 120_000, maxWait: 60_000 },
      );
    },
  };
}

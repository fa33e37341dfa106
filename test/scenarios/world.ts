import type { AppDeps } from '../../src/app/deps.ts';
import type { ChatPlatform } from '../../src/app/ports/store.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import { seedHull } from '../support/seed-hull.ts';
import { CAST, type Who } from './cast.ts';

/** Hull as every chat test starts (see seedHull), with one more person in the directory: the outsider, who works on nothing. */
export async function seedChatWorld(deps: AppDeps, governance: { slackChannel?: string; teamsChannel?: string }): Promise<void> {
  await seedHull(deps, governance);
  await deps.store.people.upsertMany([{ name: CAST.olu.name, email: CAST.olu.email, jobTitle: 'Communications Officer', aliases: [], slackUserId: null, teamsUserId: null }]);
}

export interface StoredUpdate {
  status: string;
  note: string | null;
  nextSteps: string | null;
  author: string;
  source: string;
  correction: boolean;
}

/** What the database holds, read with plain SQL so that no store code is trusted to check itself. */
export function stored(db: Database) {
  const rows = async <T>(sql: string, params: unknown[] = []) => (await db.pool.query(sql, params)).rows as T[];
  return {
    /** Updates recorded from chat on an action, oldest first (the register's own import left out). */
    async updatesOf(ref: string): Promise<StoredUpdate[]> {
      return rows<StoredUpdate>(
        `SELECT u.status::text AS status, u.note, u."nextSteps", u."authorName" AS author, u.source::text AS source, u."correctsId" IS NOT NULL AS correction
           FROM "StatusUpdate" u JOIN "Action" a ON a.id = u."actionId"
          WHERE a.ref = $1 AND u.source::text <> 'import' ORDER BY u."createdAt", u.id`,
        [ref],
      );
    },
    /** How many updates chat has recorded, on any action. */
    async chatUpdateCount(): Promise<number> {
      const [row] = await rows<{ n: string }>(`SELECT count(*) AS n FROM "StatusUpdate" WHERE source::text <> 'import'`);
      return Number(row!.n);
    },
    /** The id a platform knows a person by, as linked in the directory. */
    async platformUserId(who: Who, platform: ChatPlatform): Promise<string | null> {
      const person = await this.person(who);
      return (platform === 'slack' ? person?.slackUserId : person?.teamsUserId) ?? null;
    },
    /** A person's platform identities and where they last answered; null when the directory lacks them. */
    async person(who: Who): Promise<{ slackUserId: string | null; teamsUserId: string | null; teamsConversation: unknown; lastPlatform: ChatPlatform | null } | null> {
      const [row] = await rows<{ slackUserId: string | null; teamsUserId: string | null; teamsConversation: unknown; lastPlatform: ChatPlatform | null }>(
        `SELECT "slackUserId", "teamsUserId", "teamsConversation", "lastPlatform" FROM "Person" WHERE email = $1`,
        [CAST[who].email],
      );
      return row ?? null;
    },
    async peopleCount(): Promise<number> {
      const [row] = await rows<{ n: string }>(`SELECT count(*) AS n FROM "Person"`);
      return Number(row!.n);
    },
    /** Audit entries of a verb on an entity (e.g. `post` `report`), with who did it. */
    async audit(verb: string, entity: string): Promise<{ actor: string | null; details: Record<string, unknown> }[]> {
      return rows(`SELECT p.name AS actor, e.details FROM "AuditEntry" e LEFT JOIN "Person" p ON p.id = e.actor WHERE e.verb = $1 AND e.entity = $2 ORDER BY e.at`, [verb, entity]);
    },
    /** A board's lead time: working days before a meeting that leads are asked. */
    async askDays(board: string): Promise<number | null> {
      const [row] = await rows<{ askDays: number }>(`SELECT "askDays" FROM "Board" WHERE name = $1`, [board]);
      return row?.askDays ?? null;
    },
    /** Leave recorded for a person, with who covers. */
    async absences(who: Who): Promise<{ from: string; to: string; cover: string | null }[]> {
      return rows(
        `SELECT to_char(a."fromDate", 'YYYY-MM-DD') AS "from", to_char(a."toDate", 'YYYY-MM-DD') AS "to", d.name AS cover
           FROM "Absence" a JOIN "Person" p ON p.id = a."personId" LEFT JOIN "Person" d ON d.id = a."delegateId" WHERE p.email = $1 ORDER BY a."fromDate"`,
        [CAST[who].email],
      );
    },
    /** The outbox rows of a kind meant for a person. */
    async outboxFor(who: Who, kind: string): Promise<{ key: string; state: string; platform: string }[]> {
      return rows(
        `SELECT o.key, o.state::text AS state, o.platform FROM "Outbox" o JOIN "Person" p ON p.id = o."personId" WHERE p.email = $1 AND o.kind = $2 ORDER BY o."createdAt"`,
        [CAST[who].email, kind],
      );
    },
  };
}

export type Stored = ReturnType<typeof stored>;

import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { OutboxRecipient, OutboxRow, OutboxStore } from '../../../src/app/ports/outbox.ts';
import type { ChatPlatform } from '../../../src/app/ports/store.ts';
import type { Outbox, PrismaClient } from '../generated/client.ts';
import { utcTimestamp } from './sql/rows.ts';

const toRow = (r: Outbox): OutboxRow => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  programmeId: r.programmeId,
  personId: r.personId,
  platform: r.platform as ChatPlatform,
  recipient: r.recipient as OutboxRecipient,
  payload: r.payload,
  state: r.state,
  attempts: r.attempts,
  claimedAt: r.claimedAt,
  createdAt: r.createdAt,
  platformMessageId: r.platformMessageId,
  lastError: r.lastError,
});

export function outboxStore(prisma: PrismaClient, pool: pg.Pool): OutboxStore {
  return {
    async enqueue(items, at) {
      if (items.length === 0) return 0;
      // One statement for a whole fan-out, the rows as one JSON parameter; a key already there is left alone.
      const rows = items.map((i) => ({ id: randomUUID(), key: i.key, kind: i.kind, programmeId: i.programmeId, personId: i.personId, platform: i.platform, recipient: i.recipient, payload: i.payload }));
      const { rowCount } = await pool.query(
        `INSERT INTO "Outbox" (id, key, kind, "programmeId", "personId", platform, recipient, payload, "createdAt", "nextAttemptAt")
         SELECT v.id, v.key, v.kind, v."programmeId", v."personId", v.platform, v.recipient, v.payload, $2::timestamp, $2::timestamp
           FROM json_to_recordset($1::json) AS v(id text, key text, kind text, "programmeId" text, "personId" text, platform text, recipient jsonb, payload jsonb)
         ON CONFLICT (key) DO NOTHING`,
        [JSON.stringify(rows), utcTimestamp(at)],
      );
      return rowCount ?? 0;
    },
    async claim(now, limit) {
      // SKIP LOCKED: replicas claiming at the same moment take different rows, never the same one.
      const { rows } = await pool.query<{ id: string }>(
        `UPDATE "Outbox" SET state = 'sending', "claimedAt" = $1, attempts = attempts + 1
          WHERE id IN (SELECT id FROM "Outbox" WHERE state = 'pending' AND "nextAttemptAt" <= $1
                        ORDER BY "createdAt", key LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [now, limit],
      );
      if (rows.length === 0) return [];
      const claimed = await prisma.outbox.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: [{ createdAt: 'asc' }, { key: 'asc' }] });
      return claimed.map(toRow);
    },
    async markSent(id, platformMessageId, at) {
      await prisma.outbox.update({ where: { id }, data: { state: 'sent', platformMessageId, sentAt: at, lastError: null } });
    },
    async retryLater(id, at, error) {
      await prisma.outbox.update({ where: { id }, data: { state: 'pending', nextAttemptAt: at, lastError: error.slice(0, 500) } });
    },
    async markFailed(id, error) {
      await prisma.outbox.update({ where: { id }, data: { state: 'failed', lastError: error.slice(0, 500) } });
    },
    async markUnknown(id, note) {
      await prisma.outbox.update({ where: { id }, data: { state: 'unknown', lastError: note.slice(0, 500) } });
    },
    async stale(claimedBefore) {
      return (await prisma.outbox.findMany({ where: { state: 'sending', claimedAt: { lt: claimedBefore } }, orderBy: { createdAt: 'asc' } })).map(toRow);
    },
    async release(id) {
      await prisma.outbox.update({ where: { id }, data: { state: 'pending', nextAttemptAt: new Date(0) } });
    },
    async existingKeys(prefixes) {
      if (prefixes.length === 0) return new Set();
      const rows = await prisma.outbox.findMany({ where: { OR: prefixes.map((p) => ({ key: { startsWith: p } })) }, select: { key: true } });
      return new Set(rows.map((r) => r.key));
    },
    async messagedSince(since) {
      const rows = await prisma.outbox.findMany({ where: { createdAt: { gte: since }, personId: { not: null } }, select: { personId: true }, distinct: ['personId'] });
      return new Set(rows.map((r) => r.personId!));
    },
    async countsSince(kind, people) {
      if (people.length === 0) return new Map();
      const { rows } = await pool.query<{ personId: string; n: number }>(
        `SELECT p."personId", count(o.id)::int AS n
           FROM json_to_recordset($2::json) AS p("personId" text, since timestamp)
           LEFT JOIN "Outbox" o ON o."personId" = p."personId" AND o.kind = $1 AND (p.since IS NULL OR o."createdAt" > p.since)
          GROUP BY p."personId"`,
        [kind, JSON.stringify(people.map((p) => ({ personId: p.personId, since: p.since ? utcTimestamp(p.since) : null })))],
      );
      return new Map(rows.map((r) => [r.personId, r.n]));
    },
    async nextDue() {
      const row = await prisma.outbox.findFirst({ where: { state: 'pending' }, orderBy: { nextAttemptAt: 'asc' }, select: { nextAttemptAt: true } });
      return row?.nextAttemptAt ?? null;
    },
    async problems(programmeId) {
      return (await prisma.outbox.findMany({ where: { programmeId, state: { in: ['failed', 'unknown'] } }, orderBy: { createdAt: 'desc' }, take: 50 })).map(toRow);
    },
  };
}

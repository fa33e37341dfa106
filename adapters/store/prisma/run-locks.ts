import type pg from 'pg';
import type { RunLocks } from '../../../src/app/ports/outbox.ts';

/** A lease row per key: taken when free or expired, in one statement, so two replicas cannot both win. */
export function runLocks(pool: pg.Pool): RunLocks {
  return {
    async acquire(key, owner, ttlMs, now) {
      const { rows } = await pool.query(
        `INSERT INTO "RunLock" (key, owner, "expiresAt") VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, "expiresAt" = EXCLUDED."expiresAt"
           WHERE "RunLock"."expiresAt" <= $4 OR "RunLock".owner = EXCLUDED.owner
         RETURNING owner`,
        [key, owner, new Date(now.getTime() + ttlMs), now],
      );
      return rows.length === 1;
    },
    async release(key, owner) {
      await pool.query(`DELETE FROM "RunLock" WHERE key = $1 AND owner = $2`, [key, owner]);
    },
  };
}

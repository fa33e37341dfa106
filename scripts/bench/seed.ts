import type pg from 'pg';
import { utcText, type ActionForUpdates, type UpdateColumns } from './synthetic.ts';

const CHUNK = 10_000;

/** Every action of a programme with its leads, for the bulk update writer. */
export async function actionsForUpdates(pool: pg.Pool, programmeId: string): Promise<ActionForUpdates[]> {
  const { rows } = await pool.query<ActionForUpdates>(
    `SELECT a.id, COALESCE((SELECT json_agg(json_build_object('personId', l."personId", 'name', COALESCE(p.name, l.name)) ORDER BY l.position)
                              FROM "ActionLead" l LEFT JOIN "Person" p ON p.id = l."personId" WHERE l."actionId" = a.id), '[]') AS leads
       FROM "Action" a WHERE a."programmeId" = $1 ORDER BY a.position`,
    [programmeId],
  );
  return rows;
}

/** Writes the updates straight into "StatusUpdate", a chunk per statement, then keeps each action's latest status on its row as the app does. */
export async function insertUpdates(pool: pg.Pool, programmeId: string, cols: UpdateColumns): Promise<void> {
  for (let i = 0; i < cols.id.length; i += CHUNK) {
    const part = <K extends keyof UpdateColumns>(k: K) => cols[k].slice(i, i + CHUNK);
    await pool.query(
      `INSERT INTO "StatusUpdate" (id, "actionId", "authorId", "authorName", status, "statusWord", note, source, "createdAt")
       SELECT id, "actionId", "authorId", "authorName", status::"Brag", "statusWord", note, source::"UpdateSource", "createdAt"::timestamp
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
              AS u(id, "actionId", "authorId", "authorName", status, "statusWord", note, source, "createdAt")`,
      [part('id'), part('actionId'), part('authorId'), part('authorName'), part('status'), part('statusWord'), part('note'), part('source'), part('createdAt')],
    );
  }
  // Statistics first: planned on the stale counts left by the import runs, the sync below can take minutes on a server.
  await pool.query('ANALYZE "StatusUpdate", "Action"');
  await syncLatestStatus(pool, programmeId);
}

/** The app keeps the latest status on the action row ("Action".status, "statusWord", "statusAt"). */
export async function syncLatestStatus(pool: pg.Pool, programmeId: string): Promise<void> {
  await pool.query(
    `UPDATE "Action" a SET status = l.status, "statusWord" = l."statusWord", "statusAt" = l."createdAt"
       FROM (SELECT DISTINCT ON (s."actionId") s."actionId", s.status, s."statusWord", s."createdAt"
               FROM "StatusUpdate" s JOIN "Action" x ON x.id = s."actionId" AND x."programmeId" = $1
              ORDER BY s."actionId", s."createdAt" DESC) l
      WHERE a.id = l."actionId"`,
    [programmeId],
  );
}

/** The register was first imported before any of the synthetic updates: move its "import" updates back to `at`. */
export async function backdateImport(pool: pg.Pool, programmeId: string, at: Date): Promise<void> {
  await pool.query(
    `UPDATE "StatusUpdate" s SET "createdAt" = $2::timestamp FROM "Action" a
      WHERE a.id = s."actionId" AND a."programmeId" = $1 AND s.source = 'import'`,
    [programmeId, utcText(at)],
  );
}

/** Removes a programme and everything in it (actions before workstreams: an action's workstream may not vanish under it). */
export async function deleteProgramme(pool: pg.Pool, name: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Programme" WHERE name = $1`, [name]);
    for (const { id } of rows) {
      await client.query(`DELETE FROM "Action" WHERE "programmeId" = $1`, [id]);
      await client.query(`DELETE FROM "Programme" WHERE id = $1`, [id]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Fresh planner statistics after the bulk load, as autovacuum would give a server (PGlite has no autovacuum). */
export async function analyze(pool: pg.Pool): Promise<void> {
  await pool.query('VACUUM ANALYZE');
}

export async function programmeId(pool: pg.Pool, name: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "Programme" WHERE name = $1`, [name]);
  if (!rows[0]) throw new Error(`No programme called ${name}`);
  return rows[0].id;
}

import type pg from 'pg';

/**
 * The rows a programme's report reads, per table: how many, and the sum of their `xmin` (the transaction
 * that wrote each row's current version). Any insert or update gives a row a newer `xmin` and any delete
 * changes the count, so the text changes whenever something the report shows could have. A status update
 * always moves its action's row in the same transaction, so the update history itself need not be scanned
 * (retention deletes only updates no current report reads).
 */
const TABLES = [
  `"Programme" x WHERE x.id = $1`,
  `"Workstream" x WHERE x."programmeId" = $1`,
  `"Action" x WHERE x."programmeId" = $1`,
  `"ActionLead" x JOIN "Action" a ON a.id = x."actionId" WHERE a."programmeId" = $1`,
  `"Board" x WHERE x."programmeId" = $1`,
  `"Meeting" x JOIN "Board" b ON b.id = x."boardId" WHERE b."programmeId" = $1`,
  `"Person" x`,
  `"Absence" x`,
];

const REPORT_VERSION = `SELECT concat_ws(' ', ${TABLES.map((from) => `(SELECT count(*) || ':' || coalesce(sum(x.xmin::text::bigint), 0) FROM ${from})`).join(', ')}) AS version`;

export async function queryReportVersion(pool: pg.Pool, programmeId: string): Promise<string> {
  const { rows } = await pool.query<{ version: string }>(REPORT_VERSION, [programmeId]);
  return rows[0]!.version;
}

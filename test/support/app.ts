import type { AppDeps } from '../../src/app/deps.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import { createStore } from '../../adapters/store/prisma/create-store.ts';

export const HULL_CSV = new URL('../../examples/hull-send-plan.csv', import.meta.url).pathname;
export const HULL_PEOPLE_CSV = new URL('../../examples/hull-people.csv', import.meta.url).pathname;

/** Use-case dependencies over a real database, with the clock fixed where a test needs it. */
export function appDeps(db: Database, now = new Date('2024-03-01T09:00:00Z')): AppDeps {
  return { store: createStore(db), clock: { now: () => now }, defaultTimezone: 'Europe/London' };
}

/** Row counts of the tables an import writes, to prove that a failed one wrote nothing. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = ['Programme', 'Workstream', 'Action', 'ActionLead', 'StatusUpdate', 'ImportRun', 'AuditEntry', 'Person'];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`);
    counts[t] = Number(rows[0]!.n);
  }
  return counts;
}

import { TZDate } from '@date-fns/tz';
import { subMonths } from 'date-fns';

/** What retention needs to know of a status update. */
export interface UpdateStub {
  id: string;
  actionId: string;
  at: Date;
  /** The update this one corrects, if it is a correction. */
  correctsId: string | null;
}

/**
 * The instant before which superseded updates may be removed: `months` calendar months before `now`,
 * moved earlier to the earliest instant a current report still compares against (a board's previous
 * cut-off, the start of its cycle), so that no report loses its baseline. Null when nothing is removed:
 * `months` is 0, which means keep forever.
 */
export function retentionHorizon(now: Date, months: number, reportInstants: readonly (Date | null)[]): Date | null {
  if (months <= 0) return null;
  const byAge = subMonths(new TZDate(now.getTime(), 'UTC'), months).getTime();
  const earliest = Math.min(byAge, ...reportInstants.flatMap((d) => (d ? [d.getTime()] : [])));
  return new Date(earliest);
}

/**
 * The updates retention removes: those before the horizon, except, per action, the latest before it
 * (the action's latest update when all are older; otherwise the status any report from the horizon on
 * compares against), and except any update a kept correction points at, so the trail of corrections
 * stays whole. Everything at or after the horizon is kept.
 */
export function updatesToRemove(updates: readonly UpdateStub[], horizon: Date): string[] {
  const limit = horizon.getTime();
  const newestBefore = new Map<string, number>();
  for (const u of updates) {
    const t = u.at.getTime();
    if (t < limit && t > (newestBefore.get(u.actionId) ?? -Infinity)) newestBefore.set(u.actionId, t);
  }
  const isKept = (u: UpdateStub) => u.at.getTime() >= limit || u.at.getTime() === newestBefore.get(u.actionId);
  const byId = new Map(updates.map((u) => [u.id, u]));
  const kept = new Set<string>();
  const keep = (u: UpdateStub | undefined) => {
    // Follows a chain of corrections back to the first; a loop (bad data) stops at an id already kept.
    for (let cur = u; cur && !kept.has(cur.id); cur = cur.correctsId ? byId.get(cur.correctsId) : undefined) kept.add(cur.id);
  };
  for (const u of updates) if (isKept(u)) keep(u);
  return updates.filter((u) => !kept.has(u.id)).map((u) => u.id);
}

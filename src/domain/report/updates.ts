import type { ReportUpdate } from './types.ts';

/**
 * The latest update, optionally only among those at or before an instant. Updates arrive in any
 * order; of two with the same time the one given later wins, as it was recorded later.
 */
export function latestUpdate(updates: readonly ReportUpdate[], atOrBefore?: Date): ReportUpdate | null {
  const limit = atOrBefore?.getTime();
  let best: ReportUpdate | null = null;
  for (const u of updates) {
    const t = u.at.getTime();
    if (limit !== undefined && t > limit) continue;
    if (best === null || t >= best.at.getTime()) best = u;
  }
  return best;
}

/** Whether anything was said about the action this cycle; with no cycle, whether anything ever was. */
export function updatedSince(updates: readonly ReportUpdate[], since: Date | null): boolean {
  if (since === null) return updates.length > 0;
  const t = since.getTime();
  return updates.some((u) => u.at.getTime() >= t);
}

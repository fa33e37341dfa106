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

/**
 * Whether anyone said anything about the action this cycle; with no cycle, whether anyone ever did.
 * A spreadsheet import is the register speaking, not the lead, so it never counts as a reply.
 */
export function updatedSince(updates: readonly ReportUpdate[], since: Date | null): boolean {
  const t = since?.getTime() ?? -Infinity;
  return updates.some((u) => u.source !== 'import' && u.at.getTime() >= t);
}

import { BY_WORDS, compareNatural } from './natural-order.ts';
import { leadsOf } from './leads.ts';
import type { LeadActions } from './report-types.ts';
import type { ReportAction } from './types.ts';
import { updatedSince } from './updates.ts';

export interface MissingUpdates {
  missing: LeadActions[];
  onLeave: LeadActions[];
}

/**
 * Leads with an open action and nothing said about it since the cycle began, each with those
 * actions' refs. A lead on leave is listed apart, so the board does not read leave as silence.
 * `open` must already be in register order; each lead's refs keep that order.
 */
export function findMissingUpdates(
  open: readonly ReportAction[],
  cycleStart: Date | null,
  awayLeads: readonly string[] = [],
): MissingUpdates {
  const missing = new Map<string, LeadActions>();
  const onLeave = new Map<string, LeadActions>();
  for (const action of open) {
    if (updatedSince(action.updates, cycleStart)) continue;
    for (const lead of leadsOf(action, awayLeads)) {
      const into = lead.away ? onLeave : missing;
      const entry = into.get(lead.key) ?? { lead: lead.name, actions: [] };
      if (!entry.actions.includes(action.ref)) entry.actions.push(action.ref);
      into.set(lead.key, entry);
    }
  }
  return { missing: sortByLead(missing), onLeave: sortByLead(onLeave) };
}

// Alphabetical by lead so a chair can find a name; ties (never expected) fall back to natural order.
function sortByLead(entries: Map<string, LeadActions>): LeadActions[] {
  return [...entries.values()].sort(
    (a, b) => BY_WORDS.compare(a.lead, b.lead) || compareNatural(a.lead, b.lead),
  );
}

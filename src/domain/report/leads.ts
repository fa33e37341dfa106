import { normaliseName, tidyLeadText } from '../leads/normalise-name.ts';
import type { ReportAction } from './types.ts';

/** Shown where an open action names nobody, so the gap is visible rather than silently skipped. */
export const NO_LEAD = 'No lead recorded';

export interface LeadOnAction {
  /** Key for grouping: the same lead written "Head of SEND" and "head of SEND." is one lead. */
  key: string;
  name: string;
  away: boolean;
}

/**
 * The leads of one action, each marked away or not. `awayLeads` may hold names (compared as
 * the directory compares them) or person ids; an id applies to the lead in the same position
 * only when the register's leads and the resolved people line up one to one.
 */
export function leadsOf(action: ReportAction, awayLeads: readonly string[] = []): LeadOnAction[] {
  const awayKeys = new Set(awayLeads.map(normaliseName));
  const awayIds = new Set(awayLeads);
  const aligned = action.leads.length === action.leadPersonIds.length;
  const names = action.leads.map(tidyLeadText).filter((n) => n !== '');
  if (names.length === 0) return [{ key: normaliseName(NO_LEAD), name: NO_LEAD, away: false }];
  return action.leads.flatMap((raw, i) => {
    const name = tidyLeadText(raw);
    if (name === '') return [];
    const key = normaliseName(name);
    const id = aligned ? action.leadPersonIds[i] : undefined;
    return [{ key, name, away: awayKeys.has(key) || (id !== undefined && awayIds.has(id)) }];
  });
}

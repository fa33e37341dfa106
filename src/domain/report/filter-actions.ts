import { normaliseName } from '../leads/normalise-name.ts';
import type { ReportAction } from './types.ts';

/** Narrowing `/overdue` takes: one workstream, one lead (by person or by the register's name), or none. */
export type ActionFilter =
  | { kind: 'all' }
  | { kind: 'workstream'; text: string }
  | { kind: 'lead'; personId: string | null; name: string };

const loose = (text: string) => normaliseName(text).replace(/[^a-z0-9 ]/g, '');

/**
 * A workstream is named by its ref ("3", "C") or by the start of its name in whole words
 * ("To identify need"), so "1" never picks priority 12 and "C" never picks "Communication".
 */
export function matchesWorkstream(action: Pick<ReportAction, 'workstream' | 'workstreamRef'>, text: string): boolean {
  const wanted = loose(text);
  if (!wanted) return false;
  if (action.workstreamRef) {
    if (loose(action.workstreamRef) === wanted) return true;
    if (/^[a-z0-9]{1,3}$/.test(wanted)) return false;
  }
  const name = loose(action.workstream);
  const startsWithWords = (whole: string) => whole === wanted || whole.startsWith(`${wanted} `);
  return startsWithWords(name) || startsWithWords(name.replace(/^[a-z0-9]+ /, ''));
}

export function filterActions<T extends ReportAction>(actions: readonly T[], filter: ActionFilter): T[] {
  switch (filter.kind) {
    case 'all':
      return [...actions];
    case 'workstream':
      return actions.filter((a) => matchesWorkstream(a, filter.text));
    case 'lead': {
      const name = normaliseName(filter.name);
      return actions.filter(
        (a) => (filter.personId !== null && a.leadPersonIds.includes(filter.personId)) || a.leads.some((l) => normaliseName(l) === name),
      );
    }
  }
}

import { compareNatural } from './natural-order.ts';

interface Orderable {
  ref: string;
  workstream: string;
  workstreamRef: string | null;
}

/**
 * The register's workstream order: workstreams with a number or letter in natural order of it,
 * then any without one in the order they first appear. Computed over all actions (not just
 * those listed) so that a short list keeps the register's order.
 */
export function workstreamRanks(actions: readonly Orderable[]): Map<string, number> {
  const seen = new Map<string, { ref: string | null; first: number }>();
  actions.forEach((a, i) => {
    const known = seen.get(a.workstream);
    if (!known) seen.set(a.workstream, { ref: a.workstreamRef, first: i });
    else if (known.ref === null && a.workstreamRef !== null) known.ref = a.workstreamRef;
  });
  const names = [...seen.keys()].sort((x, y) => {
    const a = seen.get(x)!;
    const b = seen.get(y)!;
    if (a.ref !== null && b.ref !== null) {
      const c = compareNatural(a.ref, b.ref);
      if (c !== 0) return c;
    } else if (a.ref !== null || b.ref !== null) {
      return a.ref !== null ? -1 : 1;
    }
    return a.first - b.first;
  });
  return new Map(names.map((name, i) => [name, i]));
}

/** "Ordered by workstream, then ref" (DESIGN, Interfaces). */
export function byWorkstreamThenRef(ranks: ReadonlyMap<string, number>) {
  return (a: Orderable, b: Orderable): number => {
    const wa = ranks.get(a.workstream) ?? Number.MAX_SAFE_INTEGER;
    const wb = ranks.get(b.workstream) ?? Number.MAX_SAFE_INTEGER;
    if (wa !== wb) return wa - wb;
    return compareNatural(a.ref, b.ref);
  };
}

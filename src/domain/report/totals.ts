import type { Brag } from '../brag.ts';

/** Counts by status, keys in the contract's order: blue, green, amber, red, grey. */
export type BragTotals = Record<Brag, number>;

export function emptyTotals(): BragTotals {
  return { blue: 0, green: 0, amber: 0, red: 0, grey: 0 };
}

export function countStatuses(items: readonly { status: Brag }[]): BragTotals {
  const totals = emptyTotals();
  for (const item of items) totals[item.status] += 1;
  return totals;
}

export function totalOf(totals: BragTotals): number {
  return totals.blue + totals.green + totals.amber + totals.red + totals.grey;
}

import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import type { OverdueList } from '../../src/domain/report/overdue-list.ts';
import type { HighlightReport, MovementCounts } from '../../src/domain/report/report-types.ts';
import { countStatuses } from '../../src/domain/report/totals.ts';
import { compareBrag } from '../../src/domain/status/status-words.ts';
import type { FloorOverdueRow, FloorReportRow } from './floors.ts';

/** Differences between the app's answer and the floor's; empty when they agree. */
export type Disagreements = string[];

const MAX_SHOWN = 5;

function firstDifference<A, B>(a: readonly A[], b: readonly B[], same: (x: A, y: B) => boolean, show: (x: A | undefined, y: B | undefined) => string): string | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length || i >= b.length || !same(a[i]!, b[i]!)) return `at position ${i + 1}: ${show(a[i], b[i])}`;
  }
  return null;
}

export function checkOverdue(app: OverdueList, floor: readonly FloorOverdueRow[]): Disagreements {
  const problems: Disagreements = [];
  if (app.items.length !== floor.length) problems.push(`overdue: the app lists ${app.items.length} actions, the floor ${floor.length}`);
  const diff = firstDifference(
    app.items,
    floor,
    (x, y) => x.ref === y.ref && x.daysOverdue === y.daysOverdue && x.status === y.status && x.due === y.due && x.workstream === y.workstream && x.leads.join('|') === y.leads.join('|'),
    (x, y) => `app ${JSON.stringify(x ?? null)} vs floor ${JSON.stringify(y ?? null)}`,
  );
  if (diff) problems.push(`overdue: first difference ${diff}`);
  return problems;
}

const isoOf = (utc: string | null) => (utc === null ? null : new Date(`${utc.replace(' ', 'T')}Z`).toISOString());

export function checkReport(app: HighlightReport, floor: readonly FloorReportRow[], asOf: CalendarDate): Disagreements {
  const problems: Disagreements = [];
  const current = floor.filter((r) => r.inRegister);

  const totals = countStatuses(current);
  if (JSON.stringify(totals) !== JSON.stringify(app.totals)) problems.push(`report totals: app ${JSON.stringify(app.totals)} vs floor ${JSON.stringify(totals)}`);

  const movement: MovementCounts = { up: 0, down: 0, same: 0, new: 0 };
  for (const r of current) movement[compareBrag(r.baselineStatus, r.status)] += 1;
  if (JSON.stringify(movement) !== JSON.stringify(app.movement)) problems.push(`report movement: app ${JSON.stringify(app.movement)} vs floor ${JSON.stringify(movement)}`);

  const open = current.filter((r) => r.status !== 'blue');
  const updated = open.filter((r) => r.updatedThisCycle).length;
  if (app.readiness.expected !== open.length || app.readiness.updated !== updated) {
    problems.push(`report readiness: app ${app.readiness.updated} of ${app.readiness.expected} updated vs floor ${updated} of ${open.length}`);
  }

  const overdue = open.filter((r) => r.due !== null && r.due < asOf).map((r) => r.ref);
  const appOverdue = app.overdue.map((i) => i.ref);
  if (overdue.join() !== appOverdue.join()) problems.push(`report overdue: app ${appOverdue.length} actions vs floor ${overdue.length}`);

  const items = app.workstreams.flatMap((w) => w.items);
  const diff = firstDifference(
    items,
    current,
    (x, y) =>
      x.ref === y.ref &&
      x.status === y.status &&
      x.leads.join('|') === y.leads.join('|') &&
      (x.latestUpdate?.at ?? null) === isoOf(y.latestAt) &&
      (x.latestUpdate?.author ?? null) === y.latestAuthor,
    (x, y) => `app ${x?.ref} ${x?.status} latest ${JSON.stringify(x?.latestUpdate ?? null)} vs floor ${y?.ref} ${y?.status} latest ${y?.latestAuthor} at ${isoOf(y?.latestAt ?? null)}`,
  );
  if (diff) problems.push(`report items: first difference ${diff}`);
  return problems.slice(0, MAX_SHOWN);
}

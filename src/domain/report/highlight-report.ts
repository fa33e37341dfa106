import { isOverdue } from '../overdue.ts';
import { isDueNext, dueNextUntil } from './due-next.ts';
import { toException } from './exceptions.ts';
import { toReportItem } from './item.ts';
import { leadsOf } from './leads.ts';
import { findMissingUpdates } from './missing-updates.ts';
import { byWorkstreamThenRef, workstreamRanks } from './ordering.ts';
import type { HighlightReport, MovementCounts, ReportItem, WorkstreamSection } from './report-types.ts';
import { toSlippage } from './slippage.ts';
import { countStatuses } from './totals.ts';
import type { ReportAction, ReportContext } from './types.ts';
import { updatedSince } from './updates.ts';

/**
 * Compiles the highlight report a chair tables at the board (DESIGN, Glossary): per workstream
 * the status counts and movement since the last report, exceptions, slippage; across the
 * programme what is overdue, who has not updated, and what falls due before the next meeting.
 * Actions no longer in the register are left out of everything but are counted, so the board
 * can see that the plan's shape changed.
 */
export function compileHighlightReport(actions: readonly ReportAction[], ctx: ReportContext): HighlightReport {
  const ranks = workstreamRanks(actions);
  const ordered = [...actions].sort(byWorkstreamThenRef(ranks));
  const current = ordered.filter((a) => a.inRegister);
  const open = current.filter((a) => a.status !== 'blue');
  const items = new Map<ReportAction, ReportItem>(current.map((a) => [a, toReportItem(a, ctx.previousCutoff)]));
  const itemOf = (a: ReportAction): ReportItem => items.get(a)!;

  const until = dueNextUntil(ctx.asOf, ctx.nextMeeting);
  const { missing, onLeave } = findMissingUpdates(open, ctx.cycleStart, ctx.awayLeads);
  const leadCount = new Set(open.flatMap((a) => leadsOf(a).map((l) => l.key))).size;
  const workstreams = [...ranks.keys()]
    .map((name) => workstreamSection(name, ordered.filter((a) => a.workstream === name), itemOf, ctx))
    .filter((w) => w.items.length > 0);

  return {
    programme: ctx.programme,
    board: ctx.board,
    asOf: ctx.asOf,
    totals: countStatuses(current),
    workstreams,
    overdue: current.filter((a) => isOverdue(a.due, a.status, ctx.asOf)).map(itemOf),
    missingUpdates: missing,
    dueNext: current.filter((a) => isDueNext(a, ctx.asOf, until)).map(itemOf),
    dueNextUntil: until,
    nextMeeting: ctx.nextMeeting,
    cycleStart: ctx.cycleStart?.toISOString() ?? null,
    previousCutoff: ctx.previousCutoff?.toISOString() ?? null,
    movement: countMovement([...items.values()]),
    onLeave,
    readiness: {
      expected: open.length,
      updated: open.filter((a) => updatedSince(a.updates, ctx.cycleStart)).length,
      leads: leadCount,
      leadsUpdated: leadCount - missing.length - onLeave.length,
      outstandingLeads: missing.map((m) => m.lead),
      onLeaveLeads: onLeave.map((m) => m.lead),
    },
    notInRegister: actions.length - current.length,
  };
}

function workstreamSection(
  name: string,
  all: readonly ReportAction[],
  itemOf: (a: ReportAction) => ReportItem,
  ctx: ReportContext,
): WorkstreamSection {
  const current = all.filter((a) => a.inRegister);
  const items = current.map(itemOf);
  return {
    name,
    totals: countStatuses(current),
    items,
    ref: all.find((a) => a.workstreamRef !== null)?.workstreamRef ?? null,
    movement: countMovement(items),
    exceptions: current.flatMap((a) => toException(a, itemOf(a), ctx.asOf) ?? []),
    slippage: current.flatMap((a) => toSlippage(a) ?? []),
    notInRegister: all.length - current.length,
  };
}

function countMovement(items: readonly ReportItem[]): MovementCounts {
  const counts: MovementCounts = { up: 0, down: 0, same: 0, new: 0 };
  for (const item of items) counts[item.direction] += 1;
  return counts;
}

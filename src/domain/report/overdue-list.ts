import type { Brag } from '../brag.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { daysOverdue, isOverdue } from '../overdue.ts';
import { byWorkstreamThenRef, workstreamRanks } from './ordering.ts';
import type { ReportAction } from './types.ts';

/** One item of `overdue --format json` (DESIGN, Interfaces): keep these names and shapes. */
export interface OverdueItem {
  ref: string;
  title: string;
  workstream: string;
  leads: string[];
  due: CalendarDate;
  daysOverdue: number;
  status: Brag;
}

/** `overdue --format json`. */
export interface OverdueList {
  programme: string;
  asOf: CalendarDate;
  items: OverdueItem[];
}

/**
 * Open actions whose due date has passed, ordered by workstream (register order) then ref.
 * Actions no longer in the register are left out: nobody is chasing them any more.
 */
export function listOverdue(actions: readonly ReportAction[], asOf: CalendarDate): OverdueItem[] {
  const order = byWorkstreamThenRef(workstreamRanks(actions));
  return actions
    .filter((a) => a.inRegister && isOverdue(a.due, a.status, asOf))
    .sort(order)
    .map((a) => ({
      ref: a.ref,
      title: a.title,
      workstream: a.workstream,
      leads: [...a.leads],
      due: a.due!.date,
      daysOverdue: daysOverdue(a.due!, asOf),
      status: a.status,
    }));
}

/** The whole `overdue --format json` document. */
export function overdueList(programme: string, actions: readonly ReportAction[], asOf: CalendarDate): OverdueList {
  return { programme, asOf, items: listOverdue(actions, asOf) };
}

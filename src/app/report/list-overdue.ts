import type { CalendarDate } from '../../domain/calendar-date.ts';
import { dateInZone } from '../../domain/dates/calendar.ts';
import { filterActions, type ActionFilter } from '../../domain/report/filter-actions.ts';
import { overdueList, type OverdueList } from '../../domain/report/overdue-list.ts';
import type { AppDeps } from '../deps.ts';
import { findProgramme } from '../programmes/find-programme.ts';
import { ok, type Result } from '../result.ts';

export interface OverdueRequest {
  programme?: string | null;
  asOf?: CalendarDate | null;
  filter?: ActionFilter;
}

/** What `/overdue` and `stocktake overdue` show, as of a day in the programme's timezone. */
export async function listOverdueActions(deps: AppDeps, req: OverdueRequest): Promise<Result<OverdueList>> {
  const programme = await findProgramme(deps, req.programme);
  if (!programme.ok) return programme;
  const asOf = req.asOf ?? dateInZone(deps.clock.now(), programme.value.timezone);
  const candidates = filterActions(await deps.store.register.overdueCandidates(programme.value.id, asOf), req.filter ?? { kind: 'all' });
  return ok(overdueList(programme.value.name, candidates, asOf));
}

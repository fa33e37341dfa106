import { boardMeetingDates, reportWindow } from '../../domain/cycle/board-calendar.ts';
import { dateInZone } from '../../domain/dates/calendar.ts';
import type { Programme } from '../../domain/programme.ts';
import { retentionHorizon, updatesToRemove } from '../../domain/updates/retention.ts';
import { cycleSettingsOf } from '../boards/cycle-settings.ts';
import type { AppDeps } from '../deps.ts';

export interface RetentionResult {
  /** Updates deleted, across programmes. */
  removed: number;
}

/** The instants the programme's boards' current reports compare against: no update they need may go. */
async function reportInstants(deps: AppDeps, programme: Programme, now: Date): Promise<(Date | null)[]> {
  const today = dateInZone(now, programme.timezone);
  const boards = await deps.store.boards.list(programme.id);
  return boards.flatMap((board) => {
    const window = reportWindow(boardMeetingDates(board.meetings, board.meetingRule, today), today, cycleSettingsOf(board, programme));
    return [window.previousCutoff, window.cycleStart];
  });
}

/**
 * Deletes superseded status updates older than the retention period (STOCKTAKE_RETENTION_MONTHS; 0 keeps
 * them all), by the domain's rule, with an audit entry per programme saying how many went. The scheduler
 * runs it daily.
 */
export async function applyRetention(deps: AppDeps, months: number): Promise<RetentionResult> {
  if (months <= 0) return { removed: 0 };
  const now = deps.clock.now();
  let removed = 0;
  for (const programme of await deps.store.programmes.list()) {
    const horizon = retentionHorizon(now, months, await reportInstants(deps, programme, now));
    if (!horizon) continue;
    const ids = updatesToRemove(await deps.store.updates.retentionCandidates(programme.id, horizon), horizon);
    if (ids.length === 0) continue;
    removed += await deps.store.updates.remove(ids, {
      at: now,
      actor: 'scheduler',
      programmeId: programme.id,
      verb: 'retention',
      entity: 'status-update',
      details: { months, olderThan: horizon.toISOString() },
    });
  }
  return { removed };
}

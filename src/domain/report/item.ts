import { compareBrag } from '../status/status-words.ts';
import type { ReportItem } from './report-types.ts';
import type { ReportAction } from './types.ts';
import { latestUpdate } from './updates.ts';

/**
 * One action as ITEM. Direction of travel compares the current status with the status the
 * action had at the previous meeting's cut-off (DESIGN, "Movement"): its latest update at or
 * before that instant. No previous meeting, or no update by then, is "new".
 */
export function toReportItem(action: ReportAction, previousCutoff: Date | null): ReportItem {
  const baseline = previousCutoff === null ? null : latestUpdate(action.updates, previousCutoff);
  const latest = latestUpdate(action.updates);
  return {
    ref: action.ref,
    title: action.title,
    workstream: action.workstream,
    leads: [...action.leads],
    due: action.due?.date ?? null,
    duePrecision: action.due?.precision ?? null,
    status: action.status,
    statusWord: action.statusWord,
    direction: compareBrag(baseline?.status ?? null, action.status),
    latestUpdate: latest && {
      status: latest.status,
      note: latest.note,
      author: latest.author,
      at: latest.at.toISOString(),
    },
  };
}

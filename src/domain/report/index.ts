// The report compiler's public surface: the app layer and the views import from here.
export type { ReportAction, ReportContext, ReportUpdate } from './types.ts';
export type * from './report-types.ts';
export { listOverdue, overdueList, type OverdueItem, type OverdueList } from './overdue-list.ts';
export { compileHighlightReport } from './highlight-report.ts';
export { compareNatural } from './natural-order.ts';
export { totalOf } from './totals.ts';

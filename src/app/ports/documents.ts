import type { HighlightReport } from '../../domain/report/report-types.ts';

/** Files made from a report (the board paper as a Word document). */
export interface DocumentPort {
  boardPaper(report: HighlightReport, options: { timezone: string }): Promise<Uint8Array>;
}

import { compileReport } from '../../app/report/compile-report.ts';
import { isCalendarDate } from '../../domain/dates/calendar.ts';
import { canSendReport } from '../../domain/roles/permissions.ts';
import { BOARD_PAPER, type PostValue } from '../commands/send-report.ts';
import type { ButtonHandler } from '../handlers.ts';
import { notice } from '../notice.ts';
import { parseButtonValue } from './button-value.ts';
import { expired, seesProgramme } from './expired.ts';

/** The button's value; `a` fixes the report's as-of date when the paper is made again (see the `file` reply). */
type PaperValue = PostValue & { a?: unknown };

/** "Download board paper": the highlight report as a Word document, sent to the caller alone. */
export const boardPaperButton: ButtonHandler = {
  id: BOARD_PAPER,
  async run(ctx, raw) {
    const value = parseButtonValue<PaperValue>(raw, ['p', 'b', 'c']);
    const board = value ? await ctx.deps.store.boards.findById(value.b) : null;
    const programme = board ? await ctx.deps.store.programmes.findById(board.programmeId) : null;
    if (!board || !programme || !ctx.deps.documents || !seesProgramme(ctx, programme.id)) return expired(ctx, 'send-report');
    const permission = canSendReport(ctx.actor, board);
    if (!permission.allowed) return [{ kind: 'private', message: notice(permission.reason) }];
    const asOf = typeof value?.a === 'string' && isCalendarDate(value.a) ? value.a : null;
    const report = await compileReport(ctx.deps, { programme: programme.name, board: board.name, asOf });
    if (!report.ok) return [{ kind: 'private', message: notice(report.error.message) }];
    const content = await ctx.deps.documents.boardPaper(report.value, { timezone: programme.timezone });
    const slug = board.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return [
      {
        kind: 'file',
        attachment: { filename: `board-paper-${slug}-${report.value.asOf}.docx`, title: `${board.name} board paper`, content },
        message: notice(`Here is the ${board.name} board paper, ready to table.`),
        remake: { button: BOARD_PAPER, value: JSON.stringify({ p: programme.id, b: board.id, c: null, a: report.value.asOf } satisfies PaperValue) },
      },
    ];
  },
};

import { compileReport } from '../../app/report/compile-report.ts';
import { canSendReport } from '../../domain/roles/permissions.ts';
import { BOARD_PAPER, type PostValue } from '../commands/send-report.ts';
import type { ButtonHandler } from '../handlers.ts';
import { notice } from '../notice.ts';
import { parseButtonValue } from './button-value.ts';

/** "Download board paper": the highlight report as a Word document, sent to the caller alone. */
export const boardPaperButton: ButtonHandler = {
  id: BOARD_PAPER,
  async run(ctx, raw) {
    const value = parseButtonValue<PostValue>(raw, ['p', 'b', 'c']);
    const board = value ? await ctx.deps.store.boards.findById(value.b) : null;
    const programme = board ? await ctx.deps.store.programmes.findById(board.programmeId) : null;
    if (!board || !programme || !ctx.deps.documents) return [{ kind: 'private', message: notice('That button has expired: run /send-report again.') }];
    const permission = canSendReport(ctx.actor, board);
    if (!permission.allowed) return [{ kind: 'private', message: notice(permission.reason) }];
    const report = await compileReport(ctx.deps, { programme: programme.name, board: board.name });
    if (!report.ok) return [{ kind: 'private', message: notice(report.error.message) }];
    const content = await ctx.deps.documents.boardPaper(report.value, { timezone: programme.timezone });
    const slug = board.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return [
      {
        kind: 'file',
        attachment: { filename: `board-paper-${slug}-${report.value.asOf}.docx`, title: `${board.name} board paper`, content },
        message: notice(`Here is the ${board.name} board paper, ready to table.`),
      },
    ];
  },
};

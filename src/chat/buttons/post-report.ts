import { canSendReport } from '../../domain/roles/permissions.ts';
import { channelOn, typed } from '../context.ts';
import type { ButtonHandler } from '../handlers.ts';
import { POST_REPORT, postReport, type PostValue } from '../commands/send-report.ts';
import { notice } from '../notice.ts';
import { parseButtonValue } from './button-value.ts';
import { expired, seesProgramme } from './expired.ts';

export const postReportButton: ButtonHandler = {
  id: POST_REPORT,
  async run(ctx, raw) {
    const value = parseButtonValue<PostValue>(raw, ['p', 'b', 'c']);
    const board = value ? await ctx.deps.store.boards.findById(value.b) : null;
    const programme = board ? await ctx.deps.store.programmes.findById(board.programmeId) : null;
    if (!value || !board || !programme || programme.id !== value.p || !seesProgramme(ctx, programme.id)) return expired(ctx, 'send-report');
    // Checked again on the click: roles may have changed since the preview.
    const permission = canSendReport(ctx.actor, board);
    if (!permission.allowed) return [{ kind: 'private', message: notice(permission.reason) }];
    const channel = channelOn(ctx, board) ?? (value.c && value.c === ctx.place.channelId ? value.c : null);
    if (!channel) return [{ kind: 'private', message: notice(`${board.name} has no governance channel: run ${typed(ctx, 'send-report')} in the channel you want it posted to.`) }];
    return postReport(ctx, programme, board, channel);
  },
};

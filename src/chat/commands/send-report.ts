import { compileReportCached } from '../../app/report/report-cache.ts';
import { formatDate } from '../../domain/dates/calendar.ts';
import type { Board, Programme } from '../../domain/programme.ts';
import type { HighlightReport } from '../../domain/report/report-types.ts';
import { canSendReport } from '../../domain/roles/permissions.ts';
import { channelOn, type ChatContext } from '../context.ts';
import type { CommandHandler } from '../handlers.ts';
import type { Message } from '../message.ts';
import { renderMarkdown } from '../render/markdown.ts';
import type { OutboxPayload } from '../outbox-payload.ts';
import type { Reply } from '../replies.ts';
import { highlightReportHeadline, highlightReportMessage, highlightReportParts } from '../views/highlight-report.ts';
import { failureMessage, notice } from '../notice.ts';
import { programmeForCommand } from './programme-choice.ts';

export const POST_REPORT = 'report.post';
export const BOARD_PAPER = 'report.paper';

export interface PostValue {
  p: string;
  b: string;
  /** The channel to post in when the board has no governance channel (the caller confirmed it). */
  c: string | null;
}

export const sendReportCommand: CommandHandler = {
  name: 'send-report',
  aliases: ['report', 'highlight-report'],
  usage: 'send-report [board] [post]',
  summary: "Preview the board's highlight report, then post it to the governance channel.",
  run: (ctx, args) => sendReportReplies(ctx, args, null),
};

const privately = (message: Message): Reply[] => [{ kind: 'private', message }];

export async function sendReportReplies(ctx: ChatContext, args: string, programmeId: string | null): Promise<Reply[]> {
  const post = /(^|\s)post$/i.test(args.trim());
  const boardName = args.trim().replace(/(^|\s)post$/i, '').trim();
  const where = await programmeForCommand(ctx, 'send-report', args, programmeId);
  if (!where.ok) return where.replies;
  const { programme } = where.value;
  const board = await whichBoard(ctx, programme, boardName, where.value.board);
  if (!board.ok) return privately(notice(board.message));
  const permission = canSendReport(ctx.actor, board.value);
  if (!permission.allowed) return privately(notice(permission.reason));

  const governance = channelOn(ctx, board.value);
  if (post && governance) return postReport(ctx, programme, board.value, governance);
  return preview(ctx, programme, board.value, governance);
}

async function whichBoard(ctx: ChatContext, programme: Programme, name: string, fromChannel: Board | null): Promise<{ ok: true; value: Board } | { ok: false; message: string }> {
  if (name) {
    const board = await ctx.deps.store.boards.findByName(programme.id, name);
    if (board) return { ok: true, value: board };
  } else if (fromChannel) {
    return { ok: true, value: fromChannel };
  }
  const boards = await ctx.deps.store.boards.list(programme.id);
  if (!name && boards.length === 1) return { ok: true, value: boards[0]! };
  if (boards.length === 0) return { ok: false, message: `${programme.name} has no board yet: a programme manager can add one with \`stocktake board add\`.` };
  const names = boards.map((b) => b.name).join(', ');
  return { ok: false, message: name ? `${programme.name} has no board called “${name}”. Boards: ${names}.` : `Which board? Say /send-report followed by one of: ${names}.` };
}

async function preview(ctx: ChatContext, programme: Programme, board: Board, governance: string | null): Promise<Reply[]> {
  const report = await compileReportCached(ctx.deps, { programme: programme.name, board: board.name });
  if (!report.ok) return privately(failureMessage(report.error));
  const headline = highlightReportHeadline(report.value, { timezone: programme.timezone });
  const target = governance ?? (ctx.place.direct ? null : ctx.place.channelId);
  const message: Message = {
    text: headline.text,
    blocks: [
      ...headline.blocks,
      { type: 'context', text: 'Preview: only you can see this. The details go in a thread under the post, with the full report attached.' },
      ...(target ? [] : [{ type: 'section' as const, text: `${board.name} has no governance channel on this platform yet: a programme manager can set one with \`stocktake board set\`.` }]),
      {
        type: 'actions',
        buttons: [
          ...(target
            ? [
                {
                  id: POST_REPORT,
                  label: governance ? 'Post to the governance channel' : 'Post in this channel',
                  style: 'primary' as const,
                  value: JSON.stringify({ p: programme.id, b: board.id, c: governance ? null : target } satisfies PostValue),
                },
              ]
            : []),
          ...(ctx.deps.documents ? [{ id: BOARD_PAPER, label: 'Download board paper', value: JSON.stringify({ p: programme.id, b: board.id, c: null } satisfies PostValue) }] : []),
        ],
      },
    ],
  };
  return privately(message);
}

/** The report as a channel post: headline in the channel, details in its thread, the full report attached. */
export function reportPost(report: HighlightReport, programme: Programme, board: Board, footer: string): OutboxPayload {
  const options = { timezone: programme.timezone };
  const { headline, details } = highlightReportParts(report, options);
  headline.blocks.push({ type: 'context', text: footer });
  const slug = board.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    message: headline,
    thread: details,
    attachment: {
      filename: `highlight-report-${slug}-${report.asOf}.md`,
      title: `${board.name} highlight report, ${formatDate(report.asOf)}`,
      content: renderMarkdown(highlightReportMessage(report, options)),
    },
  };
}

/** Posts the headline to the channel, the details in its thread and the full report as a file. */
export async function postReport(ctx: ChatContext, programme: Programme, board: Board, channelId: string): Promise<Reply[]> {
  const report = await compileReportCached(ctx.deps, { programme: programme.name, board: board.name });
  if (!report.ok) return privately(failureMessage(report.error));
  await ctx.deps.store.audit.record({ actor: ctx.person.id, programmeId: programme.id, verb: 'post', entity: 'report', entityId: board.id, details: { channelId, asOf: report.value.asOf } });
  return [
    { kind: 'post', channelId, ...reportPost(report.value, programme, board, `Sent by ${ctx.person.name}. Details in the thread; the full report is attached.`) },
    { kind: 'private', message: notice(`Posted the ${board.name} highlight report.`) },
  ];
}

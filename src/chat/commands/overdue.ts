import { listOverdueActions } from '../../app/report/list-overdue.ts';
import { typed, type ChatContext } from '../context.ts';
import type { CommandHandler } from '../handlers.ts';
import type { Message } from '../message.ts';
import type { Reply } from '../replies.ts';
import { overdueMessage } from '../views/overdue.ts';
import { failureMessage, notice } from '../notice.ts';
import { parseOverdueArgs } from './overdue-args.ts';
import { programmeForCommand } from './programme-choice.ts';

export const SHARE_OVERDUE = 'overdue.share';

/** Overdue actions shown in one chat answer; the counts cover the rest. */
const CHAT_LIMIT = 40;

export interface ShareValue {
  p: string;
  a: string;
  /** The channel it was asked in: where a platform without private replies in channels (Teams) sends the answer to a direct chat, the click comes from there. */
  c?: string;
}

/** The overdue list for a programme, narrowed as asked; `null` with the reason when it cannot be made. */
export async function overdueView(ctx: ChatContext, args: string, programmeId: string | null): Promise<{ ok: true; message: Message; programmeId: string; words: string } | { ok: false; replies: Reply[] }> {
  const where = await programmeForCommand(ctx, 'overdue', args, programmeId);
  if (!where.ok) return where;
  const { programme } = where.value;
  const parsed = await parseOverdueArgs(ctx, programme, args);
  if (!parsed.ok) return { ok: false, replies: [{ kind: 'private', message: notice(parsed.message) }] };
  const list = await listOverdueActions(ctx.deps, { programme: programme.name, filter: parsed.filter });
  if (!list.ok) return { ok: false, replies: [{ kind: 'private', message: failureMessage(list.error) }] };
  const message = overdueMessage(list.value, { limit: CHAT_LIMIT, narrowHint: `Narrow it with ${typed(ctx, 'overdue')} followed by a workstream, @someone or “mine”; \`stocktake overdue\` lists them all.` });
  if (parsed.label) message.blocks.splice(1, 0, { type: 'context', text: `Only actions ${parsed.label}.` });
  return { ok: true, message, programmeId: programme.id, words: parsed.words };
}

export const overdueCommand: CommandHandler = {
  name: 'overdue',
  aliases: ['late'],
  usage: 'overdue [workstream | @lead | mine]',
  summary: 'Open actions past their due date, grouped by workstream.',
  run: (ctx, args) => overdueReplies(ctx, args, null),
};

export async function overdueReplies(ctx: ChatContext, args: string, programmeId: string | null): Promise<Reply[]> {
  const view = await overdueView(ctx, args, programmeId);
  if (!view.ok) return view.replies;
  // Shown to the caller alone; sharing it with the channel is their choice, one click away.
  if (ctx.place.channelId && !ctx.place.direct) {
    view.message.blocks.push({
      type: 'actions',
      buttons: [{ id: SHARE_OVERDUE, label: 'Share in this channel', value: JSON.stringify({ p: view.programmeId, a: view.words, c: ctx.place.channelId } satisfies ShareValue) }],
    });
  }
  return [{ kind: 'private', message: view.message }];
}

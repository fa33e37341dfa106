import { listBoards, setBoard, type BoardChanges } from '../../app/boards/manage-boards.ts';
import { canManageProgramme } from '../../domain/roles/permissions.ts';
import type { ChatContext } from '../context.ts';
import type { CommandHandler } from '../handlers.ts';
import { mentionedUserId } from '../mentions.ts';
import { failureMessage, notice } from '../notice.ts';

import { boardsMessage } from '../views/boards.ts';
import { programmeForCommand } from './programme-choice.ts';

const SETTINGS = ['meetings', 'rule', 'chair', 'channel', 'ask-days', 'ask-time', 'chase-days', 'cutoff-days', 'cutoff-time'] as const;
type Setting = (typeof SETTINGS)[number];

const USAGE =
  'Say, for example: board set SEND Partnership Board meetings 2025-01-14,2025-02-11 · … rule second Tuesday · … chair @someone · … channel here · … ask-days 5 · … ask-time 09:30 · … chase-days 2 · … cutoff-days 2 · … cutoff-time 12:00';

/** `board` shows the programme's boards; `board set NAME SETTING VALUE` changes one (programme managers). */
export const boardCommand: CommandHandler = {
  name: 'board',
  aliases: ['boards'],
  usage: 'board [set NAME SETTING VALUE]',
  summary: "A board's meetings, chair, channel and lead times; programme managers can change them.",
  run: (ctx, args) => boardReplies(ctx, args, null),
};

export async function boardReplies(ctx: ChatContext, args: string, programmeId: string | null) {
    const where = await programmeForCommand(ctx, 'board', args, programmeId);
    if (!where.ok) return where.replies;
    const { programme } = where.value;
    const text = args.trim();
    if (!/^set\b/i.test(text)) {
      const listed = await listBoards(ctx.deps, programme.name);
      return [{ kind: 'private' as const, message: listed.ok ? boardsMessage(programme.name, listed.value.boards) : failureMessage(listed.error) }];
    }
    const permission = canManageProgramme(ctx.actor, programme);
    if (!permission.allowed) return [{ kind: 'private' as const, message: notice(permission.reason) }];
    const change = await parseChange(ctx, text.replace(/^set\s*/i, ''));
    if (!change.ok) return [{ kind: 'private' as const, message: notice(change.message, USAGE) }];
    const result = await setBoard(ctx.deps, programme.name, change.board, change.changes, ctx.person.id);
    if (!result.ok) return [{ kind: 'private' as const, message: failureMessage(result.error) }];
    return [{ kind: 'private' as const, message: boardsMessage(programme.name, [result.value]) }];
}

async function parseChange(ctx: ChatContext, text: string): Promise<{ ok: true; board: string; changes: BoardChanges } | { ok: false; message: string }> {
  const match = new RegExp(`^(.+?)\\s+(${SETTINGS.join('|')})\\s+(.+)$`, 'i').exec(text);
  if (!match) return { ok: false, message: 'Which board, which setting, and what to?' };
  const [, board, key, raw] = match as unknown as [string, string, string, string];
  const value = raw.trim();
  const setting = key.toLowerCase() as Setting;
  const days = (v: string) => (/^\d{1,2}$/.test(v) ? Number(v) : null);
  switch (setting) {
    case 'meetings':
      return { ok: true, board, changes: { meetings: value.split(/[,\s]+/).filter(Boolean) } };
    case 'rule':
      return { ok: true, board, changes: { rule: value } };
    case 'chair': {
      const userId = mentionedUserId(value);
      const person = userId ? await ctx.deps.store.people.findByPlatformUser(ctx.platform, userId) : null;
      const email = person?.email ?? (userId ? await ctx.directory.emailOf(userId) : value.includes('@') ? value : null);
      return email ? { ok: true, board, changes: { chair: email } } : { ok: false, message: 'Name the chair with @someone or their email.' };
    }
    case 'channel': {
      const channel = /^here$/i.test(value) ? ctx.place.channelId : value;
      if (!channel) return { ok: false, message: 'Say “channel here” in the governance channel itself.' };
      return { ok: true, board, changes: ctx.platform === 'slack' ? { slackChannel: channel } : { teamsChannel: channel } };
    }
    case 'ask-time':
      return { ok: true, board, changes: { askTime: value } };
    case 'cutoff-time':
      return { ok: true, board, changes: { cutoffTime: value } };
    default: {
      const n = days(value);
      if (n === null) return { ok: false, message: `“${value}” is not a number of working days.` };
      const field = ({ 'ask-days': 'askDays', 'chase-days': 'chaseDays', 'cutoff-days': 'cutoffDays' } as const)[setting];
      return { ok: true, board, changes: { [field]: n } };
    }
  }
}


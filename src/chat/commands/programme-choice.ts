import { programmeInContext, type ProgrammeContext } from '../../app/programmes/programme-in-context.ts';
import type { ChatContext } from '../context.ts';
import type { Message } from '../message.ts';
import type { Reply } from '../replies.ts';
import { failureMessage } from '../notice.ts';

export const CHOOSE_PROGRAMME = 'programme.choose';

/** What a "choose a programme" button carries back: the programme and the command to run again. */
export interface ChoiceValue {
  p: string;
  c: string;
  a: string;
}

/**
 * The programme a chat command is about, or the replies that say why not — including, when the caller
 * works on several, one button per programme that re-runs the command for it.
 */
export async function programmeForCommand(
  ctx: ChatContext,
  command: string,
  args: string,
  programmeId: string | null,
): Promise<{ ok: true; value: ProgrammeContext } | { ok: false; replies: Reply[] }> {
  const where = await programmeInContext(ctx.deps, ctx.actor, { platform: ctx.platform, channelId: ctx.place.channelId, programmeId });
  if (where.ok) return where;
  if (where.error.code !== 'programme-ambiguous' || !where.error.choices) {
    return { ok: false, replies: [{ kind: 'private', message: failureMessage(where.error) }] };
  }
  const message: Message = {
    text: 'Which programme do you mean?',
    blocks: [
      { type: 'section', text: 'You work on more than one programme. Which one do you mean?' },
      {
        type: 'actions',
        buttons: where.error.choices.slice(0, 25).map((c) => ({
          id: CHOOSE_PROGRAMME,
          label: c.label,
          value: JSON.stringify({ p: c.id, c: command, a: args } satisfies ChoiceValue),
        })),
      },
    ],
  };
  return { ok: false, replies: [{ kind: 'private', message }] };
}

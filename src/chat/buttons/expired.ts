import { canViewProgramme } from '../../domain/roles/permissions.ts';
import { typed, type ChatContext } from '../context.ts';
import { notice } from '../notice.ts';
import type { Reply } from '../replies.ts';

/** A button that can no longer be acted on: said the same way whatever the reason, so a crafted value learns nothing. */
export function expired(ctx: ChatContext, command: string | null): Reply[] {
  const again = command ? `run ${typed(ctx, command)} again` : 'run the command again';
  return [{ kind: 'private', message: notice(`That button has expired: ${again}.`) }];
}

/**
 * Button values are written by the client, so a programme named in one is checked like any unknown id:
 * someone outside it is told the button has expired, never the programme's or its board's name.
 */
export const seesProgramme = (ctx: ChatContext, programmeId: string): boolean => canViewProgramme(ctx.actor, programmeId).allowed;

import type { Board, Programme } from '../../domain/programme.ts';
import { canViewProgramme, type Actor } from '../../domain/roles/permissions.ts';
import type { AppDeps } from '../deps.ts';
import type { ChatPlatform } from '../ports/store.ts';
import { fail, failWith, ok, type Result } from '../result.ts';

export interface ProgrammeContext {
  programme: Programme;
  /** The board whose governance channel the command came from, if any. */
  board: Board | null;
}

/**
 * DESIGN, "Which programme": a channel mapped to a board or programme decides; else the caller's only
 * programme; else the caller is asked to choose (the failure carries the choices).
 */
export async function programmeInContext(
  deps: AppDeps,
  actor: Actor,
  where: { platform: ChatPlatform; channelId: string | null; programmeId?: string | null },
): Promise<Result<ProgrammeContext>> {
  if (where.programmeId) {
    const programme = await deps.store.programmes.findById(where.programmeId);
    if (programme) return checked(actor, { programme, board: null });
  }
  if (where.channelId) {
    const board = await deps.store.boards.findByChannel(where.platform, where.channelId);
    if (board) {
      const programme = await deps.store.programmes.findById(board.programmeId);
      if (programme) return checked(actor, { programme, board });
    }
    const programme = await deps.store.programmes.findByChannel(where.platform, where.channelId);
    if (programme) return checked(actor, { programme, board: null });
  }
  const visible = (await deps.store.programmes.list()).filter((p) => canViewProgramme(actor, p).allowed);
  if (visible.length === 1) return ok({ programme: visible[0]!, board: null });
  if (visible.length === 0) return fail('forbidden', 'You are not part of any programme in Stocktake yet. Ask a programme manager to add you.');
  return failWith({
    code: 'programme-ambiguous',
    message: 'Which programme?',
    choices: visible.map((p) => ({ id: p.id, label: p.name })),
  });
}

function checked(actor: Actor, context: ProgrammeContext): Result<ProgrammeContext> {
  const permission = canViewProgramme(actor, context.programme);
  return permission.allowed ? ok(context) : fail('forbidden', permission.reason);
}

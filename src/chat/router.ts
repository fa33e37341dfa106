import type { AppDeps } from '../app/deps.ts';
import { identifyCaller } from '../app/identity/identify-caller.ts';
import { loadActor } from '../app/identity/load-actor.ts';
import type { PlatformDirectory } from '../app/ports/platform-directory.ts';
import { boardPaperButton } from './buttons/board-paper.ts';
import { chooseProgrammeButton } from './buttons/choose-programme.ts';
import { noChangeButton } from './buttons/no-change.ts';
import { postReportButton } from './buttons/post-report.ts';
import { shareOverdueButton } from './buttons/share-overdue.ts';
import { awayCommand } from './commands/away.ts';
import { boardCommand } from './commands/board.ts';
import { helpCommand } from './commands/help.ts';
import { myActionsCommand } from './commands/my-actions.ts';
import { overdueCommand } from './commands/overdue.ts';
import { sendReportCommand } from './commands/send-report.ts';
import type { ChatContext } from './context.ts';
import { openUpdateButton, updateFormHandler } from './forms/update-form.ts';
import type { ButtonHandler, CommandHandler, FormHandler } from './handlers.ts';
import { homeMessage } from './home.ts';
import type { Inbound } from './inbound.ts';
import type { Reply } from './replies.ts';
import { failureMessage, notice } from './notice.ts';

/** The one registry of commands: routing, aliases and help all come from it. */
export const COMMANDS: readonly CommandHandler[] = [overdueCommand, sendReportCommand, myActionsCommand, boardCommand, awayCommand, helpCommand(() => COMMANDS)];
const BUTTONS: readonly ButtonHandler[] = [openUpdateButton, shareOverdueButton, postReportButton, boardPaperButton, noChangeButton, chooseProgrammeButton];
const FORMS: readonly FormHandler[] = [updateFormHandler];

export interface ChatRuntime {
  deps: AppDeps;
  directory: PlatformDirectory;
  /** Where unexpected errors go (the adapter's logger); the user gets a polite reply either way. */
  onError: (error: unknown, inbound: Inbound) => void;
}

/** A command's words are far shorter than this; longer ones are refused, not echoed back in an answer. */
export const COMMAND_LIMIT = 500;

function tooLong(args: string): Reply[] {
  const length = args.length.toLocaleString('en-GB');
  return [{ kind: 'private', message: notice(`That command is too long (${length} characters after its name; at most ${COMMAND_LIMIT}). Try help.`) }];
}

const SORRY = notice('Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.');
const NOT_SAVED = 'Not saved: something went wrong on our side (the database may be unreachable), so nothing was recorded. Please submit it again in a minute.';

/**
 * A form that could not be saved (the database unreachable, most likely) is not queued to be saved
 * later: a queue outside the database would be lost with the process, and one inside it is what is
 * down. So the person is told at once that nothing was recorded, and the form stays open with what
 * they typed where the platform allows (a Slack modal), so that trying again is one press.
 */
function notSaved(formId: string): Reply[] {
  const form = FORMS.find((f) => f.id === formId);
  return [...(form ? [{ kind: 'form-errors' as const, errors: { [form.firstField]: NOT_SAVED } }] : []), { kind: 'private', message: notice(NOT_SAVED) }];
}

/** Finds a command by name or alias; the words after it are its arguments. */
export function findCommand(text: string): { command: CommandHandler; args: string } | null {
  const words = text.trim().replace(/^\//, '');
  const lower = words.toLowerCase();
  let best: { command: CommandHandler; args: string; length: number } | null = null;
  for (const command of COMMANDS) {
    for (const name of [command.name, ...command.aliases]) {
      if ((lower === name || lower.startsWith(`${name} `)) && (!best || name.length > best.length)) {
        best = { command, args: words.slice(name.length).trim(), length: name.length };
      }
    }
  }
  return best && { command: best.command, args: best.args };
}

/** The one entry point for every platform: an inbound event in, the replies to make out. */
export async function handleInbound(runtime: ChatRuntime, inbound: Inbound): Promise<Reply[]> {
  try {
    const person = await identifyCaller(runtime.deps, inbound.caller.platform, inbound.caller.userId, runtime.directory);
    if (!person.ok) return [{ kind: 'private', message: failureMessage(person.error) }];
    const ctx: ChatContext = {
      deps: runtime.deps,
      platform: inbound.caller.platform,
      caller: inbound.caller,
      place: inbound.kind === 'home' ? { channelId: null, direct: true } : inbound.place,
      person: person.value,
      actor: await loadActor(runtime.deps, person.value.id),
      directory: runtime.directory,
    };
    return await dispatch(ctx, inbound);
  } catch (error) {
    runtime.onError(error, inbound);
    return inbound.kind === 'form' ? notSaved(inbound.id) : [{ kind: 'private', message: SORRY }];
  }
}

async function dispatch(ctx: ChatContext, inbound: Inbound): Promise<Reply[]> {
  switch (inbound.kind) {
    case 'command': {
      if (inbound.args.length > COMMAND_LIMIT) return tooLong(inbound.args);
      // `/stocktake overdue mine` and `/overdue mine` reach the same handler.
      const found = findCommand(`${inbound.name} ${inbound.args}`) ?? (inbound.name === 'stocktake' ? findCommand(inbound.args || 'help') : null);
      if (!found) return [{ kind: 'private', message: notice(`I don't know “${inbound.args || inbound.name}”. Try help.`) }];
      return found.command.run(ctx, found.args);
    }
    case 'message': {
      const found = findCommand(inbound.text);
      if (found && found.args.length > COMMAND_LIMIT) return tooLong(found.args);
      if (found) return found.command.run(ctx, found.args);
      return myActionsCommand.run(ctx, '');
    }
    case 'button': {
      const handler = BUTTONS.find((b) => b.id === inbound.id);
      return handler ? handler.run(ctx, inbound.value) : [];
    }
    case 'form': {
      const handler = FORMS.find((f) => f.id === inbound.id);
      return handler ? handler.run(ctx, inbound.state, inbound.values) : [{ kind: 'private', message: notice('That form has expired: open it again.') }];
    }
    case 'home':
      return [{ kind: 'home', message: await homeMessage(ctx) }];
  }
}

import type { ButtonHandler, CommandHandler } from '../handlers.ts';
import { CHOOSE_PROGRAMME, type ChoiceValue } from '../commands/programme-choice.ts';
import { boardReplies } from '../commands/board.ts';
import { overdueReplies } from '../commands/overdue.ts';
import { sendReportReplies } from '../commands/send-report.ts';
import { parseButtonValue } from './button-value.ts';
import { expired, seesProgramme } from './expired.ts';

/** Commands that ask "which programme?" and can be re-run for the one chosen. */
const RERUN: Record<string, (ctx: Parameters<CommandHandler['run']>[0], args: string, programmeId: string) => ReturnType<CommandHandler['run']>> = {
  overdue: overdueReplies,
  'send-report': sendReportReplies,
  board: boardReplies,
};

export const chooseProgrammeButton: ButtonHandler = {
  id: CHOOSE_PROGRAMME,
  async run(ctx, raw) {
    const value = parseButtonValue<ChoiceValue>(raw, ['p', 'c', 'a']);
    const rerun = value ? RERUN[value.c] : undefined;
    if (!value || !rerun || !seesProgramme(ctx, value.p)) return expired(ctx, null);
    return rerun(ctx, value.a, value.p);
  },
};

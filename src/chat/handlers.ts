import type { ChatContext } from './context.ts';
import type { Reply } from './replies.ts';

/** A command people type: `/overdue mine`, `overdue mine` in Teams, `/stocktake overdue mine`. */
export interface CommandHandler {
  name: string;
  aliases: readonly string[];
  usage: string;
  summary: string;
  run(ctx: ChatContext, args: string): Promise<Reply[]>;
}

/** A button press; `id` is the neutral button id that views put on their buttons. */
export interface ButtonHandler {
  id: string;
  run(ctx: ChatContext, value: string): Promise<Reply[]>;
}

/** A submitted form; `state` is what the form was opened with. */
export interface FormHandler {
  id: string;
  /** The field beside which "not saved, try again" is shown when the form cannot be saved at all (the first one people see). */
  firstField: string;
  run(ctx: ChatContext, state: string, values: Record<string, string | undefined>): Promise<Reply[]>;
}

import { typed } from '../context.ts';
import type { CommandHandler } from '../handlers.ts';
import type { Message } from '../message.ts';

/** Help is generated from the command registry, so it can never list a command that does not exist. */
export function helpMessage(commands: readonly CommandHandler[], spell: (usage: string) => string): Message {
  return {
    text: 'What Stocktake can do',
    blocks: [
      { type: 'header', text: 'What Stocktake can do' },
      { type: 'list', items: commands.map((c) => `${spell(c.usage)} — ${c.summary}`) },
      { type: 'context', text: 'Message me any time to see your actions and update them.' },
    ],
  };
}

export function helpCommand(all: () => readonly CommandHandler[]): CommandHandler {
  return {
    name: 'help',
    aliases: ['?', 'commands'],
    usage: 'help',
    summary: 'This list.',
    async run(ctx) {
      return [{ kind: 'private', message: helpMessage(all(), (usage) => typed(ctx, usage)) }];
    },
  };
}

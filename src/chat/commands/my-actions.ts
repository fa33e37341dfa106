import { myOpenActions } from '../../app/updates/my-actions.ts';
import type { CommandHandler } from '../handlers.ts';
import { myActionsMessage } from '../views/my-actions.ts';

export const myActionsCommand: CommandHandler = {
  name: 'my-actions',
  aliases: ['my actions', 'mine', 'actions', 'update'],
  usage: 'my actions',
  summary: 'Your open actions, each with a button to update it.',
  async run(ctx) {
    return [{ kind: 'private', message: myActionsMessage(await myOpenActions(ctx.deps, ctx.person.id)) }];
  },
};

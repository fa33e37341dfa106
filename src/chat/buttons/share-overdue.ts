import type { ButtonHandler } from '../handlers.ts';
import { overdueView, SHARE_OVERDUE, type ShareValue } from '../commands/overdue.ts';
import { parseButtonValue } from './button-value.ts';
import { expired, seesProgramme } from './expired.ts';

export const shareOverdueButton: ButtonHandler = {
  id: SHARE_OVERDUE,
  async run(ctx, raw) {
    const value = parseButtonValue<ShareValue>(raw, ['p', 'a']);
    // Pressed in a channel, it shares there; pressed in a direct chat, in the channel the list was asked in.
    const channelId = ctx.place.direct ? (typeof value?.c === 'string' ? value.c : null) : ctx.place.channelId;
    if (!value || !channelId || !seesProgramme(ctx, value.p)) return expired(ctx, 'overdue');
    const view = await overdueView(ctx, value.a, value.p);
    if (!view.ok) return view.replies;
    view.message.blocks.push({ type: 'context', text: `Shared by ${ctx.person.name}.` });
    return [{ kind: 'post', channelId, message: view.message }];
  },
};

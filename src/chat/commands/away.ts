import { markAway } from '../../app/people/mark-away.ts';
import { isCalendarDate } from '../../domain/dates/calendar.ts';
import { canManageProgramme } from '../../domain/roles/permissions.ts';
import type { ChatContext } from '../context.ts';
import type { CommandHandler } from '../handlers.ts';
import { mentionedUserId } from '../mentions.ts';
import { failureMessage, notice } from '../notice.ts';

const USAGE = 'Say: away 2025-03-03 2025-03-14 [cover @someone], or, as a programme manager, away @someone 2025-03-03 2025-03-14 [cover @someone]';

/** Leave and cover from chat: a person marks themselves away (or a programme manager marks someone), naming who covers. */
export const awayCommand: CommandHandler = {
  name: 'away',
  aliases: ['leave', 'on leave'],
  usage: 'away FROM TO [cover @someone]',
  summary: 'Going on leave: you are not chased, and the person covering is asked instead.',
  async run(ctx, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const who = words[0] && mentionedUserId(words[0]) ? words.shift()! : null;
    const [from, to, coverWord, delegateText] = words;
    if (!from || !to || !isCalendarDate(from) || !isCalendarDate(to) || (coverWord && !/^cover(ed)?(-by)?$/i.test(coverWord))) {
      return [{ kind: 'private', message: notice('I could not read those dates.', USAGE) }];
    }
    const person = who ? await personFor(ctx, mentionedUserId(who)!) : ctx.person;
    if (!person?.email) return [{ kind: 'private', message: notice('That person is not in Stocktake’s directory with an email.') }];
    if (person.id !== ctx.person.id) {
      const programmes = await ctx.deps.store.programmes.list();
      if (!programmes.some((p) => canManageProgramme(ctx.actor, p).allowed)) {
        return [{ kind: 'private', message: notice('Only a programme manager can mark someone else as away.') }];
      }
    }
    const delegateId = delegateText ? mentionedUserId(delegateText) : null;
    const delegate = delegateId ? await personFor(ctx, delegateId) : null;
    if (delegateText && !delegate?.email) return [{ kind: 'private', message: notice('The person covering is not in Stocktake’s directory with an email.') }];
    const result = await markAway(ctx.deps, { email: person.email, from, to, delegateEmail: delegate?.email ?? null, actor: ctx.person.id });
    return [{ kind: 'private', message: result.ok ? notice(result.value) : failureMessage(result.error) }];
  },
};

async function personFor(ctx: ChatContext, userId: string) {
  const linked = await ctx.deps.store.people.findByPlatformUser(ctx.platform, userId);
  if (linked) return linked;
  const email = await ctx.directory.emailOf(userId);
  return email ? ctx.deps.store.people.findByEmail(email) : null;
}

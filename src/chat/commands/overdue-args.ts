import { createLeadResolver } from '../../domain/leads/resolve-lead.ts';
import type { Programme } from '../../domain/programme.ts';
import { matchesWorkstream, type ActionFilter } from '../../domain/report/filter-actions.ts';
import type { ChatContext } from '../context.ts';
import { mentionedUserId } from '../mentions.ts';

/**
 * `words` ask for the same list again from anywhere: a mention becomes the person's name, as a platform's
 * user id may only resolve in the conversation it was typed in (a Teams channel's roster).
 */
export type OverdueArgs = { ok: true; filter: ActionFilter; label: string | null; words: string } | { ok: false; message: string };

/** `/overdue [workstream | @lead | mine]`: what the words after the command narrow the list to. */
export async function parseOverdueArgs(ctx: ChatContext, programme: Programme, args: string): Promise<OverdueArgs> {
  const text = args.trim();
  if (!text) return { ok: true, filter: { kind: 'all' }, label: null, words: text };
  if (/^(mine|me|my actions)$/i.test(text)) {
    return { ok: true, filter: { kind: 'lead', personId: ctx.person.id, name: ctx.person.name }, label: `led by you`, words: text };
  }
  const mentioned = mentionedUserId(text);
  if (mentioned) {
    const person = await personForPlatformUser(ctx, mentioned);
    if (!person) return { ok: false, message: 'That person is not in Stocktake’s directory, so they lead no actions here.' };
    return { ok: true, filter: { kind: 'lead', personId: person.id, name: person.name }, label: `led by ${person.name}`, words: person.name };
  }
  const workstreams = await ctx.deps.store.register.workstreams(programme.id);
  const workstream = workstreams.find((w) => matchesWorkstream({ workstream: w.name, workstreamRef: w.ref }, text));
  if (workstream) return { ok: true, filter: { kind: 'workstream', text }, label: `in ${workstream.name}`, words: text };
  const lead = createLeadResolver(await ctx.deps.store.people.directory())(text.replace(/^@/, ''));
  if (lead.person) return { ok: true, filter: { kind: 'lead', personId: lead.person.id, name: lead.person.name }, label: `led by ${lead.person.name}`, words: text };
  const refs = workstreams.map((w) => w.ref ?? w.name).join(', ');
  return {
    ok: false,
    message: `There is no workstream or lead called “${text}” in ${programme.name}. Try a workstream (${refs}), @someone, or “mine”.`,
  };
}

async function personForPlatformUser(ctx: ChatContext, userId: string) {
  const linked = await ctx.deps.store.people.findByPlatformUser(ctx.platform, userId);
  if (linked) return linked;
  const email = await ctx.directory.emailOf(userId);
  return email ? ctx.deps.store.people.findByEmail(email) : null;
}

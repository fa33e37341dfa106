import { createLeadResolver } from '../../domain/leads/resolve-lead.ts';
import type { Programme } from '../../domain/programme.ts';
import { matchesWorkstream, type ActionFilter } from '../../domain/report/filter-actions.ts';
import type { ChatContext } from '../context.ts';
import { mentionedUserId } from '../mentions.ts';

export type OverdueArgs = { ok: true; filter: ActionFilter; label: string | null } | { ok: false; message: string };

/** `/overdue [workstream | @lead | mine]`: what the words after the command narrow the list to. */
export async function parseOverdueArgs(ctx: ChatContext, programme: Programme, args: string): Promise<OverdueArgs> {
  const text = args.trim();
  if (!text) return { ok: true, filter: { kind: 'all' }, label: null };
  if (/^(mine|me|my actions)$/i.test(text)) {
    return { ok: true, filter: { kind: 'lead', personId: ctx.person.id, name: ctx.person.name }, label: `led by you` };
  }
  const mentioned = mentionedUserId(text);
  if (mentioned) {
    const person = await personForPlatformUser(ctx, mentioned);
    if (!person) return { ok: false, message: 'That person is not in Stocktake’s directory, so they lead no actions here.' };
    return { ok: true, filter: { kind: 'lead', personId: person.id, name: person.name }, label: `led by ${person.name}` };
  }
  const workstreams = await ctx.deps.store.register.workstreams(programme.id);
  const workstream = workstreams.find((w) => matchesWorkstream({ workstream: w.name, workstreamRef: w.ref }, text));
  if (workstream) return { ok: true, filter: { kind: 'workstream', text }, label: `in ${workstream.name}` };
  const lead = createLeadResolver(await ctx.deps.store.people.directory())(text.replace(/^@/, ''));
  if (lead.person) return { ok: true, filter: { kind: 'lead', personId: lead.person.id, name: lead.person.name }, label: `led by ${lead.person.name}` };
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

import type { ReportAction } from '../../domain/report/types.ts';
import type { AppDeps } from '../deps.ts';

export interface MyActions {
  /** Open actions the person leads, then those of people they cover, each with its programme. */
  actions: (ReportAction & { programmeId: string; programme: string; coveringFor: string | null })[];
}

/** What a lead sees when they message the bot, open its home, or press "Update". */
export async function myOpenActions(deps: AppDeps, personId: string): Promise<MyActions> {
  const grants = await deps.store.grants.grantsOf(personId);
  const covered = [...new Set(grants.filter((g) => g.role === 'delegate' && g.forPersonId).map((g) => g.forPersonId!))];
  const own = await deps.store.register.openActionsLedBy([personId]);
  const ownIds = new Set(own.map((a) => a.id));
  const actions: MyActions['actions'] = own.map((a) => ({ ...a, coveringFor: null }));
  for (const lead of covered) {
    const person = await deps.store.people.findById(lead);
    for (const a of await deps.store.register.openActionsLedBy([lead])) {
      if (!ownIds.has(a.id)) actions.push({ ...a, coveringFor: person?.name ?? null });
    }
  }
  return { actions };
}

import type { Actor } from '../../domain/roles/permissions.ts';
import type { AppDeps } from '../deps.ts';

/** A person's grants and the programmes they lead in: what every permission check needs. */
export async function loadActor(deps: AppDeps, personId: string): Promise<Actor> {
  const [grants, leadsInProgrammeIds] = await Promise.all([
    deps.store.grants.grantsOf(personId),
    deps.store.register.programmesLedBy(personId),
  ]);
  return { personId, grants, leadsInProgrammeIds };
}

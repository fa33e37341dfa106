import { createLeadResolver } from '../../domain/leads/resolve-lead.ts';
import { readPeopleGrid } from '../../domain/people/people-file.ts';
import type { Grid } from '../../domain/register/grid.ts';
import type { AppDeps } from '../deps.ts';
import { fail, ok, type Result } from '../result.ts';

export interface PeopleImportOutcome {
  created: number;
  updated: number;
  leadsResolved: number;
  stillUnresolved: number;
}

/** Loads the directory, then re-matches every register lead against it. All rows land, or none. */
export async function importPeople(deps: AppDeps, grid: Grid, actor: string): Promise<Result<PeopleImportOutcome>> {
  const { people, errors } = readPeopleGrid(grid);
  if (errors.length) return fail('invalid-input', `${grid.source} cannot be imported: nothing was written.`, errors);
  if (!people.length) return fail('invalid-input', `${grid.source} has no people in it.`);
  const counts = await deps.store.people.upsertMany(people);
  const resolve = createLeadResolver(await deps.store.people.directory());
  const leadsResolved = await deps.store.register.resolveLeads((name) => resolve(name).person?.id ?? null);
  await deps.store.audit.record({ actor, programmeId: null, verb: 'import', entity: 'people', details: { file: grid.source, ...counts } });
  const stillUnresolved = (await deps.store.register.unresolvedLeads()).length;
  return ok({ ...counts, leadsResolved, stillUnresolved });
}

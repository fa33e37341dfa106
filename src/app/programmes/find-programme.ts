import type { Programme } from '../../domain/programme.ts';
import type { AppDeps } from '../deps.ts';
import { fail, ok, type Result } from '../result.ts';

/** A named programme; with no name, the only one there is; otherwise the caller must say which. */
export async function findProgramme(deps: AppDeps, name?: string | null): Promise<Result<Programme>> {
  if (name) {
    const programme = await deps.store.programmes.findByName(name);
    if (programme) return ok(programme);
    const known = (await deps.store.programmes.list()).map((p) => p.name);
    return fail(
      'programme-not-found',
      known.length
        ? `There is no programme called "${name}". Programmes: ${known.join(', ')}.`
        : `There is no programme called "${name}", and no programmes yet: import a register first.`,
    );
  }
  const all = await deps.store.programmes.list();
  if (all.length === 1) return ok(all[0]!);
  if (all.length === 0) return fail('programme-not-found', 'There are no programmes yet: import a register first.');
  return fail('programme-ambiguous', `Say which programme: ${all.map((p) => p.name).join(', ')}.`);
}

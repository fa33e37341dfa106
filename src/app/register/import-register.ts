import { planImport, type ImportPlan } from '../../domain/import/import-plan.ts';
import type { Grid } from '../../domain/register/grid.ts';
import { interpretRegister, type Issue } from '../../domain/register/interpret.ts';
import type { Programme } from '../../domain/programme.ts';
import type { AppDeps } from '../deps.ts';
import { addProgramme } from '../programmes/programme-settings.ts';
import type { ImportCounts } from '../ports/store.ts';
import { fail, ok, type Result } from '../result.ts';

export interface ImportRequest {
  programme: string;
  grid: Grid;
  map?: Record<string, string>;
  dryRun?: boolean;
  actor: string;
  file: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportOutcome {
  programme: Programme;
  programmeCreated: boolean;
  dryRun: boolean;
  counts: ImportCounts;
  plan: ImportPlan;
  warnings: Issue[];
  totalActions: number;
  workstreams: number;
}

/** Imports or re-imports a register: all of it in one transaction, or nothing with the reasons why. */
export async function importRegister(deps: AppDeps, req: ImportRequest): Promise<Result<ImportOutcome>> {
  const reading = interpretRegister(req.grid, req.map ? { map: req.map } : {});
  if (reading.errors.length) {
    return fail('register-invalid', `${req.file} cannot be imported: nothing was written.`, reading.errors);
  }

  let programme = await deps.store.programmes.findByName(req.programme);
  const programmeCreated = !programme;
  if (!programme && !req.dryRun) {
    const created = await addProgramme(deps, req.programme, {}, req.actor);
    if (!created.ok) return created;
    programme = created.value;
  }

  const plan = planImport({
    rows: reading.rows,
    existing: programme ? await deps.store.register.existingActions(programme.id) : [],
    directory: await deps.store.people.directory(),
    ...(programme ? { statusWords: programme.statusWords } : {}),
    columns: { ...(reading.columns.status ? { status: reading.columns.status.header } : {}), ...(reading.columns.lead ? { lead: reading.columns.lead.header } : {}) },
  });
  const warnings = [...reading.warnings, ...plan.warnings];
  const counts: ImportCounts = {
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    removed: plan.removed.length,
  };
  const shown = programme ?? { id: '', name: req.programme, timezone: deps.defaultTimezone, nation: 'england-wales' as const, statusWords: {}, slackChannelId: null, teamsChannelId: null };

  if (req.dryRun || !programme) {
    return ok({ programme: shown, programmeCreated, dryRun: true, counts, plan, warnings, totalActions: reading.rows.length, workstreams: reading.workstreams.length });
  }
  const written = await deps.store.register.applyImport(
    programme.id,
    { ...plan, warnings },
    { file: req.file, sheet: req.grid.sheet ?? null, actor: req.actor, at: deps.clock.now() },
    req.onProgress,
  );
  const totals = await deps.store.register.countActions(programme.id);
  return ok({ programme, programmeCreated, dryRun: false, counts: written, plan, warnings, totalActions: totals.inRegister, workstreams: totals.workstreams });
}

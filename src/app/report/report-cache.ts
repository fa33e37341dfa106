import type { HighlightReport } from '../../domain/report/report-types.ts';
import type { AppDeps } from '../deps.ts';
import type { Store } from '../ports/store.ts';
import { ok, type Result } from '../result.ts';
import { compileReportFor, findReportTarget, type ReportRequest } from './compile-report.ts';

interface Compiled {
  version: string;
  report: Promise<HighlightReport>;
}

/** Boards × days kept; the oldest goes first. */
const MAX_KEPT = 50;

// One cache per store (per database connection): what one database says is never served for another.
const caches = new WeakMap<Store, Map<string, Compiled>>();

/**
 * `compileReport`, reusing a report compiled for the same programme, board and day while the store's
 * `reportVersion` is unchanged: twenty chairs' previews in a minute compile once, and an update recorded
 * anywhere (on any replica) changes the version, so the next preview shows it. Requests that arrive
 * while one is compiling share it.
 */
export async function compileReportCached(deps: AppDeps, req: ReportRequest): Promise<Result<HighlightReport>> {
  const target = await findReportTarget(deps, req);
  if (!target.ok) return target;
  const { programme, board, asOf } = target.value;
  // Read before compiling: a write landing in between makes the kept report newer than its version, never older.
  const version = await deps.store.register.reportVersion(programme.id);
  const slot = `${programme.id} ${board?.id ?? '-'} ${asOf}`;
  let cache = caches.get(deps.store);
  if (!cache) caches.set(deps.store, (cache = new Map()));
  const kept = cache.get(slot);
  if (kept?.version === version) return ok(await kept.report);

  const compiled: Compiled = { version, report: compileReportFor(deps, target.value) };
  cache.delete(slot);
  cache.set(slot, compiled);
  if (cache.size > MAX_KEPT) cache.delete(cache.keys().next().value!);
  // A failed compile is not kept: the next request tries again.
  compiled.report.catch(() => cache.get(slot) === compiled && cache.delete(slot));
  return ok(await compiled.report);
}

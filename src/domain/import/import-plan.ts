import type { Brag } from '../brag.ts';
import type { DueDate } from '../calendar-date.ts';
import type { Issue, RegisterRow } from '../register/interpret.ts';
import type { DirectoryPerson } from '../leads/resolve-lead.ts';
import { createLeadResolver } from '../leads/resolve-lead.ts';
import { splitLeads } from '../leads/split-leads.ts';
import { createStatusMapper, normaliseStatusWord } from '../status/status-words.ts';
import { normaliseName } from '../leads/normalise-name.ts';
import { actionMatchKey, workstreamKey } from './match-key.ts';

/** An action as stored, as far as a re-import needs to know it. */
export interface ExistingAction {
  id: string;
  ref: string;
  refGenerated: boolean;
  matchKey: string;
  workstreamKey: string;
  title: string;
  successCriteria: string | null;
  impactMeasures: string | null;
  start: DueDate | null;
  due: DueDate | null;
  links: string[];
  leadsText: string;
  importedStatusWord: string;
  inRegister: boolean;
}

export interface PlannedWorkstream {
  key: string;
  parentKey: string | null;
  ref: string | null;
  name: string;
  position: number;
}

export interface PlannedLead {
  name: string;
  personId: string | null;
}

export interface ActionFields {
  title: string;
  successCriteria: string | null;
  impactMeasures: string | null;
  start: DueDate | null;
  due: DueDate | null;
  milestones: DueDate[];
  links: string[];
  leadsText: string;
  leads: PlannedLead[];
  workstreamKey: string;
  matchKey: string;
  position: number;
  sourceRow: number;
}

export interface PlannedCreate extends ActionFields {
  ref: string;
  refGenerated: boolean;
  status: Brag;
  statusWord: string;
}

export interface PlannedUpdate {
  id: string;
  ref: string;
  fields: ActionFields;
  /** Names of the fields that differ, for `--dry-run` and the audit trail. */
  changed: string[];
  /** Set when the spreadsheet's status changed since the last import: recorded as an update from "import". */
  status: { brag: Brag; word: string } | null;
  /** Set when the due date moved: the original is kept and the revision counted. */
  dueRevised: boolean;
  restored: boolean;
}

export interface ImportPlan {
  workstreams: PlannedWorkstream[];
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  removed: { id: string; ref: string }[];
  warnings: Issue[];
  unresolvedLeads: string[];
}

export interface PlanInput {
  rows: readonly RegisterRow[];
  existing: readonly ExistingAction[];
  directory: readonly DirectoryPerson[];
  statusWords?: Record<string, Brag>;
  /** Column header texts, so warnings can name the column. */
  columns: { status?: string; lead?: string };
}

const sameDue = (a: DueDate | null, b: DueDate | null) =>
  a === b || (a !== null && b !== null && a.date === b.date && a.precision === b.precision);

function rowPath(row: RegisterRow): string[] {
  const path = row.workstream ? [row.workstream.name] : ['Unassigned'];
  if (row.objective) path.push(row.objective);
  return path;
}

/**
 * Decides what an import changes, without touching storage: rows are matched to stored actions by ref,
 * or by workstream and title for a register that has no refs; rows that vanished are flagged, never deleted.
 */
export function planImport(input: PlanInput): ImportPlan {
  const mapStatus = createStatusMapper(input.statusWords);
  const resolve = createLeadResolver(input.directory);
  const isPerson = (name: string) => resolve(name).person !== null;
  const warnings: Issue[] = [];
  // Keyed as names are matched (case, spacing, a trailing full stop ignored); the first spelling is shown.
  const unresolved = new Map<string, string>();

  const workstreams = new Map<string, PlannedWorkstream>();
  for (const row of input.rows) {
    const path = rowPath(row);
    for (let depth = 1; depth <= path.length; depth++) {
      const key = workstreamKey(path.slice(0, depth));
      if (workstreams.has(key)) continue;
      workstreams.set(key, {
        key,
        parentKey: depth > 1 ? workstreamKey(path.slice(0, depth - 1)) : null,
        ref: depth === 1 ? (row.workstream?.ref ?? null) : null,
        name: path[depth - 1]!,
        position: workstreams.size,
      });
    }
  }

  const byRef = new Map(input.existing.map((a) => [a.ref, a]));
  const byKey = new Map<string, ExistingAction[]>();
  for (const a of input.existing) byKey.set(a.matchKey, [...(byKey.get(a.matchKey) ?? []), a]);
  const matched = new Set<string>();
  const takenRefs = new Set(input.existing.map((a) => a.ref));

  const findExisting = (row: RegisterRow, key: string): ExistingAction | undefined => {
    if (row.ref) {
      const hit = byRef.get(row.ref);
      return hit && !matched.has(hit.id) ? hit : undefined;
    }
    return byKey.get(key)?.find((a) => !matched.has(a.id));
  };

  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  let unchanged = 0;

  input.rows.forEach((row, position) => {
    const path = rowPath(row);
    const matchKey = actionMatchKey(path, row.title);
    const leadsText = row.leadsText ?? '';
    const leads = splitLeads(leadsText, isPerson).map((name): PlannedLead => {
      const match = resolve(name);
      if (!match.person && !unresolved.has(normaliseName(name))) unresolved.set(normaliseName(name), name);
      return { name, personId: match.person?.id ?? null };
    });
    const status = mapStatus(row.statusWord);
    if (!status.known) {
      warnings.push({
        row: row.row,
        ...(input.columns.status ? { column: input.columns.status } : {}),
        message: `Status "${row.statusWord}" is not a word Stocktake knows: imported as grey (not started). Map it with: programme set … --status "${row.statusWord}=amber"`,
      });
    }
    const fields: ActionFields = {
      title: row.title,
      successCriteria: row.successCriteria || null,
      impactMeasures: row.impactMeasures || null,
      start: row.start,
      due: row.due,
      milestones: row.milestones,
      links: row.links,
      leadsText,
      leads,
      workstreamKey: workstreamKey(path),
      matchKey,
      position,
      sourceRow: row.row,
    };
    const existing = findExisting(row, matchKey);
    if (!existing) {
      const ref = row.ref ?? freeRef(row.generatedRef, takenRefs);
      takenRefs.add(ref);
      creates.push({ ...fields, ref, refGenerated: !row.ref, status: status.brag, statusWord: row.statusWord });
      return;
    }
    matched.add(existing.id);
    const changed = changedFields(existing, fields);
    // A change of case or spacing in the sheet is not a change of status.
    const statusChanged = normaliseStatusWord(existing.importedStatusWord) !== normaliseStatusWord(row.statusWord);
    const restored = !existing.inRegister;
    if (changed.length === 0 && !statusChanged && !restored) {
      unchanged++;
      return;
    }
    updates.push({
      id: existing.id,
      ref: existing.ref,
      fields,
      changed: statusChanged ? [...changed, 'status'] : changed,
      status: statusChanged ? { brag: status.brag, word: row.statusWord } : null,
      dueRevised: !sameDue(existing.due, fields.due) && existing.due !== null,
      restored,
    });
  });

  const removed = input.existing
    .filter((a) => a.inRegister && !matched.has(a.id))
    .map((a) => ({ id: a.id, ref: a.ref }));

  for (const name of unresolved.values()) {
    warnings.push({
      row: 0,
      ...(input.columns.lead ? { column: input.columns.lead } : {}),
      message: `Lead "${name}" matches nobody in the directory: add them with \`stocktake people import\`.`,
    });
  }

  return {
    workstreams: [...workstreams.values()],
    creates,
    updates,
    unchanged,
    removed,
    warnings,
    unresolvedLeads: [...unresolved.values()],
  };
}

function changedFields(existing: ExistingAction, fields: ActionFields): string[] {
  const changed: string[] = [];
  if (existing.title !== fields.title) changed.push('title');
  if ((existing.successCriteria ?? null) !== fields.successCriteria) changed.push('success criteria');
  if ((existing.impactMeasures ?? null) !== fields.impactMeasures) changed.push('impact measures');
  if (!sameDue(existing.start, fields.start)) changed.push('start');
  if (!sameDue(existing.due, fields.due)) changed.push('due');
  if (existing.links.join('|') !== fields.links.join('|')) changed.push('links');
  if (existing.leadsText !== fields.leadsText) changed.push('leads');
  if (existing.workstreamKey !== fields.workstreamKey) changed.push('workstream');
  return changed;
}

/** A register without refs gets refs made once; a row added later takes the next free number in its priority. */
function freeRef(generated: string, taken: ReadonlySet<string>): string {
  if (!taken.has(generated)) return generated;
  const prefix = generated.includes('.') ? generated.slice(0, generated.lastIndexOf('.') + 1) : `${generated}.`;
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

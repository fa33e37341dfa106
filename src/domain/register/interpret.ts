import type { DueDate } from '../calendar-date.ts';
import type { Cell, Grid } from './grid.ts';
import { cellText } from './grid.ts';
import type { ColumnRef, Columns, RegisterField } from './headers.ts';
import { checkFieldMap, findHeaderRow } from './headers.ts';
import { splitLinks } from './links.ts';
import { describeDueDate, parseRegisterDate, readDatesInCell } from './register-date.ts';
import { leadingRef, startsWithHeadingWord } from './workstream-ref.ts';

/** Something to tell the person importing: `row` is the spreadsheet's row number, `column` the header's text. */
export type Issue = { row: number; column?: string; message: string };

export type Workstream = { ref: string | null; name: string };

/** One action as the register gives it, before anyone matches leads or statuses against a programme. */
export type RegisterRow = {
  row: number;
  /** The ref the register gives, if any. */
  ref: string | null;
  /** `ref` when given; else made from the workstream's number and the action's place in it, e.g. `3.4`. */
  generatedRef: string;
  workstream: Workstream | null;
  objective: string | null;
  title: string;
  successCriteria: string | null;
  impactMeasures: string | null;
  leadsText: string | null;
  start: DueDate | null;
  due: DueDate | null;
  milestones: DueDate[];
  links: string[];
  /** The register's own status word, '' when blank (mapping it to BRAG is the status scheme's job). */
  statusWord: string;
  /** Free-text progress notes ("Progress and next steps"), when the register has such a column. */
  progress: string | null;
};

export type RegisterReading = {
  rows: RegisterRow[];
  warnings: Issue[];
  errors: Issue[];
  /** The header row's spreadsheet row number, or null when none was found. */
  headerRow: number | null;
  columns: Columns;
  /** Headers that name no field, so a dry run can say what it left out. */
  ignoredHeaders: string[];
  /** The workstreams that have actions, in the register's order. */
  workstreams: Workstream[];
};

export type InterpretOptions = { map?: Record<string, string> };

type Context = {
  columns: Columns;
  warnings: Issue[];
  rowNumber: number;
};

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function textOf(row: readonly Cell[], column: ColumnRef | undefined): string {
  return column ? cellText(row, column.index) : '';
}

function orNull(text: string): string | null {
  return text === '' ? null : text;
}

function warn(ctx: Context, field: RegisterField, message: string): void {
  ctx.warnings.push({ row: ctx.rowNumber, column: ctx.columns[field]?.header, message });
}

/** A spreadsheet date cell needs no reading; text does, and whatever is odd about it is said once. */
function readDue(row: readonly Cell[], ctx: Context): { due: DueDate | null; milestones: DueDate[] } {
  const column = ctx.columns.due;
  if (!column) return { due: null, milestones: [] };
  const cell = row[column.index];
  if (cell?.date) return { due: cell.date, milestones: [] };
  const read = parseRegisterDate(cell?.text ?? '');
  if (read.warning) warn(ctx, 'due', read.warning);
  return { due: read.due, milestones: read.milestones };
}

/** A start cell with several dates starts at the first of them. */
function readStart(row: readonly Cell[], ctx: Context): DueDate | null {
  const column = ctx.columns.start;
  if (!column) return null;
  const cell = row[column.index];
  if (cell?.date) return cell.date;
  const text = cell?.text.trim() ?? '';
  const read = readDatesInCell(text);
  const start = read.dates[0] ?? null;
  const notes = read.unread ? [...read.notes, read.unread] : [...read.notes];
  if (start && read.dates.length > 1) notes.push(`several dates in "${squash(text)}": the first, ${describeDueDate(start)}, is taken as the start`);
  if (notes.length > 0) warn(ctx, 'start', notes.join('; '));
  return start;
}

/** A month starts on its first day, so "due Apr 2024, started Apr 2024" is not back to front. */
function isBefore(due: DueDate, start: DueDate): boolean {
  const startFloor = start.precision === 'month' ? `${start.date.slice(0, 8)}01` : start.date;
  return due.date < startFloor;
}

/** The table's columns: from the header row's first named cell to its last. */
function tableSpan(header: readonly Cell[]): { first: number; last: number } {
  let first = -1;
  let last = -1;
  header.forEach((cell, index) => {
    if (cell.text.trim() === '') return;
    if (first < 0) first = index;
    last = index;
  });
  return { first, last };
}

/**
 * A section heading: a row whose only text is one title, either merged or repeated across the table,
 * or standing alone in the first column or a grouping column ("Priority 2 – …" above its actions);
 * alone in the action column it must say so ("Workstream C …"), as a bare action title is an action.
 */
function sectionHeading(row: readonly Cell[], filled: number[], span: { first: number; last: number }, columns: Columns): string | null {
  if (filled.length === 0) return null;
  const texts = new Set(filled.map((i) => squash(row[i]!.text)));
  if (texts.size !== 1) return null;
  const only = filled[0]!;
  if (row[only]!.date) return null;
  const text = [...texts][0]!;
  // Repeated across at least half the table: a merge as some tools export it (two "TBC" cells are not a heading).
  if (filled.length > 1) return filled.length * 2 >= span.last - span.first + 1 ? text : null;
  if ((row[only]!.span ?? 1) > 1) return text;
  // A lone action title is an action with nothing else filled in yet, unless it reads like a heading.
  if (only === columns.title?.index) return startsWithHeadingWord(text) ? text : null;
  const grouping = [span.first, columns.workstream?.index, columns.objective?.index, columns.ref?.index];
  return grouping.includes(only) ? text : null;
}

function isRepeatedHeader(row: readonly Cell[], header: readonly Cell[]): boolean {
  return header.every((cell, i) => squash(cell.text).toLowerCase() === squash(row[i]?.text ?? '').toLowerCase());
}

/**
 * Reads a register laid out as councils keep them (DESIGN, "A register as councils keep it"):
 * a header row that need not be first, section headings, grouping cells carried down, titles taken
 * from the goal when blank. It reports rather than guesses: odd cells become warnings, and anything
 * that would import the wrong thing (no title column, a ref used twice, no actions) an error.
 */
export function interpretRegister(grid: Grid, options: InterpretOptions = {}): RegisterReading {
  const reading: RegisterReading = { rows: [], warnings: [], errors: [], headerRow: null, columns: {}, ignoredHeaders: [], workstreams: [] };

  const checked = checkFieldMap(options.map);
  if (!checked.ok) {
    reading.errors.push({ row: 1, message: checked.message });
    return reading;
  }
  const match = findHeaderRow(grid.rows, checked.map);
  if (!match.ok) {
    reading.errors.push({ row: (match.headerIndex ?? 0) + 1, message: match.message });
    return reading;
  }
  const { columns } = match;
  reading.headerRow = match.headerIndex + 1;
  reading.columns = columns;
  reading.ignoredHeaders = match.ignored.map((c) => c.header);

  const header = grid.rows[match.headerIndex] ?? [];
  const span = tableSpan(header);
  let workstream: Workstream | null = null;
  let objective: string | null = null;
  const drafts: (Omit<RegisterRow, 'generatedRef'> & { position: number })[] = [];
  const positions = new Map<Workstream | null, number>();
  // One object per workstream name, so a workstream that comes back lower down continues its numbering.
  const known = new Map<string, Workstream>();
  const workstreamNamed = (name: string): Workstream => {
    const key = name.toLowerCase();
    const existing = known.get(key);
    if (existing) return existing;
    const made = { ref: leadingRef(name), name };
    known.set(key, made);
    return made;
  };

  for (let r = match.headerIndex + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const ctx: Context = { columns, warnings: reading.warnings, rowNumber: r + 1 };
    const filled: number[] = [];
    for (let i = span.first; i <= span.last; i++) if (cellText(row, i) !== '') filled.push(i);
    if (filled.length === 0 || isRepeatedHeader(row, header)) continue;

    const heading = sectionHeading(row, filled, span, columns);
    if (heading !== null) {
      const ref = leadingRef(heading);
      // "1.2 …" under workstream "1" is an objective heading, not a new workstream.
      if (workstream?.ref && ref?.startsWith(`${workstream.ref}.`)) {
        objective = heading;
      } else {
        workstream = workstreamNamed(heading);
        objective = null;
      }
      continue;
    }

    const workstreamText = squash(textOf(row, columns.workstream));
    if (workstreamText !== '' && workstreamText !== workstream?.name) {
      workstream = workstreamNamed(workstreamText);
      objective = null;
    }
    const objectiveText = textOf(row, columns.objective);
    if (objectiveText !== '') objective = objectiveText;

    const title = textOf(row, columns.title) || objective || '';
    if (title === '') {
      warn(ctx, 'title', 'no action title, and no goal or objective to take one from: row skipped');
      continue;
    }

    const { due, milestones } = readDue(row, ctx);
    const start = readStart(row, ctx);
    if (start && due && isBefore(due, start)) {
      warn(ctx, 'due', `due ${describeDueDate(due)} is before the start, ${describeDueDate(start)}`);
    }

    const position = (positions.get(workstream) ?? 0) + 1;
    positions.set(workstream, position);
    if (workstream && !reading.workstreams.includes(workstream)) reading.workstreams.push(workstream);

    drafts.push({
      row: r + 1,
      ref: orNull(textOf(row, columns.ref).replace(/\.$/, '')),
      workstream,
      objective,
      title,
      successCriteria: orNull(textOf(row, columns.successCriteria)),
      impactMeasures: orNull(textOf(row, columns.impactMeasures)),
      leadsText: orNull(textOf(row, columns.lead)),
      start,
      due,
      milestones,
      links: splitLinks(textOf(row, columns.links)),
      statusWord: textOf(row, columns.status),
      progress: orNull(textOf(row, columns.progress)),
      position,
    });
  }

  if (drafts.length === 0) {
    reading.errors.push({ row: reading.headerRow, message: `no actions found below the header row (row ${reading.headerRow})` });
    return reading;
  }

  checkDuplicateRefs(drafts, columns, reading.errors);
  reading.rows = withGeneratedRefs(drafts, reading.workstreams, reading.warnings);
  return reading;
}

function checkDuplicateRefs(drafts: readonly { row: number; ref: string | null }[], columns: Columns, errors: Issue[]): void {
  const firstRow = new Map<string, number>();
  for (const d of drafts) {
    if (d.ref === null) continue;
    const key = d.ref.toLowerCase();
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, d.row);
    else errors.push({ row: d.row, column: columns.ref?.header, message: `ref "${d.ref}" is given to rows ${first} and ${d.row}; each action needs its own ref` });
  }
}

/**
 * Refs for rows the register left without one: workstream number (or letter, or its place in the
 * register) and the action's place within it. Made once at first import; re-import matches by them.
 */
function withGeneratedRefs(
  drafts: readonly (Omit<RegisterRow, 'generatedRef'> & { position: number })[],
  workstreams: readonly Workstream[],
  warnings: Issue[],
): RegisterRow[] {
  const taken = new Set(drafts.flatMap((d) => (d.ref ? [d.ref.toLowerCase()] : [])));
  const prefixes = new Map<Workstream, string>();
  workstreams.forEach((w, i) => prefixes.set(w, w.ref ?? String(i + 1)));
  return drafts.map(({ position, ...d }) => {
    if (d.ref !== null) return { ...d, generatedRef: d.ref };
    const prefix = d.workstream ? prefixes.get(d.workstream) : undefined;
    const made = prefix ? `${prefix}.${position}` : String(position);
    let generatedRef = made;
    for (let n = 2; taken.has(generatedRef.toLowerCase()); n++) generatedRef = `${made}-${n}`;
    if (generatedRef !== made) warnings.push({ row: d.row, message: `the ref made for this row, ${made}, is already used; it is ${generatedRef} instead` });
    taken.add(generatedRef.toLowerCase());
    return { ...d, generatedRef };
  });
}

import type { Cell } from './grid.ts';

/** The columns a register can have, by meaning rather than by the words a council chose. */
export const REGISTER_FIELDS = [
  'ref',
  'workstream',
  'objective',
  'title',
  'successCriteria',
  'impactMeasures',
  'lead',
  'start',
  'due',
  'links',
  'status',
  'progress',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** Where a field was found: `index` is 0-based within the row; `header` is the header's own text. */
export type ColumnRef = { index: number; header: string };
export type Columns = Partial<Record<RegisterField, ColumnRef>>;

export type HeaderMatch =
  | { ok: true; headerIndex: number; columns: Columns; ignored: ColumnRef[] }
  | { ok: false; headerIndex: number | null; message: string };

/**
 * Words and phrases that name each field. A phrase counts when it is the whole header, or ends it
 * ("Strategic Lead"), or starts it ("Status (RAGP)"), or sits inside it ("SEF/DBV/AFI (no)"), in that
 * order of strength; `bonus` lifts a phrase that only ever means one thing wherever it sits (Hull's
 * "What is needed to make this happen and what we will do…" is the action because of "what we will do").
 */
type Phrase = { words: string; bonus?: number };
const p = (words: string, bonus = 0): Phrase => ({ words, bonus });

const VOCABULARY: Record<RegisterField, Phrase[]> = {
  ref: [p('ref'), p('ref no'), p('reference'), p('action ref'), p('action no'), p('action number'), p('no'), p('number'), p('id'), p('#'), p('item'), p('item no')],
  workstream: [p('priority'), p('priorities'), p('priority area'), p('area'), p('workstream'), p('work stream'), p('theme'), p('strand'), p('programme area')],
  objective: [
    p('goal'), p('goals'), p('objective'), p('objectives'), p('aim'), p('aims'), p('outcome area'),
    p('strategic objective'), p('what do we want to achieve', 300), p('what we want to achieve', 300),
  ],
  title: [
    p('action'), p('actions'), p('action description'), p('key actions'), p('task'), p('tasks'), p('activity'),
    p('activities'), p('deliverable'), p('deliverables'), p('description'),
    p('what we will do', 300), p('what will we do', 300), p('how will we do it', 300),
  ],
  successCriteria: [
    p('success criteria'), p('success measure'), p('success measures'), p('outcomes'), p('outcome'),
    p('intended outcomes', 300), p('expected outcomes'), p('desired outcome'), p('what will success look like', 300),
  ],
  impactMeasures: [
    p('impact measures', 300), p('impact measure', 300), p('measures'), p('measure'), p('measures of impact', 300),
    p('kpi'), p('kpis'), p('key performance indicators'), p('evidence'), p('evidence of impact', 300),
    p('how will we measure', 300), p('how we will measure', 300),
  ],
  lead: [
    p('lead'), p('leads'), p('strategic lead'), p('lead officer'), p('owner'), p('action owner'), p('responsible'),
    p('lead responsible'), p('responsible officer'), p('accountable officer'), p('who'),
  ],
  start: [p('start'), p('start date'), p('date started'), p('from')],
  due: [
    p('due'), p('due date'), p('date due'), p('deadline'), p('target date'), p('target completion date'),
    p('completion date'), p('end date'), p('timescale'), p('timescales'), p('timeframe'), p('by when', 300),
    p('when'), p('date'),
  ],
  links: [
    p('links'), p('link'), p('linked plans'), p('linked to'), p('area of weakness'), p('areas of weakness'),
    p('afi', 300), p('sef', 300), p('dbv', 300), p('wsoa ref'), p('cross reference'),
  ],
  status: [
    p('status'), p('rag', 300), p('brag', 300), p('ragp', 300), p('rag status', 300), p('rag rating', 300),
    p('progress rating', 300), p('rating'),
  ],
  progress: [p('progress'), p('progress update'), p('progress and next steps'), p('update'), p('updates'), p('commentary'), p('comments'), p('notes')],
};

/** Header text as words: lower case, punctuation as spaces, so "Staff/Lead responsible" ends in "lead responsible". */
export function headerWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}

/** How strongly a header names a field; 0 when it does not. */
export function fieldScore(header: string, field: RegisterField): number {
  const words = headerWords(header);
  if (words === '') return 0;
  let best = 0;
  for (const phrase of VOCABULARY[field]) {
    let place = 0;
    if (words === phrase.words) place = 400;
    else if (words.endsWith(` ${phrase.words}`)) place = 300;
    else if (words.startsWith(`${phrase.words} `)) place = 200;
    else if (` ${words} `.includes(` ${phrase.words} `)) place = 100;
    if (place === 0) continue;
    // Longer phrases are more specific: "lead officer" over "lead".
    const score = place + (phrase.bonus ?? 0) + phrase.words.split(' ').length;
    best = Math.max(best, score);
  }
  return best;
}

/** `--map` headers are matched ignoring case and white space. */
function sameHeader(a: string, b: string): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  return squash(a) === squash(b);
}

type RowReading = { columns: Columns; ignored: ColumnRef[]; missingMaps: string[] };

/** Assigns fields to the header cells of one row: `--map` first, then the strongest matches, each column used once. */
function readHeaderRow(row: readonly Cell[], map: Partial<Record<RegisterField, string>>): RowReading {
  const headers: ColumnRef[] = row
    .map((cell, index) => ({ index, header: cell.text.replace(/\s+/g, ' ').trim() }))
    .filter((h) => h.header !== '');
  const columns: Columns = {};
  const used = new Set<number>();
  const missingMaps: string[] = [];

  for (const field of REGISTER_FIELDS) {
    const wanted = map[field];
    if (wanted === undefined) continue;
    const hit = headers.find((h) => !used.has(h.index) && sameHeader(h.header, wanted));
    if (!hit) {
      missingMaps.push(field);
      continue;
    }
    columns[field] = hit;
    used.add(hit.index);
  }

  const candidates: { field: RegisterField; ref: ColumnRef; score: number }[] = [];
  for (const h of headers) {
    for (const field of REGISTER_FIELDS) {
      if (map[field] !== undefined) continue;
      const score = fieldScore(h.header, field);
      if (score > 0) candidates.push({ field, ref: h, score });
    }
  }
  // Strongest first; on a tie the leftmost column wins, as people read a sheet left to right.
  candidates.sort((a, b) => b.score - a.score || a.ref.index - b.ref.index);
  for (const c of candidates) {
    if (columns[c.field] || used.has(c.ref.index)) continue;
    columns[c.field] = c.ref;
    used.add(c.ref.index);
  }
  return { columns, ignored: headers.filter((h) => !used.has(h.index)), missingMaps };
}

export type FieldMap = Partial<Record<RegisterField, string>>;

/** Checks `--map` field names, so a typo ("titel=Action") is named rather than silently ignored. */
export function checkFieldMap(map: Record<string, string> | undefined): { ok: true; map: FieldMap } | { ok: false; message: string } {
  const checked: FieldMap = {};
  for (const [name, header] of Object.entries(map ?? {})) {
    const field = REGISTER_FIELDS.find((f) => f.toLowerCase() === name.trim().toLowerCase());
    if (!field) {
      return { ok: false, message: `--map ${name}=${header}: "${name}" is not a register field; the fields are ${REGISTER_FIELDS.join(', ')}` };
    }
    checked[field] = header;
  }
  return { ok: true, map: checked };
}

/** How many rows from the top may hold the header row: titles, dates and notes often sit above it. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Finds the header row: among the first rows, the one that names the most fields and names the
 * action title (a register without actions is not a register). Returns the row's 0-based index.
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[], map: FieldMap = {}): HeaderMatch {
  let best: { index: number; reading: RowReading; count: number } | null = null;
  let bestAny: { index: number; reading: RowReading; count: number } | null = null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const reading = readHeaderRow(rows[index] ?? [], map);
    const count = Object.keys(reading.columns).length;
    if (count === 0) continue;
    if (!bestAny || count > bestAny.count) bestAny = { index, reading, count };
    if (reading.missingMaps.length > 0 || !reading.columns.title) continue;
    if (!best || count > best.count) best = { index, reading, count };
  }
  if (best) return { ok: true, headerIndex: best.index, columns: best.reading.columns, ignored: best.reading.ignored };

  const around = bestAny ?? null;
  const found = around ? headerList(rows[around.index] ?? []) : 'none';
  const missingMap = around?.reading.missingMaps[0];
  if (around && missingMap) {
    return {
      ok: false,
      headerIndex: around.index,
      message: `--map ${missingMap}=${map[missingMap as RegisterField]}: there is no column headed "${map[missingMap as RegisterField]}"; the headers found (row ${around.index + 1}) are: ${found}`,
    };
  }
  return {
    ok: false,
    headerIndex: around?.index ?? null,
    message: around
      ? `no column for the action title (e.g. "Action", "Task", "What we will do"); the headers found (row ${around.index + 1}) are: ${found}. Name it with --map title=HEADER`
      : `no header row found in the first ${HEADER_SEARCH_ROWS} rows: expected columns such as "Action", "Lead", "Due Date", "Status"`,
  };
}

function headerList(row: readonly Cell[]): string {
  const texts = row.map((c) => c.text.replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
  return texts.length > 0 ? texts.map((t) => `"${t}"`).join(', ') : 'none';
}

import { BRAG, BRAG_LABEL, type Brag } from '../brag.ts';

/**
 * The default status words (DESIGN, "Status words"), keyed by their normalised form.
 * Single letters are kept because registers often hold just "G", "A" or "R".
 */
const DEFAULT_WORDS: Record<Brag, readonly string[]> = {
  blue: ['complete', 'completed', 'done', 'closed', 'achieved', 'Completed Embedded Sustained', 'purple', 'blue'],
  green: ['on track', 'On track no concerns', 'green', 'G'],
  amber: ['some concerns', 'On track some concerns', 'at risk', 'slipping', 'amber', 'A'],
  red: ['off track', 'significant concerns', 'delayed', 'behind', 'red', 'R'],
  // An empty cell is grey too (see mapStatusWord); "blank" is here for registers that write the word.
  grey: ['not started', 'not due yet', 'grey', 'blank'],
};

export const DEFAULT_STATUS_WORDS: ReadonlyMap<string, Brag> = new Map(
  BRAG.flatMap((brag) => DEFAULT_WORDS[brag].map((word) => [normaliseStatusWord(word), brag] as const)),
);

/**
 * How status words are compared: case, runs of whitespace, hyphens/underscores used as spaces
 * ("Off-track") and trailing punctuation ("Complete.") are all ignored.
 */
export function normaliseStatusWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[-_]+/g, ' ')
    .replace(/[\s.,;:!?]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export type StatusMapper = (word: string) => { brag: Brag; known: boolean };

/**
 * Builds a mapper for one programme's words, normalising them once: an import maps every row
 * through the same mapper. The programme's own words win over the defaults.
 */
export function createStatusMapper(custom?: Record<string, Brag>): StatusMapper {
  const own = new Map<string, Brag>();
  for (const [word, brag] of Object.entries(custom ?? {})) {
    // Settings come from stored JSON: ignore a colour that is not one of ours rather than trust it.
    if ((BRAG as readonly string[]).includes(brag)) own.set(normaliseStatusWord(word), brag);
  }
  return (word) => {
    const key = normaliseStatusWord(word);
    const mine = own.get(key);
    if (mine) return { brag: mine, known: true };
    if (key === '') return { brag: 'grey', known: true };
    const brag = DEFAULT_STATUS_WORDS.get(key);
    return brag ? { brag, known: true } : { brag: 'grey', known: false };
  };
}

/**
 * Maps a register's status word onto BRAG. A blank cell is grey and known; an unknown word is
 * grey and `known: false`, so the import can warn about it by name.
 */
export function mapStatusWord(word: string, custom?: Record<string, Brag>): { brag: Brag; known: boolean } {
  return createStatusMapper(custom)(word);
}

export type StatusParse<T> = { ok: true; value: T } | { ok: false; error: string };

const COLOUR_ALIASES: Record<string, Brag> = { gray: 'grey' };

const BRAG_CHOICES = BRAG.map((b) => `${b} (${BRAG_LABEL[b]})`).join(', ');

/**
 * Reads a status a person typed: a colour ("amber"), a label ("Some concerns") or any default
 * status word ("done"). Unlike `mapStatusWord`, blank or unknown text is an error, not grey:
 * a person choosing a status should be told rather than silently recorded as grey.
 */
export function parseBrag(text: string): StatusParse<Brag> {
  const key = normaliseStatusWord(text);
  if (key === '') return { ok: false, error: `Please give a status: ${BRAG_CHOICES}.` };
  for (const brag of BRAG) {
    if (key === brag || key === normaliseStatusWord(BRAG_LABEL[brag])) return { ok: true, value: brag };
  }
  const alias = COLOUR_ALIASES[key] ?? DEFAULT_STATUS_WORDS.get(key);
  if (alias) return { ok: true, value: alias };
  return { ok: false, error: `"${text.trim()}" is not a status I know. Use one of: ${BRAG_CHOICES}.` };
}

/**
 * Reads the CLI's `--status "Word=colour"`. The last `=` separates the two, so a word may itself
 * contain one. The word is kept as written (trimmed) so the programme's settings read naturally.
 */
export function parseStatusMapping(text: string): StatusParse<{ word: string; brag: Brag }> {
  const at = text.lastIndexOf('=');
  if (at < 0) {
    return { ok: false, error: `"${text}" should be Word=colour, e.g. "Slipping badly=red".` };
  }
  const word = text.slice(0, at).trim().replace(/\s+/g, ' ');
  const colour = text.slice(at + 1);
  if (normaliseStatusWord(word) === '') {
    return { ok: false, error: `"${text}" has no status word before "=". Write it as Word=colour, e.g. "Slipping badly=red".` };
  }
  const brag = parseBrag(colour);
  if (!brag.ok) return { ok: false, error: `In "${text}": ${brag.error}` };
  return { ok: true, value: { word, brag: brag.value } };
}

/**
 * Order for direction of travel, worst to best: red, amber, grey, green, blue.
 * Grey ("not started / not due yet") carries no concern but no progress either, so it sits
 * between amber and green: an action starting on track (grey → green) has improved, and one that
 * turns amber from not started (grey → amber) has got worse.
 */
const RANK: Record<Brag, number> = { red: 0, amber: 1, grey: 2, green: 3, blue: 4 };

export function bragRank(brag: Brag): number {
  return RANK[brag];
}

export type Direction = 'up' | 'down' | 'same' | 'new';

/** Direction of travel since the previous report; `null` (no previous status) is "new". */
export function compareBrag(previous: Brag | null, current: Brag): Direction {
  if (previous === null) return 'new';
  const diff = RANK[current] - RANK[previous];
  return diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
}

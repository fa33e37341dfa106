import { truncate } from '../../../src/chat/render/truncate.ts';
import { spans, statusLabel, type RichText, type Span } from '../../../src/chat/message.ts';
import { safeUrl, sanitisePlainText } from '../../../src/chat/render/escape.ts';
import type { Brag } from '../../../src/domain/brag.ts';

/**
 * Slack mrkdwn for user text. Slack has no backslash escape: `&`, `<` and `>` become entities
 * (so `<!channel>`, `<@U123>` and `<http://x|click>` show literally and notify or link nothing),
 * and each formatting character (`*`, `_`, `~`, `` ` ``) is fenced by zero-width spaces, which
 * leaves it unable to open or close emphasis whether or not Slack counts them as word breaks.
 * A `>` that opens a line (a quote) and `@channel`, `@here`, `@everyone` are disarmed the same way.
 */

/** The colour marker shown before a status's words; the words always follow it. */
export const BRAG_EMOJI: Record<Brag, string> = {
  blue: ':large_blue_circle:',
  green: ':large_green_circle:',
  amber: ':large_orange_circle:',
  red: ':red_circle:',
  grey: ':white_circle:',
};

const ZWSP = '\u200B';
const WORD_JOINER = '\u2060';

// Most words need nothing: one test spares them five replacements (rendering long lists is the bot's hottest path).
const NEEDS_ESCAPE = /[&<>*_~`@]/;
const fence = (c: string) => `${ZWSP}${c}${ZWSP}`;

function escapeWord(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, fence)
    .replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/** Escapes a whole string of user text for a mrkdwn field (e.g. a message's fallback `text`). */
export function escapeMrkdwn(text: string): string {
  return escapeWord(sanitisePlainText(text)).replace(/(^|\n)&gt;/g, `$1${ZWSP}&gt;`);
}

/** Plain text for a `plain_text` object: no control characters, one line, spaces collapsed. */
export function plainLine(text: string): string {
  return sanitisePlainText(text).replace(/\s+/g, ' ').trim();
}


// ── Tokens ─────────────────────────────────────────────────────────────────
// RichText becomes a list of tokens, each already escaped. Text may be split between tokens
// (never inside one), so a long text can be cut into pieces that each fit a limit and each
// stay valid mrkdwn: emphasis is closed and reopened, entities and links are never cut.

const BOLD = 1;
const ITALIC = 2;

export interface Token {
  kind: 'word' | 'space' | 'nl' | 'atom';
  /** Escaped mrkdwn. */
  text: string;
  /** Emphasis: BOLD | ITALIC bits. */
  style: number;
}

/** A word longer than this (escaped) is cut into pieces, so no token comes near a limit. */
const MAX_TOKEN = 400;

/** A link whose markup is longer than this is written as words instead. */
const MAX_LINK = 1500;

export function tokens(text: RichText, extraStyle = 0): Token[] {
  return spans(text).flatMap((span) => spanTokens(span, extraStyle));
}

export function textTokens(raw: string, style = 0): Token[] {
  const out: Token[] = [];
  const clean = sanitisePlainText(raw);
  for (const m of clean.matchAll(/\n|[^\S\n]+|\S+/g)) {
    const piece = m[0];
    if (piece === '\n') out.push({ kind: 'nl', text: '\n', style: 0 });
    else if (/^\s+$/.test(piece)) out.push({ kind: 'space', text: piece, style });
    else out.push(...wordTokens(piece, style));
  }
  return out;
}

function wordTokens(word: string, style: number): Token[] {
  const guard = (s: string): string => (s.startsWith('&gt;') ? `${ZWSP}${s}` : s);
  const whole = escapeWord(word);
  if (whole.length <= MAX_TOKEN) return [{ kind: 'word', text: guard(whole), style }];
  const out: Token[] = [];
  let raw = '';
  let size = 0;
  for (const ch of word) {
    // Measured a character at a time (`@channel` may add a character more: MAX_TOKEN is not a hard limit).
    const grows = escapeWord(ch).length;
    if (size + grows > MAX_TOKEN) {
      out.push({ kind: 'word', text: escapeWord(raw), style });
      raw = '';
      size = 0;
    }
    raw += ch;
    size += grows;
  }
  if (raw !== '') out.push({ kind: 'word', text: escapeWord(raw), style });
  out[0] = { ...out[0]!, text: guard(out[0]!.text) };
  return out;
}

function spanTokens(span: Span, extraStyle: number): Token[] {
  switch (span.kind) {
    case 'text':
      return textTokens(span.text, (span.bold ? BOLD : 0) | (span.italic ? ITALIC : 0) | extraStyle);
    case 'status':
      return statusTokens(span.status, span.label, extraStyle);
    case 'link': {
      const url = safeUrl(span.url);
      const words = plainLine(span.text);
      if (url !== null) {
        const target = url.replace(/&/g, '&amp;');
        const markup = words === '' ? `<${target}>` : `<${target}|${escapeWord(words)}>`;
        if (markup.length <= MAX_LINK) return [{ kind: 'atom', text: markup, style: 0 }];
      }
      // Not a web or mail address (or far too long to link): the words, and the address as text.
      const shown = words === '' ? span.url : words === span.url.trim() ? words : `${words} (${span.url.trim()})`;
      return textTokens(shown, extraStyle);
    }
  }
}

export function statusTokens(status: Brag, label: string | undefined, style = 0): Token[] {
  return [
    { kind: 'atom', text: BRAG_EMOJI[status], style: 0 },
    { kind: 'space', text: ' ', style: 0 },
    ...textTokens(plainLine(statusLabel(status, label)), style),
  ];
}

export const nl = (): Token => ({ kind: 'nl', text: '\n', style: 0 });
export const space = (): Token => ({ kind: 'space', text: ' ', style: 0 });

// ── Emitting and cutting ───────────────────────────────────────────────────

function markers(style: number): [string, string] {
  if (style === (BOLD | ITALIC)) return ['*_', '_*'];
  return style === BOLD ? ['*', '*'] : ['_', '_'];
}

/** Writes tokens as mrkdwn: runs of one emphasis are wrapped once, their edge spaces kept outside. */
export function emit(toks: readonly Token[]): string {
  const list = trim(toks);
  let out = '';
  let i = 0;
  while (i < list.length) {
    const t = list[i]!;
    if (t.style === 0 || t.kind === 'nl') {
      out += t.text;
      i += 1;
      continue;
    }
    let j = i;
    while (j < list.length && list[j]!.kind !== 'nl' && list[j]!.style === t.style) j += 1;
    const run = list.slice(i, j).map((x) => x.text).join('');
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(run)!;
    const [open, close] = markers(t.style);
    out += m[1]! + (m[2] === '' ? '' : `${open}${m[2]}${close}`) + m[3]!;
    i = j;
  }
  return out;
}

function trim(toks: readonly Token[]): readonly Token[] {
  let a = 0;
  let b = toks.length;
  while (a < b && (toks[a]!.kind === 'space' || toks[a]!.kind === 'nl')) a += 1;
  while (b > a && (toks[b - 1]!.kind === 'space' || toks[b - 1]!.kind === 'nl')) b -= 1;
  return a === 0 && b === toks.length ? toks : toks.slice(a, b);
}

/** What a token adds to emitted text: itself, and the emphasis markers if it opens a run. */
function cost(t: Token, prev: Token | undefined): number {
  const opens = t.style !== 0 && t.kind !== 'nl' && (prev === undefined || prev.kind === 'nl' || prev.style !== t.style);
  return t.text.length + (opens ? 4 : 0);
}

function totalCost(toks: readonly Token[]): number {
  let sum = 0;
  for (let i = 0; i < toks.length; i++) sum += cost(toks[i]!, toks[i - 1]);
  return sum;
}

/**
 * Cuts tokens into pieces whose mrkdwn is at most `limit` characters, preferring to cut at a
 * line break, then at a space, in the second half of a piece. Every token lands in exactly one
 * piece, in order; pieces with nothing but spaces are dropped.
 */
export function cut(toks: readonly Token[], limit: number): Token[][] {
  const pieces: Token[][] = [];
  let cur: Token[] = [];
  let used = 0;
  const prefix: number[] = []; // prefix[k]: cost of cur[0..k]
  for (const t of toks) {
    if (cur.length === 0 && (t.kind === 'space' || t.kind === 'nl')) continue;
    while (cur.length > 0 && used + cost(t, cur[cur.length - 1]) > limit) {
      const at = breakPoint(cur, prefix, limit);
      pieces.push(cur.slice(0, at));
      cur = cur.slice(at);
      while (cur.length > 0 && (cur[0]!.kind === 'space' || cur[0]!.kind === 'nl')) cur.shift();
      prefix.length = 0;
      used = 0;
      for (let i = 0; i < cur.length; i++) {
        used += cost(cur[i]!, cur[i - 1]);
        prefix.push(used);
      }
    }
    if (cur.length === 0 && (t.kind === 'space' || t.kind === 'nl')) continue;
    used += cost(t, cur[cur.length - 1]);
    cur.push(t);
    prefix.push(used);
  }
  if (cur.length > 0) pieces.push(cur);
  return pieces.filter((p) => emit(p) !== '');
}

function breakPoint(cur: readonly Token[], prefix: readonly number[], limit: number): number {
  for (const kind of ['nl', 'space'] as const) {
    for (let k = cur.length - 1; k > 0; k--) {
      if (prefix[k - 1]! < limit / 2) break;
      if (cur[k]!.kind === kind) return k;
    }
  }
  return cur.length;
}

/** Rich text as mrkdwn pieces, each at most `limit` characters. */
export function mrkdwnPieces(text: RichText | readonly Token[], limit: number): string[] {
  const toks = isTokens(text) ? text : tokens(text);
  return cut(toks, limit).map(emit);
}

/** Rich text as one mrkdwn string of at most `limit` characters, ending in "…" when cut short. */
export function mrkdwnFit(text: RichText | readonly Token[], limit: number): string {
  const toks = isTokens(text) ? text : tokens(text);
  if (totalCost(toks) <= limit) return emit(toks);
  const first = cut(toks, limit - 1)[0];
  return first === undefined ? '' : `${emit(first)}…`;
}

function isTokens(x: RichText | readonly Token[]): x is readonly Token[] {
  return typeof x !== 'string' && x.length > 0 && 'style' in x[0]!;
}

export { truncate };

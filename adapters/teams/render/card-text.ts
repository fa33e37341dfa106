import { truncate } from '../../../src/chat/render/truncate.ts';
import { spans, statusLabel, type RichText } from '../../../src/chat/message.ts';
import { safeUrl, sanitisePlainText } from '../../../src/chat/render/escape.ts';
import type { Brag } from '../../../src/domain/brag.ts';
import type { TextColor, TextRun } from './adaptive-card-types.ts';

/**
 * Text in Adaptive Cards, and how user text is kept from becoming markup.
 *
 * Two kinds of text field reach Teams:
 *  - `TextRun.text` (inside a RichTextBlock), input labels, placeholders, choice and button
 *    titles are plain text in the schema: no Markdown, no HTML. All user text in the body (notes,
 *    titles, names, table cells) goes into TextRuns, so nothing a person typed is parsed at all.
 *    Escaping these would be wrong: a backslash would be shown as a backslash.
 *  - `TextBlock.text` is Markdown (bold, italic, lists, links). The renderer writes TextBlocks
 *    only for headings (so screen readers announce them) and form errors, and escapes them with
 *    `escapeCardMarkdown`: CommonMark backslash escapes, which Teams' clients remove.
 *
 * HTML entities are never used: several Teams clients show `&lt;` literally. A raw `<` is safe in
 * a TextRun (taken literally) and escaped as `\<` in a TextBlock (CommonMark then reads no tag).
 *
 * Both kinds pass through the card renderer's `{{DATE(…)}}`/`{{TIME(…)}}` formatter, which would
 * rewrite a date a person typed in that form; a zero-width space between the braces stops it. The
 * same space parts `$` from `{`, so a card ever expanded by Adaptive Card templating (`${…}`)
 * cannot read its data into what a person typed.
 */

const ZWSP = '\u200B';

/** Text for a plain field: control characters and bidirectional overrides removed, `{{` and `${` disarmed. Line breaks are kept. */
export function cardText(text: string): string {
  return sanitisePlainText(text).replace(/\{\{/g, `{${ZWSP}{`).replace(/\$\{/g, `$${ZWSP}{`);
}

/** Plain text on one line (labels, titles): spaces collapsed, trimmed. */
export function cardLine(text: string): string {
  return cardText(text).replace(/\s+/g, ' ').trim();
}


// Characters that start or end markup anywhere in a line: emphasis (`*`, `_`), strikethrough (`~`),
// code (`` ` ``), links and images (`[`, `]`), raw HTML and autolinks (`<`), and the escape itself.
// `(` and `)` need no escape: with `[` and `]` escaped there is no link for them to belong to.
const INLINE_MARKUP = /[\\`*_~[\]<]/g;

/**
 * Escapes text for a TextBlock (Markdown). Each line is escaped on its own; line breaks become
 * paragraph breaks (`\n\n`, the only break Adaptive Card Markdown honours). At the start of a
 * line `#` (heading), `-`/`+` (list), `>` (quote), `=` (underline) and `1.` (numbered list) are
 * escaped too, and leading spaces dropped (four would make code). An `&` that would start an
 * entity (`&lt;`) is escaped so the entity is shown as typed.
 */
export function escapeCardMarkdown(text: string): string {
  return cardText(text)
    .split('\n')
    .map((line) =>
      line
        .replace(INLINE_MARKUP, (c) => `\\${c}`)
        .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
        .replace(/^[ \t]+/, '')
        .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
        .replace(/^([-+>])/, '\\$1')
        .replace(/^(=+\s*)$/, '\\$1')
        .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2'),
    )
    .filter((line) => line.trim() !== '')
    .join('\n\n');
}

// ── Runs ───────────────────────────────────────────────────────────────────

/** BRAG colours in Adaptive Card terms; the status's words are always shown with them. */
export const BRAG_COLOUR: Record<Brag, TextColor> = {
  red: 'attention',
  amber: 'warning',
  green: 'good',
  blue: 'accent',
  grey: 'default',
};

/** Styling applied on top of a span's own (a context line is small and subtle; a footer bold). */
export interface RunStyle {
  bold?: boolean;
  subtle?: boolean;
  small?: boolean;
}

/** One line of runs; a RichText becomes several lines, each rendered as its own RichTextBlock. */
export type Line = TextRun[];

function styled(run: TextRun, style: RunStyle): TextRun {
  const out: TextRun = { ...run };
  if (style.bold) out.weight = 'bolder';
  if (style.subtle && out.color === undefined) out.isSubtle = true;
  if (style.small) out.size = 'small';
  return out;
}

export function statusRun(status: Brag, label: string | undefined, style: RunStyle = {}): TextRun {
  const run: TextRun = { type: 'TextRun', text: cardLine(statusLabel(status, label)), weight: 'bolder' };
  if (status !== 'grey') run.color = BRAG_COLOUR[status];
  return styled(run, { ...style, bold: true });
}

/**
 * RichText as lines of TextRuns, taken literally by Teams. Emphasis is the run's weight and
 * italics; a link is a run that opens its address (web and mail addresses only: anything else,
 * such as `javascript:`, is shown as words with the address beside them).
 */
export function textLines(text: RichText, style: RunStyle = {}): Line[] {
  const lines: Line[] = [[]];
  const push = (run: TextRun): void => {
    const parts = run.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ ...run, text: part });
    });
  };
  for (const span of spans(text)) {
    switch (span.kind) {
      case 'text': {
        const run: TextRun = { type: 'TextRun', text: cardText(span.text) };
        if (span.bold) run.weight = 'bolder';
        if (span.italic) run.italic = true;
        push(styled(run, style));
        break;
      }
      case 'status':
        push(statusRun(span.status, span.label, style));
        break;
      case 'link': {
        const url = safeUrl(span.url);
        const words = cardLine(span.text);
        if (url !== null) {
          push(styled({ type: 'TextRun', text: words === '' ? url : words, color: 'accent', underline: true, selectAction: { type: 'Action.OpenUrl', url } }, style));
        } else {
          const address = cardLine(span.url);
          push(styled({ type: 'TextRun', text: words === '' || words === address ? address || words : `${words} (${address})` }, style));
        }
        break;
      }
    }
  }
  return lines.map(mergeRuns);
}

/** Neighbouring runs with the same styling become one, so a card carries fewer objects. */
export function mergeRuns(line: Line): Line {
  const out: Line = [];
  for (const run of line) {
    const last = out[out.length - 1];
    if (last !== undefined && last.selectAction === undefined && run.selectAction === undefined && sameStyle(last, run)) {
      out[out.length - 1] = { ...last, text: last.text + run.text };
    } else {
      out.push(run);
    }
  }
  return out;
}

function sameStyle(a: TextRun, b: TextRun): boolean {
  const { text: _a, ...sa } = a;
  const { text: _b, ...sb } = b;
  const ka = Object.keys(sa).sort();
  const kb = Object.keys(sb).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && (sa as Record<string, unknown>)[k] === (sb as Record<string, unknown>)[k]);
}

export function lineText(line: Line): string {
  return line.map((r) => r.text).join('');
}

/** Whether the lines show nothing but spaces. */
export function isBlankLines(lines: readonly Line[]): boolean {
  return lines.every((l) => lineText(l).trim() === '');
}

/**
 * Cuts one line into lines of at most `limit` characters (counting each run's object as 40 more),
 * between words where it can, never inside a surrogate pair. Nothing is lost.
 */
export function cutLine(line: Line, limit: number): Line[] {
  const out: Line[] = [];
  let cur: Line = [];
  let used = 0;
  const flush = (): void => {
    if (cur.length > 0) out.push(mergeRuns(cur));
    cur = [];
    used = 0;
  };
  for (const run of line) {
    let rest = run.text;
    while (rest !== '') {
      const room = limit - used - 40;
      if (rest.length <= room) {
        cur.push({ ...run, text: rest });
        used += rest.length + 40;
        break;
      }
      if (room < 200 && cur.length > 0) {
        flush();
        continue;
      }
      const take = cutPoint(rest, Math.max(room, 1));
      cur.push({ ...run, text: rest.slice(0, take) });
      rest = rest.slice(take);
      flush();
    }
  }
  flush();
  return out;
}

/** Where to cut text to at most `max` characters: after a space in the second half, else at `max` (not inside a pair). */
function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const space = text.lastIndexOf(' ', max);
  if (space >= max / 2) return space + 1;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff && max > 1 ? max - 1 : max;
}

export { truncate };

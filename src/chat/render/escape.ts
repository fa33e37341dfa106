/**
 * Escaping for user text (register titles, leads' notes, names). Nothing a person typed may
 * become markup: a `|` must not end a table cell, `*` must not start emphasis, `<script>` must
 * not reach an HTML renderer, `[x](javascript:…)` must not become a link.
 */

// Characters that are markup anywhere in a line (GFM): emphasis, code, strikethrough, links, tables, escapes.
const INLINE_SPECIAL = /[\\`*_~[\]|]/g;

/** Line breaks as `\n`; a lone CR (old Mac exports) is a break too. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Escapes text for Markdown (GitHub-flavoured), without control characters or bidirectional
 * overrides (see `sanitisePlainText`). `atLineStart` says whether the text begins a
 * line, where `#`, `>`, `-`, `+`, `=` and `1.` would start a heading, quote or list; every line
 * after a break begins one. Leading spaces are dropped there too, as four would make code.
 * Ampersands are escaped only where they would start an entity ("&lt;"), so "Learning & Skills"
 * stays readable in the raw text.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  const lines = sanitisePlainText(text).split('\n');
  return lines
    .map((line, i) => {
      let out = line
        .replace(INLINE_SPECIAL, (c) => `\\${c}`)
        .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
      if (i > 0 || atLineStart) out = escapeLineStart(out);
      return out;
    })
    .join('\n');
}

// Only what would really open a block is escaped, so refs such as "1.2" and "#5" stay as written.
function escapeLineStart(line: string): string {
  return line
    .replace(/^[ \t]+/, '')
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1') // a heading
    .replace(/^([+-])(?=[\s-]|$)/, '\\$1') // a list item, or a rule (---)
    .replace(/^(=+\s*)$/, '\\$1') // a setext underline
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2'); // a numbered list item
}

/**
 * A link target that is safe to write: web and mail addresses only (no `javascript:`,
 * `data:` …), with the characters that would end a Markdown link destination (or a table cell) encoded.
 * Returns null for anything else, and the renderer shows the words without a link.
 */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
  if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(trimmed)) return null;
  return trimmed.replace(/[ ()<>|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Text for a terminal: control characters (which could move the cursor, recolour the screen
 * or hide what follows) and bidirectional overrides (which can reorder what is shown) are
 * removed; a tab becomes a space. Line breaks are kept.
 */
export function sanitisePlainText(text: string): string {
  return normaliseNewlines(text)
    .replace(/\t/g, ' ')
    .replace(/\u001b\[[0-9;?]*[ -\/]*[@-~]/g, '') // whole ANSI sequences, not just their ESC
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

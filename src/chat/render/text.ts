import type { Brag } from '../../domain/brag.ts';
import { spans, statusLabel, type Block, type Message, type RichText, type Span, type TableColumn } from '../message.ts';
import { sanitisePlainText } from './escape.ts';

export interface TextOptions {
  /** Line width to wrap to; a terminal's columns. */
  width?: number;
}

const DEFAULT_WIDTH = 100;
const GAP = '  ';
const SHORT_COLUMN = 12;

/** The colour in words, for a terminal that may show no colour. */
const BRAG_TAG: Record<Brag, string> = {
  blue: '[BLUE]',
  green: '[GREEN]',
  amber: '[AMBER]',
  red: '[RED]',
  grey: '[GREY]',
};

/**
 * Renders a message as plain text for a terminal: no markup, tables as aligned columns with
 * long cells wrapped, user text stripped of control characters. Buttons, selects and inputs do
 * nothing in a terminal and are left out.
 */
export function renderText(message: Message, options: TextOptions = {}): string {
  const width = Math.max(20, options.width ?? DEFAULT_WIDTH);
  const parts = message.blocks.map((b) => renderBlock(b, width)).filter((p): p is string => p !== null && p !== '');
  return parts.length === 0 ? `${wrap(sanitisePlainText(message.text), width).join('\n')}\n` : `${parts.join('\n\n')}\n`;
}

function renderBlock(block: Block, width: number): string | null {
  switch (block.type) {
    case 'header': {
      const lines = wrap(oneLine(plainOf(block.text)), width);
      const level = block.level ?? 1;
      if (level === 3) return lines.join('\n');
      const underline = (level === 1 ? '=' : '-').repeat(Math.max(...lines.map(length)));
      return [...lines, underline].join('\n');
    }
    case 'section':
    case 'context':
      return wrap(plainOf(block.text), width).join('\n');
    case 'fields': {
      const labelWidth = Math.max(...block.fields.map((f) => length(sanitisePlainText(f.label)) + 1));
      return block.fields
        .map((f) => hanging(`${pad(`${sanitisePlainText(f.label)}:`, labelWidth)} `, plainOf(f.value), width))
        .join('\n');
    }
    case 'badge': {
      const badge = statusText(block.status, block.label);
      const rest = block.text === undefined ? '' : ` — ${plainOf(block.text)}`;
      return wrap(badge + rest, width).join('\n');
    }
    case 'table':
      return table(block.columns, block.rows, block.footer, width);
    case 'list':
      return block.items
        .map((item, i) => hanging(block.ordered ? `${i + 1}. ` : '- ', plainOf(item), width))
        .join('\n');
    case 'divider':
      return '─'.repeat(Math.min(width, 60));
    case 'actions':
    case 'select':
    case 'input':
      return null;
  }
}

function plainOf(text: RichText): string {
  return spans(text).map(spanText).join('');
}

function spanText(span: Span): string {
  switch (span.kind) {
    case 'status':
      return statusText(span.status, span.label);
    case 'link': {
      const words = sanitisePlainText(span.text);
      const url = sanitisePlainText(span.url);
      return words === '' || words === url ? url : `${words} (${url})`;
    }
    case 'text':
      return sanitisePlainText(span.text);
  }
}

function statusText(brag: Brag, label?: string): string {
  return `${BRAG_TAG[brag]} ${sanitisePlainText(statusLabel(brag, label))}`;
}

/** Characters as a terminal counts them (code points, so "→" is one). */
function length(s: string): number {
  return [...s].length;
}

function pad(s: string, width: number, align: TableColumn['align'] = 'left'): string {
  const room = Math.max(0, width - length(s));
  if (align === 'right') return ' '.repeat(room) + s;
  if (align === 'centre') return ' '.repeat(Math.floor(room / 2)) + s + ' '.repeat(Math.ceil(room / 2));
  return s + ' '.repeat(room);
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/** Word-wraps text to a width, keeping its own line breaks; a word too long for a line is split. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/ +/).filter((w) => w !== '')) {
      let rest = word;
      while (length(rest) > width) {
        if (line !== '') {
          out.push(line);
          line = '';
        }
        const chars = [...rest];
        out.push(chars.slice(0, width).join(''));
        rest = chars.slice(width).join('');
      }
      if (rest === '') continue;
      if (line === '') line = rest;
      else if (length(line) + 1 + length(rest) <= width) line += ` ${rest}`;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  return out;
}

/** A prefix ("- ", "Lead: ") followed by text whose further lines line up under the text. */
function hanging(prefix: string, text: string, width: number): string {
  const indent = ' '.repeat(length(prefix));
  return wrap(text, Math.max(10, width - length(prefix)))
    .map((line, i) => (i === 0 ? prefix : indent) + line)
    .map((l) => l.trimEnd())
    .join('\n');
}

function table(
  columns: readonly TableColumn[],
  rows: readonly (readonly RichText[])[],
  footer: readonly RichText[] | undefined,
  width: number,
): string | null {
  if (columns.length === 0) return null;
  const header = columns.map((c) => sanitisePlainText(c.label));
  const body = rows.map((r) => columns.map((_, i) => plainOf(r[i] ?? '')));
  const foot = footer ? columns.map((_, i) => plainOf(footer[i] ?? '')) : null;
  const all = [header, ...body, ...(foot ? [foot] : [])];

  const widths = columnWidths(all, width);
  const line = (cells: string[]): string => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let y = 0; y < height; y++) {
      lines.push(wrapped.map((w, i) => pad(w[y] ?? '', widths[i]!, columns[i]!.align)).join(GAP).trimEnd());
    }
    return lines.join('\n');
  };
  const rule = widths.map((w) => '-'.repeat(w)).join(GAP);
  const rendered = body.map(line);
  // Once any row wraps, a blank line between rows shows where each one ends.
  const spaced = rendered.some((r) => r.includes('\n'));
  return [line(header), rule, rendered.join(spaced ? '\n\n' : '\n'), ...(foot ? [rule, line(foot)] : [])]
    .filter((part) => part !== '')
    .join('\n');
}

/**
 * Natural widths; when the table is too wide, the columns that can wrap give up room in
 * proportion to how much they have to spare, so a long title keeps more than a short name.
 * No column goes below its heading's longest word or a few characters, so a table that
 * cannot fit still reads; it is then wider than asked.
 */
function columnWidths(rows: readonly string[][], width: number): number[] {
  const count = rows[0]!.length;
  const natural = Array.from({ length: count }, (_, i) =>
    Math.max(1, ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map(length)))),
  );
  const longestWord = (i: number, rowsToScan: readonly string[][]): number =>
    Math.max(0, ...rowsToScan.flatMap((r) => (r[i] ?? '').split(/\s+/).map(length)));
  // Wide enough for the heading's words and (up to a point) for the longest word, so
  // "Transformation" is not broken in two.
  // A short column (a ref, a date, a count) is never wrapped: "30 Nov 2023" reads as one.
  const floors = natural.map((w, i) =>
    w <= SHORT_COLUMN ? w : Math.min(w, Math.max(8, longestWord(i, [rows[0]!]), Math.min(16, longestWord(i, rows)))),
  );
  const available = width - GAP.length * (count - 1);
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural;
  const spare = natural.map((w, i) => w - floors[i]!);
  const spareTotal = spare.reduce((a, b) => a + b, 0);
  const cut = Math.min(total - available, spareTotal);
  const widths = natural.map((w, i) => w - Math.floor((spare[i]! * cut) / spareTotal));
  // Rounding leaves a few characters over: take them from the columns with most left to spare.
  let over = widths.reduce((a, b) => a + b, 0) - Math.max(available, total - spareTotal);
  while (over > 0) {
    let most = 0;
    for (let i = 1; i < count; i++) if (widths[i]! - floors[i]! > widths[most]! - floors[most]!) most = i;
    widths[most] = widths[most]! - 1;
    over -= 1;
  }
  return widths;
}

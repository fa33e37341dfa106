import type { Brag } from '../../domain/brag.ts';
import { spans, statusLabel, type Block, type Message, type RichText, type Span, type TableColumn } from '../message.ts';
import { escapeMarkdown, normaliseNewlines, safeUrl } from './escape.ts';

/** Coloured markers for a status; the words always follow, so colour is never the only signal. */
export const BRAG_MARKER: Record<Brag, string> = {
  blue: '🔵',
  green: '🟢',
  amber: '🟠',
  red: '🔴',
  grey: '⚪',
};

/**
 * Renders a message as GitHub-flavoured Markdown: a document (a board paper, a CLI's output),
 * so buttons, selects and inputs, which do nothing on paper, are left out.
 */
export function renderMarkdown(message: Message): string {
  const parts = message.blocks.map(renderBlock).filter((p): p is string => p !== null && p !== '');
  return parts.length === 0 ? `${inline(message.text)}\n` : `${parts.join('\n\n')}\n`;
}

function renderBlock(block: Block): string | null {
  switch (block.type) {
    case 'header':
      return `${'#'.repeat(block.level ?? 1)} ${oneLine(inline(block.text, false)).replace(/#/g, '\\#')}`;
    case 'section':
      return hardBreaks(inline(block.text));
    case 'fields':
      return block.fields.map((f) => `**${escapeMarkdown(f.label, false)}:** ${oneLine(inline(f.value, false))}`).join('\\\n');
    case 'badge': {
      const badge = statusMarkdown({ status: block.status, label: block.label }, true);
      return block.text === undefined ? badge : `${badge} — ${hardBreaks(inline(block.text, false))}`;
    }
    case 'table':
      return table(block.columns, block.rows, block.footer);
    case 'list':
      return list(block.items, block.ordered ?? false);
    case 'context':
      return hardBreaks(inline(block.text, true, true));
    case 'divider':
      return '---';
    case 'actions':
    case 'select':
    case 'input':
      return null;
  }
}

/** RichText as escaped Markdown. `atLineStart`: whether it opens a line; `quiet`: context lines are italic. */
function inline(text: RichText, atLineStart = true, quiet = false): string {
  let out = '';
  for (const span of spans(text)) {
    // A span opens a line at the start, or after one that ended with a break.
    out += renderSpan(span, (atLineStart && out === '') || out.endsWith('\n'), quiet);
  }
  return out;
}

function renderSpan(span: Span, atLineStart: boolean, quiet: boolean): string {
  switch (span.kind) {
    case 'status':
      return statusMarkdown(span, false);
    case 'link': {
      const url = safeUrl(span.url);
      const words = escapeMarkdown(span.text || span.url, false);
      return url === null ? words : `[${words}](${url})`;
    }
    case 'text':
      return emphasise(escapeMarkdown(span.text, atLineStart), span.bold ?? false, (span.italic ?? false) || quiet);
  }
}

function statusMarkdown(span: { status: Brag; label?: string | undefined }, strong: boolean): string {
  const words = escapeMarkdown(statusLabel(span.status, span.label), false);
  return `${BRAG_MARKER[span.status]} ${strong ? `**${words}**` : words}`;
}

/**
 * Wraps text in emphasis markers, keeping surrounding spaces outside them (`** x**` is not bold)
 * and emphasising each line separately, since emphasis cannot span a paragraph break.
 */
function emphasise(escaped: string, bold: boolean, italic: boolean): string {
  if (!bold && !italic) return escaped;
  const marker = bold && italic ? '***' : bold ? '**' : '*';
  return escaped
    .split('\n')
    .map((line) => {
      const m = /^(\s*)(.*?)(\s*)$/s.exec(line)!;
      return m[2] === '' ? line : `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
    })
    .join('\n');
}

/** Line breaks inside a block become hard breaks; blank lines would otherwise end the block. */
function hardBreaks(md: string): string {
  return md
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .join('\\\n');
}

function oneLine(md: string): string {
  return md.split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' ');
}

function table(columns: readonly TableColumn[], rows: readonly (readonly RichText[])[], footer?: readonly RichText[]): string | null {
  if (columns.length === 0) return null;
  const cell = (text: RichText | undefined, strong = false): string => {
    if (text === undefined) return ' ';
    // A cell is one line of Markdown: breaks become <br> (our markup; the user's `<` is escaped).
    const md = inline(strong ? spans(text).map(boldSpan) : text, false);
    const lines = normaliseNewlines(md).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    return lines.length === 0 ? ' ' : lines.join('<br>');
  };
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const header = row(columns.map((c) => (c.status ? `${BRAG_MARKER[c.status]} ` : '') + escapeMarkdown(c.label, false)));
  const rule = row(columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'centre' ? ':---:' : '---')));
  const body = rows.map((r) => row(columns.map((_, i) => cell(r[i]))));
  const foot = footer ? [row(columns.map((_, i) => cell(footer[i], true)))] : [];
  return [header, rule, ...body, ...foot].join('\n');
}

function boldSpan(span: Span): Span {
  return span.kind === 'text' ? { ...span, bold: true } : span;
}

function list(items: readonly RichText[], ordered: boolean): string | null {
  if (items.length === 0) return null;
  return items
    .map((item, i) => {
      const bullet = ordered ? `${i + 1}.` : '-';
      const indent = ' '.repeat(bullet.length + 1);
      // Continuation lines are indented to stay inside the item.
      const body = hardBreaks(inline(item)).split('\n').join(`\n${indent}`);
      return `${bullet} ${body}`;
    })
    .join('\n');
}

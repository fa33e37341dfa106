import { BRAG_LABEL, type Brag } from '../domain/brag.ts';

/**
 * The neutral message model: every view builds one `Message`, and each renderer (Slack Block
 * Kit, Teams Adaptive Cards, Markdown, plain text) turns it into its own format.
 *
 * Text is never platform markup. A plain string is exactly what a person will read: renderers
 * escape it for their format, so text from a register or a lead's note cannot break a layout or
 * inject markup. Emphasis and links are spans, which each renderer writes in its own syntax.
 */

/** One run of inline text. */
export type Span =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'link'; text: string; url: string }
  /** A BRAG status shown inline (a coloured marker and its label). */
  | { kind: 'status'; status: Brag; label?: string };

/** A plain string (taken literally) or a list of spans. */
export type RichText = string | readonly Span[];

export type Align = 'left' | 'right' | 'centre';

export interface TableColumn {
  label: string;
  align?: Align;
  /** A column that counts one status: renderers may colour its heading. */
  status?: Brag;
}

export interface Button {
  /** Identifies the handler (e.g. `update.open`); the router dispatches on it. */
  id: string;
  label: string;
  /** Carried back to the handler when pressed (e.g. an action id). */
  value: string;
  style?: 'primary' | 'danger';
}

export interface SelectOption {
  label: string;
  value: string;
}

export type Block =
  /** A title. Level 1 is the message's title, 2 a section heading, 3 a sub-heading. */
  | { type: 'header'; text: string; level?: 1 | 2 | 3 }
  | { type: 'section'; text: RichText }
  | { type: 'fields'; fields: readonly { label: string; value: RichText }[] }
  /** A status on its own line, with optional words after it. */
  | { type: 'badge'; status: Brag; label?: string; text?: RichText }
  /** `footer` is a totals row, set apart from the body by each renderer. */
  | { type: 'table'; columns: readonly TableColumn[]; rows: readonly (readonly RichText[])[]; footer?: readonly RichText[] }
  | { type: 'list'; items: readonly RichText[]; ordered?: boolean }
  /** A small, quiet line: dates, counts, who and when. */
  | { type: 'context'; text: RichText }
  | { type: 'divider' }
  | { type: 'actions'; buttons: readonly Button[] }
  | { type: 'select'; id: string; label: string; options: readonly SelectOption[]; initial?: string; placeholder?: string; optional?: boolean }
  /** `format: 'date'` asks for a calendar day (a date picker where the platform has one). */
  | { type: 'input'; id: string; label: string; multiline?: boolean; maxLength?: number; placeholder?: string; initial?: string; optional?: boolean; hint?: string; format?: 'text' | 'date' | 'url' };

export type BlockType = Block['type'];

export interface Message {
  /** Plain-text fallback: notifications, screen readers, clients that cannot show blocks. */
  text: string;
  blocks: Block[];
}

/** A form the user fills in and submits (a Slack modal, a Teams card form). `state` comes back with the answers. */
export interface Form {
  id: string;
  title: string;
  submitLabel: string;
  state: string;
  blocks: Block[];
}

// Span builders, so views read as prose: section([bold('1.2'), ' ', title]).

export function plain(text: string): Span {
  return { kind: 'text', text };
}

export function bold(text: string): Span {
  return { kind: 'text', text, bold: true };
}

export function italic(text: string): Span {
  return { kind: 'text', text, italic: true };
}

export function link(text: string, url: string): Span {
  return { kind: 'link', text, url };
}

export function statusSpan(brag: Brag, label?: string): Span {
  return label === undefined ? { kind: 'status', status: brag } : { kind: 'status', status: brag, label };
}

/** Joins strings and spans into one RichText; strings stay plain. */
export function rich(...parts: readonly (string | Span | readonly Span[])[]): Span[] {
  return parts.flatMap((p) => (typeof p === 'string' ? [plain(p)] : Array.isArray(p) ? [...p] : [p as Span]));
}

export function spans(text: RichText): readonly Span[] {
  return typeof text === 'string' ? [plain(text)] : text;
}

/** The label a status is shown with: the given words, else the scheme's label ("Some concerns"). */
export function statusLabel(brag: Brag, label?: string): string {
  const words = label?.trim();
  return words ? words : BRAG_LABEL[brag];
}

/** RichText as plain words (no markers): for fallbacks and for measuring. */
export function toPlainText(text: RichText): string {
  return spans(text)
    .map((s) => (s.kind === 'status' ? statusLabel(s.status, s.label) : s.text))
    .join('');
}

import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import type { Brag } from '../../src/domain/brag.ts';
import { spans, statusLabel, toPlainText, type Align, type Block, type RichText, type Span, type TableColumn } from '../../src/chat/message.ts';
import { safeUrl } from '../../src/chat/render/escape.ts';
import { BRAG_FILL, documentText } from './brag-palette.ts';
import { textWidthPt } from './fonts.ts';

/**
 * The neutral message model as Word content (for `docx`): headings, paragraphs, tables, lists.
 * Every piece of user text becomes a plain text run (control characters stripped), so nothing a
 * person typed can become markup. Buttons, selects and inputs do nothing on paper and are left out.
 */

/** Sizes in half-points, as Word counts them. */
export const SIZE = { body: 20, small: 18, table: 17 } as const;
export const COLOUR = { quiet: '505050', rule: 'BFBFBF', headFill: 'EDEDED', footFill: 'F5F5F5' } as const;

export interface DocxBlockOptions {
  /** Usable width of the page in twentieths of a point (twips), for table columns. */
  contentWidth: number;
  /** Whether a block starts a new page. */
  pageBreakBefore?: (block: Block, index: number) => boolean;
}

export type DocxContent = Paragraph | Table;

export function blocksToDocx(blocks: readonly Block[], options: DocxBlockOptions): DocxContent[] {
  return blocks.flatMap((block, i) => blockToDocx(block, options, options.pageBreakBefore?.(block, i) ?? false));
}

function blockToDocx(block: Block, options: DocxBlockOptions, pageBreakBefore: boolean): DocxContent[] {
  switch (block.type) {
    case 'header':
      return [
        new Paragraph({
          heading: (block.level ?? 1) <= 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: textRuns(block.text),
          pageBreakBefore,
          keepNext: true,
        }),
      ];
    case 'section':
      return [new Paragraph({ children: runs(block.text), pageBreakBefore })];
    case 'context':
      return [new Paragraph({ children: runs(block.text, { size: SIZE.small, color: COLOUR.quiet }), pageBreakBefore, keepNext: true })];
    case 'fields':
      return block.fields.map(
        (f, i) => new Paragraph({ children: [...textRuns(`${f.label}: `, { bold: true }), ...runs(f.value)], pageBreakBefore: pageBreakBefore && i === 0, spacing: { after: 40 } }),
      );
    case 'badge': {
      const badge = statusRuns(block.status, block.label, { bold: true });
      const tail = block.text === undefined ? [] : [...textRuns(' — '), ...runs(block.text)];
      return [new Paragraph({ children: [...badge, ...tail], pageBreakBefore })];
    }
    case 'list':
      return block.items.map(
        (item, i) =>
          new Paragraph({
            // Numbered items carry their number as text: no numbering definition to keep in step.
            children: block.ordered ? [new TextRun(`${i + 1}.\t`), ...runs(item)] : runs(item),
            ...(block.ordered ? { indent: { left: 360, hanging: 360 } } : { bullet: { level: 0 } }),
            spacing: { after: 60 },
            pageBreakBefore: pageBreakBefore && i === 0,
          }),
      );
    case 'table': {
      const table = tableToDocx(block.columns, block.rows, block.footer, options.contentWidth);
      return pageBreakBefore ? [new Paragraph({ pageBreakBefore: true, spacing: { after: 0 } }), table] : [table];
    }
    case 'divider':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLOUR.rule, space: 1 } }, pageBreakBefore })];
    case 'actions':
    case 'select':
    case 'input':
      return [];
  }
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  color?: string;
}

/** Plain text as runs, a line break for each `\n`. */
export function textRuns(text: string, style: RunStyle = {}): TextRun[] {
  return documentText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

export function runs(text: RichText, style: RunStyle = {}): ParagraphChild[] {
  return spans(text).flatMap((span) => spanRuns(span, style));
}

function spanRuns(span: Span, style: RunStyle): ParagraphChild[] {
  switch (span.kind) {
    case 'text':
      return textRuns(span.text, {
        ...style,
        ...(span.bold ? { bold: true } : {}),
        ...(span.italic ? { italics: true } : {}),
      });
    case 'link': {
      const url = safeUrl(span.url);
      const words = textRuns(span.text || span.url, url === null ? style : { ...style, color: '0563C1' });
      return url === null ? words : [new ExternalHyperlink({ link: url, children: words })];
    }
    case 'status':
      return statusRuns(span.status, span.label, style);
  }
}

/** A status inline: a square in its colour, then its words (colour is never the only signal). */
function statusRuns(status: Brag, label: string | undefined, style: RunStyle): TextRun[] {
  return [new TextRun({ text: '■ ', ...style, color: BRAG_FILL[status].fill }), ...textRuns(statusLabel(status, label), style)];
}

// ── Tables ─────────────────────────────────────────────────────────────────

const CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.rule };
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE };

function tableToDocx(
  columns: readonly TableColumn[],
  rows: readonly (readonly RichText[])[],
  footer: readonly RichText[] | undefined,
  contentWidth: number,
): Table {
  const widths = columnWidths(columns, [...rows, ...(footer ? [footer] : [])], contentWidth);
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) =>
      c.status
        ? cell(textRuns(c.label, { bold: true, size: SIZE.table, color: BRAG_FILL[c.status].ink }), widths[i]!, c.align, BRAG_FILL[c.status].fill)
        : cell(textRuns(c.label, { bold: true, size: SIZE.table }), widths[i]!, c.align, COLOUR.headFill),
    ),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => bodyCell(row[i], widths[i]!, c.align)),
      }),
  );
  const foot = footer
    ? [
        new TableRow({
          cantSplit: true,
          children: columns.map((c, i) =>
            cell(runs(footer[i] ?? '', { bold: true, size: SIZE.table }), widths[i]!, c.align, COLOUR.footFill, {
              top: { style: BorderStyle.DOUBLE, size: 6, color: '808080' },
            }),
          ),
        }),
      ]
    : [];
  return new Table({
    rows: [head, ...body, ...foot],
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...BORDERS, insideHorizontal: RULE, insideVertical: RULE },
  });
}

/** A cell whose whole content is one status is filled with its colour; any other is plain text. */
function bodyCell(text: RichText | undefined, width: number, align: Align | undefined): TableCell {
  const content = text === undefined ? [] : spans(text);
  const only = content.length === 1 ? content[0]! : null;
  if (only?.kind === 'status') {
    const { fill, ink } = BRAG_FILL[only.status];
    return cell(textRuns(statusLabel(only.status, only.label), { size: SIZE.table, bold: true, color: ink }), width, align, fill);
  }
  return cell(runs(text ?? '', { size: SIZE.table }), width, align);
}

function cell(
  children: ParagraphChild[],
  width: number,
  align: Align | undefined,
  fill?: string,
  borders?: { top?: IBorderOptions },
): TableCell {
  return new TableCell({
    children: [new Paragraph({ children, alignment: alignment(align), spacing: { before: 0, after: 0 } })],
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGIN,
    verticalAlign: VerticalAlign.TOP,
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
    ...(borders ? { borders } : {}),
  });
}

function alignment(align: Align | undefined): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return align === 'right' ? AlignmentType.RIGHT : align === 'centre' ? AlignmentType.CENTER : AlignmentType.LEFT;
}

/** Measures one line of table text, in twips. */
export type MeasureText = (text: string, bold: boolean) => number;

const measureTableText: MeasureText = (text, bold) => textWidthPt(text, SIZE.table / 2, bold) * 20;

/**
 * Column widths as a browser's automatic table layout chooses them, from the text's real width
 * in Arial: each column gets at least its widest word (a heading's words are never broken, and a
 * short value such as a date or "35 days" is not wrapped at all); the room left goes to the
 * columns with the most text. Widths are in twips and add up to `total`.
 */
export function columnWidths(
  columns: readonly TableColumn[],
  rows: readonly (readonly RichText[])[],
  total: number,
  measure: MeasureText = measureTableText,
): number[] {
  const PAD = CELL_MARGIN.left + CELL_MARGIN.right + 40;
  const NO_WRAP = 1300; // a value this wide or less stays on one line
  const WIDEST_WORD = 1800; // a longer word (an address, say) may be broken
  const minimum: number[] = [];
  const wanted: number[] = [];
  columns.forEach((c, i) => {
    const cells = rows.map((r) => ({ text: plainCell(r[i]), bold: isBold(r[i]) }));
    const heading = Math.max(0, ...c.label.split(/\s+/).map((w) => measure(w, true)));
    const lines = cells.map((t) => Math.max(0, ...t.text.split('\n').map((l) => measure(l, t.bold))));
    const words = cells.map((t) => Math.max(0, ...t.text.split(/\s+/).map((w) => measure(w, t.bold))));
    const longestLine = Math.max(0, ...lines);
    const least = Math.max(heading, Math.min(WIDEST_WORD, Math.max(0, ...words)), longestLine <= NO_WRAP ? longestLine : 0);
    const most = Math.max(least, longestLine, measure(c.label, true));
    minimum.push(least + PAD);
    wanted.push(most + PAD);
  });
  const least = minimum.reduce((a, n) => a + n, 0);
  if (least >= total) return fit(minimum, total);
  // Everything fits on one line: widen each column in proportion.
  if (wanted.reduce((a, n) => a + n, 0) <= total) return fit(wanted, total);
  // Otherwise share the room left by what each column wants beyond its least, damped (to the power 0.75)
  // so the action's title does not take it all from the notes; no column gets more than it wants.
  const widths = [...minimum];
  let open = widths.map((_, i) => wanted[i]! > minimum[i]!);
  for (let round = 0; round < columns.length; round += 1) {
    const room = total - widths.reduce((a, n) => a + n, 0);
    const weights = wanted.map((w, i) => (open[i] ? (w - minimum[i]!) ** 0.75 : 0));
    const sum = weights.reduce((a, n) => a + n, 0);
    if (room <= 0 || sum === 0) break;
    let clamped = false;
    widths.forEach((w, i) => {
      if (!open[i]) return;
      const share = w + (room * weights[i]!) / sum;
      if (share >= wanted[i]!) {
        widths[i] = wanted[i]!;
        clamped = true;
      }
    });
    if (clamped) {
      open = widths.map((w, i) => open[i]! && w < wanted[i]!);
      continue;
    }
    widths.forEach((w, i) => {
      if (open[i]) widths[i] = w + (room * weights[i]!) / sum;
    });
    break;
  }
  return fit(widths, total);
}

/** A cell drawn in bold: a status (a filled cell) or all-bold text. */
function isBold(text: RichText | undefined): boolean {
  if (text === undefined) return false;
  const all = spans(text);
  return all.length > 0 && all.every((s) => s.kind === 'status' || (s.kind === 'text' && s.bold === true));
}

function plainCell(text: RichText | undefined): string {
  return text === undefined ? '' : documentText(toPlainText(text));
}

/** Scales widths to add up to `total`, in whole twips. */
function fit(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((a, n) => a + n, 0);
  const scaled = widths.map((w) => Math.floor((w * total) / sum));
  const short = total - scaled.reduce((a, n) => a + n, 0);
  if (scaled.length > 0) scaled[scaled.length - 1]! += short;
  return scaled;
}

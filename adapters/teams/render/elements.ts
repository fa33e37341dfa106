import { toPlainText, type Block, type Button, type RichText, type TableColumn } from '../../../src/chat/message.ts';
import type {
  ActionSet,
  CardElement,
  ExecuteAction,
  InputChoiceSet,
  InputDate,
  InputText,
  RichTextBlock,
  TableCell,
  TableColumnDefinition,
  TableRow,
  TextBlock,
  TextRun,
} from './adaptive-card-types.ts';
import { cardLine, cutLine, escapeCardMarkdown, isBlankLines, lineText, mergeRuns, statusRun, textLines, truncate, type Line, type RunStyle } from './card-text.ts';
import { TEAMS_LIMITS as L } from './limits.ts';

/**
 * Neutral blocks as Adaptive Card elements, in "units" the paginator can place: whole elements,
 * table rows (placed into a Table that repeats its header row on every card) and dividers (a
 * separator line on whatever element follows).
 */

export interface TableFrame {
  columns: TableColumnDefinition[];
  header: TableRow;
}

export type Unit =
  | { kind: 'element'; element: CardElement; keepWithNext: boolean }
  | { kind: 'row'; table: TableFrame; row: TableRow }
  | { kind: 'divider' };

/** Keys the renderer puts into an action's `data`; an input with one of these ids would be overwritten. */
export const RESERVED_INPUT_IDS: ReadonlySet<string> = new Set(['value', 'state', 'verb', 'msteams']);

/** A form's inputs: what was typed (shown again after an error) and the errors to show under each. */
export interface FieldContext {
  values?: Readonly<Record<string, string>>;
  errors?: Readonly<Record<string, string>>;
}

export function renderUnits(blocks: readonly Block[], fields: FieldContext = {}): Unit[] {
  const out: Unit[] = [];
  blocks.forEach((block, i) => {
    const units = renderBlock(block, fields);
    // The line that introduces a table stays with its heading and the table.
    if (block.type === 'context' && blocks[i - 1]?.type === 'header') {
      for (const u of units) if (u.kind === 'element') u.keepWithNext = true;
    }
    out.push(...units);
  });
  return out;
}

function renderBlock(block: Block, fields: FieldContext): Unit[] {
  switch (block.type) {
    case 'header':
      return heading(block.text, block.level ?? 1);
    case 'section':
      return elements(richBlocks(textLines(block.text)));
    case 'fields':
      return elements(block.fields.flatMap((f, i) => fieldBlocks(f.label, f.value, i > 0)));
    case 'badge': {
      const lines: Line[] = [[statusRun(block.status, block.label)]];
      if (block.text !== undefined && toPlainText(block.text).trim() !== '') {
        const rest = textLines(block.text);
        lines[0]!.push({ type: 'TextRun', text: ' — ' }, ...(rest[0] ?? []));
        lines.push(...rest.slice(1));
      }
      return elements(richBlocks(lines));
    }
    case 'table':
      return table(block.columns, block.rows, block.footer);
    case 'list':
      return elements(
        block.items.flatMap((item, i) => {
          const lines = textLines(item);
          lines[0] = [{ type: 'TextRun', text: block.ordered ? `${i + 1}. ` : '• ' }, ...(lines[0] ?? [])];
          return richBlocks(lines, i === 0 ? undefined : 'small');
        }),
      );
    case 'context':
      return elements(richBlocks(textLines(block.text, { subtle: true, small: true })));
    case 'divider':
      return [{ kind: 'divider' }];
    case 'actions':
      return elements(actionSets(block.buttons));
    case 'select':
      return elements([choiceSet(block, fields), ...fieldError(block.id, fields)]);
    case 'input':
      return elements([inputElement(block, fields), ...hint(block.hint), ...fieldError(block.id, fields)]);
  }
}

function elements(list: readonly CardElement[], keepWithNext = false): Unit[] {
  return list.map((element) => ({ kind: 'element', element, keepWithNext }));
}

// ── Text ───────────────────────────────────────────────────────────────────

export function richTextBlock(inlines: TextRun[], spacing?: RichTextBlock['spacing']): RichTextBlock {
  const block: RichTextBlock = { type: 'RichTextBlock', inlines: mergeRuns(inlines) };
  if (spacing !== undefined) block.spacing = spacing;
  return block;
}

/**
 * Lines as RichTextBlocks, one a line (every client honours that break; not all honour a
 * line break inside a run). Lines after the first sit tight under it; a blank line leaves a
 * paragraph's gap. A line longer than a block's share of a card is cut between words.
 */
export function richBlocks(lines: readonly Line[], firstSpacing?: RichTextBlock['spacing']): RichTextBlock[] {
  const out: RichTextBlock[] = [];
  let gap = false;
  for (const line of lines) {
    if (lineText(line).trim() === '') {
      gap = out.length > 0;
      continue;
    }
    for (const part of cutLine(trimLine(line), L.blockChars)) {
      out.push(richTextBlock(part, out.length === 0 ? firstSpacing : gap ? 'default' : 'none'));
      gap = false;
    }
  }
  return out;
}

/** Leading and trailing spaces of a line removed (they would only indent or pad it). */
function trimLine(line: Line): Line {
  const out = line.map((r) => ({ ...r }));
  while (out.length > 0 && out[0]!.text.trimStart() === '') out.shift();
  while (out.length > 0 && out[out.length - 1]!.text.trimEnd() === '') out.pop();
  if (out.length > 0) {
    out[0]!.text = out[0]!.text.trimStart();
    out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  }
  return out;
}

const HEADING_SIZE = { 1: 'large', 2: 'medium', 3: 'default' } as const;

/** A heading: a TextBlock with the 1.5 `heading` style (screen readers announce it), its words escaped. */
export function headingBlock(text: string, level: 1 | 2 | 3): TextBlock {
  return { type: 'TextBlock', text: escapeCardMarkdown(cardLine(text)), wrap: true, style: 'heading', weight: 'bolder', size: HEADING_SIZE[level] };
}

function heading(text: string, level: 1 | 2 | 3): Unit[] {
  const words = cardLine(text);
  if (words === '') return [];
  // Too long to be a heading: bold text, so none of it is lost.
  if (words.length > L.headingChars) return elements(richBlocks(textLines(words, { bold: true })), true);
  return elements([headingBlock(words, level)], true);
}

function fieldBlocks(label: string, value: RichText, spaced: boolean): RichTextBlock[] {
  const lines = textLines(value);
  const head = cardLine(label);
  if (head !== '') lines[0] = [{ type: 'TextRun', text: `${head}: `, weight: 'bolder' }, ...(lines[0] ?? [])];
  return richBlocks(lines, spaced ? 'small' : undefined);
}

// ── Tables ─────────────────────────────────────────────────────────────────

const ALIGN = { left: 'Left', right: 'Right', centre: 'Center' } as const;

function cellLines(text: RichText | undefined, style: RunStyle = {}): Line[] {
  if (text === undefined) return [];
  const lines = textLines(text, style).map(trimLine);
  return isBlankLines(lines) ? [] : lines.filter((l) => l.length > 0);
}

function cell(lines: readonly Line[]): TableCell {
  return { type: 'TableCell', items: richBlocks(lines) };
}

/** Relative column widths from what the columns hold: a ref is narrow, an action's title wide. */
function columnWidths(columns: readonly TableColumn[], rows: readonly (readonly RichText[])[]): number[] {
  const sample = rows.slice(0, 50);
  return columns.map((c, i) => {
    const lengths = [c.label.length, ...sample.map((r) => (r[i] === undefined ? 0 : toPlainText(r[i]!).length))];
    const average = lengths.reduce((a, n) => a + n, 0) / lengths.length;
    return Math.max(1, Math.min(8, Math.round(average / 8)));
  });
}

function table(columns: readonly TableColumn[], rows: readonly (readonly RichText[])[], footer?: readonly RichText[]): Unit[] {
  if (columns.length === 0) return [];
  const widths = columnWidths(columns, rows);
  const frame: TableFrame = {
    columns: columns.map((c, i) => {
      const def: TableColumnDefinition = { width: widths[i]! };
      if (c.align !== undefined && c.align !== 'left') def.horizontalCellContentAlignment = ALIGN[c.align];
      return def;
    }),
    header: {
      type: 'TableRow',
      cells: columns.map((c) => cell([c.status ? [statusRun(c.status, c.label)] : [{ type: 'TextRun', text: cardLine(c.label), weight: 'bolder' }]])),
    },
  };
  const out: Unit[] = [];
  for (const row of rows) {
    for (const part of rowParts(columns.map((_, i) => cellLines(row[i])))) out.push({ kind: 'row', table: frame, row: part });
  }
  if (footer !== undefined && footer.some((c) => toPlainText(c).trim() !== '')) {
    for (const part of rowParts(columns.map((_, i) => cellLines(footer[i], { bold: true })))) {
      out.push({ kind: 'row', table: frame, row: { ...part, style: 'emphasis' } });
    }
  }
  return out;
}

/**
 * A row as one TableRow, or, when its cells hold more than a row's share of a card, as several:
 * each cell's text is cut into pieces, and the n-th row holds the n-th piece of every cell.
 */
function rowParts(cells: readonly Line[][]): TableRow[] {
  const whole: TableRow = { type: 'TableRow', cells: cells.map(cell) };
  if (byteSize(whole) <= L.rowBytes) return [whole];
  for (let chars = 2_000; ; chars = Math.floor(chars / 2)) {
    const groups = cells.map((lines) => groupLines(lines.flatMap((l) => cutLine(l, chars)), chars));
    const count = Math.max(...groups.map((g) => g.length));
    const parts: TableRow[] = Array.from({ length: count }, (_, k) => ({ type: 'TableRow', cells: groups.map((g) => cell(g[k] ?? [])) }));
    if (chars <= 250 || parts.every((p) => byteSize(p) <= L.rowBytes)) return parts;
  }
}

/** Lines packed into groups of at most `chars` characters, in order. */
function groupLines(lines: readonly Line[], chars: number): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  let used = 0;
  for (const line of lines) {
    const size = lineText(line).length + 40 * line.length;
    if (cur.length > 0 && used + size > chars) {
      out.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(line);
    used += size;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export function byteSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

// ── Buttons and inputs ─────────────────────────────────────────────────────

function checkId(id: string, what: string): string {
  if (id.trim() === '') throw new Error(`${what} needs an id`);
  return id;
}

/** A button as Universal Action: `verb` names its handler, `data.value` is what it carries. */
export function executeAction(button: Button): ExecuteAction {
  const action: ExecuteAction = {
    type: 'Action.Execute',
    title: truncate(cardLine(button.label), L.buttonTitle) || '—',
    verb: checkId(button.id, 'A button'),
    data: { value: button.value },
  };
  if (button.style === 'primary') action.style = 'positive';
  if (button.style === 'danger') action.style = 'destructive';
  return action;
}

function actionSets(buttons: readonly Button[]): ActionSet[] {
  const out: ActionSet[] = [];
  for (let i = 0; i < buttons.length; i += L.actionsPerSet) {
    out.push({ type: 'ActionSet', actions: buttons.slice(i, i + L.actionsPerSet).map(executeAction) });
  }
  return out;
}

function inputId(id: string, what: string): string {
  checkId(id, what);
  if (RESERVED_INPUT_IDS.has(id)) throw new Error(`${what} may not use the id "${id}": the card's actions send that key`);
  return id;
}

function label(text: string): string {
  return truncate(cardLine(text), L.label);
}

function choiceSet(block: Extract<Block, { type: 'select' }>, fields: FieldContext): InputChoiceSet {
  const element: InputChoiceSet = {
    type: 'Input.ChoiceSet',
    id: inputId(block.id, 'A select'),
    label: label(block.label),
    style: 'compact',
    isRequired: false,
    choices: block.options.map((o) => {
      if (o.value === '') throw new Error(`Select "${block.id}" has an option with no value`);
      return { title: truncate(cardLine(o.label), L.choiceTitle) || o.value, value: o.value };
    }),
  };
  const chosen = fields.values?.[block.id] ?? block.initial;
  if (chosen !== undefined && block.options.some((o) => o.value === chosen)) element.value = chosen;
  if (block.placeholder) element.placeholder = label(block.placeholder);
  return element;
}

/** An input: `Input.Date` for a date, `Input.Text` (with the `url` style for an address) otherwise. */
export function inputElement(block: Extract<Block, { type: 'input' }>, fields: FieldContext = {}): InputText | InputDate {
  const id = inputId(block.id, 'An input');
  const value = fields.values?.[block.id] ?? block.initial;
  if (block.format === 'date') {
    const element: InputDate = { type: 'Input.Date', id, label: label(block.label), isRequired: false };
    if (value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value)) element.value = value;
    return element;
  }
  const element: InputText = { type: 'Input.Text', id, label: label(block.label), isRequired: false, isMultiline: block.multiline ?? false };
  if (block.maxLength !== undefined) element.maxLength = block.maxLength;
  if (block.placeholder) element.placeholder = label(block.placeholder);
  if (block.format === 'url') element.style = 'url';
  // What the person typed is shown back whole, even past maxLength: the error says what is wrong with it.
  if (value !== undefined && value !== '') element.value = value;
  return element;
}

function hint(text: string | undefined): RichTextBlock[] {
  if (text === undefined || cardLine(text) === '') return [];
  return richBlocks(textLines(text, { subtle: true, small: true }), 'none');
}

/** The error under a field, in the attention colour (and words, never colour alone). */
export function errorBlock(message: string, id?: string): TextBlock {
  const block: TextBlock = { type: 'TextBlock', text: escapeCardMarkdown(message), wrap: true, color: 'attention', spacing: 'small' };
  if (id !== undefined) block.id = id;
  return block;
}

function fieldError(id: string, fields: FieldContext): TextBlock[] {
  const message = fields.errors?.[id];
  return message === undefined || message.trim() === '' ? [] : [errorBlock(message, `${id}-error`)];
}

import {
  spans,
  toPlainText,
  type Block,
  type Button,
  type Message,
  type RichText,
  type SelectOption,
  type TableColumn,
} from '../../../src/chat/message.ts';
import type {
  ActionsBlock,
  ButtonElement,
  DatepickerElement,
  InputBlock,
  InputElement,
  MrkdwnObject,
  PlainTextObject,
  SectionBlock,
  SlackBlock,
  SlackMessage,
  SlackOption,
  StaticSelectElement,
} from './block-kit-types.ts';
import { DEFAULT_MESSAGE_CHARS, FALLBACK_TEXT_LIMIT, SLACK_LIMITS as L } from './limits.ts';
import {
  BRAG_EMOJI,
  cut,
  emit,
  mrkdwnFit,
  mrkdwnPieces,
  nl,
  plainLine,
  space,
  statusTokens,
  textTokens,
  tokens,
  truncate,
  type Token,
} from './mrkdwn.ts';

/** Where blocks will be shown: inputs and selects take a different form in a modal. */
export type Surface = 'message' | 'modal' | 'home';

/** A neutral input with this placeholder is shown as a date picker (its value reads back as YYYY-MM-DD). */
export const DATE_PLACEHOLDER = 'YYYY-MM-DD';

/** A rendered Slack block and what it carries, for splitting a long message. */
export interface Piece {
  block: SlackBlock;
  /** Characters of text in the block. */
  chars: number;
  /** Entries a reader would count (table rows, list items; 1 for other content, 0 for headings and rules). */
  items: number;
  /** A heading (or its introduction) stays with what follows it when a message is split. */
  keepWithNext: boolean;
}

export interface BlockKitOptions {
  /** Blocks per message (Slack allows 50). */
  maxBlocks?: number;
  /** Characters of text per message before another is started (default 12,000). */
  maxChars?: number;
}

/**
 * Renders a neutral message as one or more Slack messages. A message that would break one of
 * Slack's limits (50 blocks, 3,000 characters a section, 10 fields …) or be too long to read
 * is split: text is cut between words (never inside emphasis, an entity or a link), a table
 * between rows, and the message into several, each after the first opening with a
 * "continued" line. Nothing is dropped. User text is escaped (see mrkdwn.ts); buttons carry
 * `action_id` = the button's id and `value` = its value.
 *
 * Throws if a button's value or id, or a select's option value, is longer than Slack accepts:
 * those are the program's own data and would be silently corrupted by cutting.
 */
export function renderBlockKit(message: Message, options: BlockKitOptions = {}): SlackMessage[] {
  const maxBlocks = Math.max(2, Math.min(options.maxBlocks ?? L.messageBlocks, L.messageBlocks));
  const maxChars = Math.max(L.sectionText, options.maxChars ?? DEFAULT_MESSAGE_CHARS);
  let pieces = renderPieces(message.blocks, 'message');
  if (pieces.length === 0) pieces = textPieces(message.text);
  if (pieces.length === 0) throw new Error('renderBlockKit: the message has no text and no blocks');

  const fallback = fallbackText(message, pieces);
  const pages = paginate(pieces, maxBlocks, maxChars);
  if (pages.length === 1) return [{ text: fallback, blocks: pages[0]!.map((p) => p.block) }];

  const title = titleOf(message);
  return pages.map((page, i) => {
    const part = `part ${i + 1} of ${pages.length}`;
    const blocks = page.map((p) => p.block);
    if (i > 0) blocks.unshift(contextBlock(`Continued (${part})${title === '' ? '' : ` — ${title}`}`));
    return { text: i === 0 ? fallback : `${truncate(fallback, FALLBACK_TEXT_LIMIT - part.length - 3)} (${part})`, blocks };
  });
}

// ── Splitting into messages ────────────────────────────────────────────────

function paginate(pieces: readonly Piece[], maxBlocks: number, maxChars: number): Piece[][] {
  const chars = pieces.reduce((a, p) => a + p.chars, 0);
  if (pieces.length <= maxBlocks && chars <= maxChars) return [[...pieces]];
  // Later messages open with a "continued" line, so each holds one block fewer.
  const room = maxBlocks - 1;
  const pages: Piece[][] = [];
  let page: Piece[] = [];
  let used = 0;
  const close = (): void => {
    // A heading left at the foot of a message goes with what it introduces.
    const carried: Piece[] = [];
    while (page.length > 1 && (page[page.length - 1]!.keepWithNext || page[page.length - 1]!.block.type === 'divider')) {
      const last = page.pop()!;
      if (last.block.type !== 'divider') carried.unshift(last);
    }
    pages.push(page);
    page = carried;
    used = carried.reduce((a, p) => a + p.chars, 0);
  };
  for (const p of pieces) {
    if (page.length > 0 && (page.length + 1 > room || used + p.chars > maxChars)) close();
    if (page.length === 0 && p.block.type === 'divider') continue;
    page.push(p);
    used += p.chars;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

function titleOf(message: Message): string {
  const header = message.blocks.find((b) => b.type === 'header' && (b.level ?? 1) === 1);
  const words = header?.type === 'header' ? header.text : message.text.split('\n')[0] ?? '';
  return mrkdwnFit(plainLine(words), 200);
}

function fallbackText(message: Message, pieces: readonly Piece[]): string {
  let words = message.text.trim();
  if (words === '') {
    const first = pieces.find((p) => p.block.type === 'header' || p.block.type === 'section');
    words = first === undefined ? '' : blockText(first.block).replace(/[*_]/g, '');
    return truncate(words, FALLBACK_TEXT_LIMIT);
  }
  return mrkdwnFit(textTokens(words), FALLBACK_TEXT_LIMIT);
}

// ── Blocks ─────────────────────────────────────────────────────────────────

/** Renders neutral blocks for a surface, without splitting them into messages. */
export function renderPieces(blocks: readonly Block[], surface: Surface): Piece[] {
  const out: Piece[] = [];
  blocks.forEach((block, i) => {
    const rendered = renderBlock(block, surface);
    // The line that introduces a table stays with its heading and the table.
    if (block.type === 'context' && blocks[i - 1]?.type === 'header') rendered.forEach((p) => (p.keepWithNext = true));
    out.push(...rendered);
  });
  return out;
}

function renderBlock(block: Block, surface: Surface): Piece[] {
  switch (block.type) {
    case 'header':
      return header(block.text, block.level ?? 1);
    case 'section':
      return sections(tokens(block.text));
    case 'fields':
      return fields(block.fields);
    case 'badge': {
      const toks = statusTokens(block.status, block.label, 1);
      if (block.text !== undefined && toPlainText(block.text).trim() !== '') toks.push(space(), ...textTokens('—'), space(), ...tokens(block.text));
      return sections(toks);
    }
    case 'table':
      return table(block.columns, block.rows, block.footer);
    case 'list':
      return list(block.items, block.ordered ?? false);
    case 'context':
      return context(tokens(block.text));
    case 'divider':
      return [piece({ type: 'divider' }, 0)];
    case 'actions':
      return actions(block.buttons);
    case 'select':
      return select(block, surface);
    case 'input':
      return input(block, surface);
  }
}

function piece(block: SlackBlock, items = 1, keepWithNext = false): Piece {
  return { block, chars: blockText(block).length, items, keepWithNext };
}

/** All the text a block shows, joined: for measuring. */
export function blockText(block: SlackBlock): string {
  switch (block.type) {
    case 'header':
      return block.text.text;
    case 'section':
      return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)].join('');
    case 'context':
      return block.elements.map((e) => e.text).join('');
    case 'divider':
      return '';
    case 'actions':
      return block.elements.map((e) => (e.type === 'button' ? e.text.text : '')).join('');
    case 'input':
      return block.label.text;
  }
}

export function mrkdwn(text: string): MrkdwnObject {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function plainText(text: string, limit: number): PlainTextObject {
  return { type: 'plain_text', text: truncate(plainLine(text), limit) || '—', emoji: true };
}

function textPieces(text: string): Piece[] {
  return sections(textTokens(text));
}

function sections(toks: readonly Token[], items = 1, keepWithNext = false): Piece[] {
  return cut(toks, L.sectionText).map((p) => piece({ type: 'section', text: mrkdwn(emit(p)) }, items, keepWithNext));
}

function header(text: string, level: 1 | 2 | 3): Piece[] {
  const words = plainLine(text);
  if (words === '') return [];
  if (level === 3 || words.length > L.headerText) {
    // A sub-heading, or a heading too long for a header block: bold text, so none of it is lost.
    return sections(textTokens(words, 1), 0, true);
  }
  return [piece({ type: 'header', text: { type: 'plain_text', text: words, emoji: true } }, 0, true)];
}

function context(toks: readonly Token[], keepWithNext = false): Piece[] {
  const elements = cut(toks, L.contextText).map((p) => mrkdwn(emit(p)));
  const out: Piece[] = [];
  for (let i = 0; i < elements.length; i += L.contextElements) {
    out.push(piece({ type: 'context', elements: elements.slice(i, i + L.contextElements) }, 1, keepWithNext));
  }
  return out;
}

function contextBlock(text: string): SlackBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}

function labelled(label: string, value: RichText): Token[] {
  const head = textTokens(plainLine(label), 1);
  const body = tokens(value);
  if (head.length === 0) return body;
  return body.length === 0 ? head : [...head, nl(), ...body];
}

function fields(list: readonly { label: string; value: RichText }[]): Piece[] {
  const out: Piece[] = [];
  let batch: MrkdwnObject[] = [];
  const flush = (): void => {
    if (batch.length > 0) out.push(piece({ type: 'section', fields: batch }, batch.length));
    batch = [];
  };
  for (const f of list) {
    const toks = labelled(f.label, f.value);
    const parts = mrkdwnPieces(toks, L.fieldText);
    if (parts.length === 0) continue;
    if (parts.length > 1) {
      // Too long for a field: a section of its own, cut as a section is.
      flush();
      out.push(...sections(toks));
      continue;
    }
    batch.push(mrkdwn(parts[0]!));
    if (batch.length === L.sectionFields) flush();
  }
  flush();
  return out;
}

// ── Tables ─────────────────────────────────────────────────────────────────
// Block Kit has no table that works on a phone. Each row becomes a short paragraph:
//   *1.2* Title of the action
//   Lead: Jo Bloggs · Due: 30 Nov 2023 · :large_orange_circle: Some concerns
//   Latest update: the lead's note …
// and rows are packed into sections (blank line between), cut between rows.

const SHORT_CELL = 60;

function isBlank(text: RichText): boolean {
  return spans(text).every((s) => s.kind === 'text' && s.text.trim() === '');
}

function isStatusOnly(text: RichText): boolean {
  const list = spans(text).filter((s) => !(s.kind === 'text' && s.text.trim() === ''));
  return list.length > 0 && list.every((s) => s.kind === 'status');
}

/** Whether the second column reads as the first's title ("1.2" then "Improve …"). */
function titleColumn(columns: readonly TableColumn[]): boolean {
  const second = columns[1];
  return columns.length >= 3 && second !== undefined && second.status === undefined && (second.align ?? 'left') === 'left';
}

export function rowTokens(columns: readonly TableColumn[], row: readonly RichText[], strong = false): Token[] {
  const cell = (i: number): RichText => row[i] ?? '';
  const emphasis = strong ? 1 : 0;
  const first: Token[] = [];
  if (!isBlank(cell(0))) first.push(...tokens(cell(0), 1));
  const joinTitle = titleColumn(columns);
  if (joinTitle && !isBlank(cell(1))) {
    if (first.length > 0) first.push(space());
    first.push(...tokens(cell(1), emphasis));
  }
  const short: Token[][] = [];
  const long: Token[][] = [];
  for (let i = joinTitle ? 2 : 1; i < columns.length; i++) {
    const value = cell(i);
    if (isBlank(value)) continue;
    const column = columns[i]!;
    const head: Token[] = [];
    if (!isStatusOnly(value)) {
      if (column.status) head.push({ kind: 'atom', text: BRAG_EMOJI[column.status], style: 0 }, space());
      head.push(...textTokens(`${plainLine(column.label)}:`), space());
    }
    const body = tokens(value, emphasis);
    const plain = toPlainText(value);
    (plain.length > SHORT_CELL || plain.includes('\n') ? long : short).push([...head, ...body]);
  }
  const lines: Token[][] = [];
  if (first.length > 0) lines.push(first);
  if (short.length > 0) {
    lines.push(short.flatMap((t, i) => (i === 0 ? t : [space(), ...textTokens('·'), space(), ...t])));
  }
  lines.push(...long);
  return lines.flatMap((l, i) => (i === 0 ? l : [nl(), ...l]));
}

function table(columns: readonly TableColumn[], rows: readonly (readonly RichText[])[], footer?: readonly RichText[]): Piece[] {
  if (columns.length === 0) return [];
  const out = packRows(rows.map((r) => rowTokens(columns, r)), '\n\n');
  if (footer !== undefined && footer.some((c) => !isBlank(c))) out.push(...sections(rowTokens(columns, footer, true), 0));
  return out;
}

/**
 * Packs entries (rows, list items) into sections of at most 3,000 characters, in order, each
 * whole where it fits; an entry longer than a section is cut across several.
 */
function packRows(entries: readonly Token[][], separator: string): Piece[] {
  const out: Piece[] = [];
  let text = '';
  let count = 0;
  const flush = (): void => {
    if (text !== '') out.push(piece({ type: 'section', text: mrkdwn(text) }, count));
    text = '';
    count = 0;
  };
  for (const entry of entries) {
    const parts = mrkdwnPieces(entry, L.sectionText);
    if (parts.length === 0) continue;
    if (parts.length > 1) {
      flush();
      parts.forEach((p, i) => out.push(piece({ type: 'section', text: mrkdwn(p) }, i === 0 ? 1 : 0)));
      continue;
    }
    const part = parts[0]!;
    if (text !== '' && text.length + separator.length + part.length > L.sectionText) flush();
    text = text === '' ? part : `${text}${separator}${part}`;
    count += 1;
  }
  flush();
  return out;
}

function list(items: readonly RichText[], ordered: boolean): Piece[] {
  return packRows(
    items.map((item, i) => [...textTokens(ordered ? `${i + 1}.` : '•'), space(), ...tokens(item)]),
    '\n',
  );
}

// ── Buttons, selects and inputs ────────────────────────────────────────────

function checkId(id: string, what: string): string {
  if (id === '' || id.length > L.actionId) throw new Error(`${what} id must be 1 to ${L.actionId} characters: "${id.slice(0, 40)}…"`);
  return id;
}

export function buttonElement(button: Button): ButtonElement {
  if (button.value.length > L.buttonValue) {
    throw new Error(`The value of button "${button.id}" is ${button.value.length} characters; Slack accepts ${L.buttonValue}`);
  }
  const element: ButtonElement = {
    type: 'button',
    action_id: checkId(button.id, 'A button'),
    text: plainText(button.label, L.buttonText),
    value: button.value,
  };
  if (button.style) element.style = button.style;
  return element;
}

/**
 * Buttons in actions blocks of at most 25. Slack wants action ids unique within a block, so a
 * button whose id is already in the block starts another block: `action_id` is always the id.
 */
function actions(buttons: readonly Button[]): Piece[] {
  const out: Piece[] = [];
  let elements: ButtonElement[] = [];
  const flush = (): void => {
    if (elements.length > 0) out.push(piece({ type: 'actions', elements } satisfies ActionsBlock));
    elements = [];
  };
  for (const b of buttons) {
    const element = buttonElement(b);
    if (elements.length === L.actionsElements || elements.some((e) => e.action_id === element.action_id)) flush();
    elements.push(element);
  }
  flush();
  return out;
}

function option(o: SelectOption): SlackOption {
  if (o.value.length > L.optionValue || o.value === '') {
    throw new Error(`A select option's value must be 1 to ${L.optionValue} characters: "${o.value.slice(0, 40)}…"`);
  }
  return { text: plainText(o.label, L.optionText), value: o.value };
}

export function selectElement(block: Extract<Block, { type: 'select' }>): StaticSelectElement {
  if (block.options.length > L.selectOptions) {
    throw new Error(`Select "${block.id}" has ${block.options.length} options; Slack shows at most ${L.selectOptions}`);
  }
  const options = block.options.map(option);
  const element: StaticSelectElement = { type: 'static_select', action_id: checkId(block.id, 'A select'), options };
  if (block.placeholder) element.placeholder = plainText(block.placeholder, L.placeholder);
  const initial = options.find((o) => o.value === block.initial);
  if (initial) element.initial_option = initial;
  return element;
}

function select(block: Extract<Block, { type: 'select' }>, surface: Surface): Piece[] {
  if (block.options.length === 0) return sections(textTokens(block.label));
  const element = selectElement(block);
  if (surface === 'modal') {
    return [piece({ type: 'input', block_id: block.id, label: plainText(block.label, L.inputLabel), element } satisfies InputBlock)];
  }
  const label = mrkdwnFit(textTokens(block.label), L.sectionText) || ' ';
  return [piece({ type: 'section', block_id: block.id, text: mrkdwn(label), accessory: element } satisfies SectionBlock)];
}

export function inputElement(block: Extract<Block, { type: 'input' }>): InputElement {
  const id = checkId(block.id, 'An input');
  if (block.placeholder === DATE_PLACEHOLDER) {
    const element: DatepickerElement = { type: 'datepicker', action_id: id, placeholder: plainText('Pick a date', L.placeholder) };
    if (block.initial !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(block.initial)) element.initial_date = block.initial;
    return element;
  }
  const maxLength = Math.min(block.maxLength ?? L.inputMaxLength, L.inputMaxLength);
  if (block.initial !== undefined && block.initial.length > maxLength) {
    throw new Error(`Input "${block.id}" starts with ${block.initial.length} characters; it takes at most ${maxLength}`);
  }
  return {
    type: 'plain_text_input',
    action_id: id,
    multiline: block.multiline ?? false,
    max_length: maxLength,
    ...(block.initial !== undefined && block.initial !== '' ? { initial_value: block.initial } : {}),
    ...(block.placeholder ? { placeholder: plainText(block.placeholder, L.placeholder) } : {}),
  };
}

function input(block: Extract<Block, { type: 'input' }>, surface: Surface): Piece[] {
  const rendered: InputBlock = {
    type: 'input',
    block_id: block.id,
    label: plainText(block.label, L.inputLabel),
    element: inputElement(block),
  };
  // Outside a modal there is no submit button: the input sends its value when used.
  if (surface !== 'modal') rendered.dispatch_action = true;
  return [piece(rendered)];
}


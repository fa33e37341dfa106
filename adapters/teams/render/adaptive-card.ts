import type { Form, Message } from '../../../src/chat/message.ts';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard, type CardElement, type ExecuteAction, type Table, type TextBlock } from './adaptive-card-types.ts';
import { cardLine, cardText, textLines, truncate } from './card-text.ts';
import { byteSize, errorBlock, headingBlock, renderUnits, richBlocks, RESERVED_INPUT_IDS, type TableFrame, type Unit } from './elements.ts';
import { TEAMS_LIMITS as L } from './limits.ts';

/** One card to send, with the plain text that goes with it (notification, screen readers, clients without cards). */
export interface RenderedCard {
  card: AdaptiveCard;
  /**
   * Plain text, not Markdown: send it with `textFormat: 'plain'` (or as the activity's `summary`),
   * since Teams would read Markdown and some HTML in an activity's `text`.
   */
  text: string;
}

export interface AdaptiveCardOptions {
  /** Bytes of card JSON before another card is started (default 24,000; Teams takes about 28 KB a message in all). */
  maxBytes?: number;
}

/** The verb of a form's submit button: `form:<form id>`. */
export const FORM_VERB_PREFIX = 'form:';

export function formVerb(formId: string): string {
  return `${FORM_VERB_PREFIX}${formId}`;
}

/** The form id in a submit's verb, or null for a button's verb. */
export function parseFormVerb(verb: string): string | null {
  return verb.startsWith(FORM_VERB_PREFIX) ? verb.slice(FORM_VERB_PREFIX.length) : null;
}

function emptyCard(body: CardElement[] = []): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body, msteams: { width: 'Full' } };
}

/**
 * Renders a neutral message as one or more Adaptive Cards (1.5). A message too large for one
 * Teams message (about 28 KB) is split: between elements, and a table between rows, each card
 * after the first opening with a "Continued (part 2 of 3)" line and a continued table repeating
 * its header row. Nothing is dropped. User text goes into TextRuns, which Teams shows literally
 * (see card-text.ts); buttons become `Action.Execute` with `verb` = the button's id and
 * `data: { value }`.
 */
export function renderAdaptiveCard(message: Message, options: AdaptiveCardOptions = {}): RenderedCard[] {
  const maxBytes = Math.max(4_000, options.maxBytes ?? L.cardBytes);
  let units = renderUnits(message.blocks);
  if (!units.some((u) => u.kind !== 'divider')) units = richBlocks(textLines(message.text)).map((element) => ({ kind: 'element', element, keepWithNext: false }));
  if (units.length === 0) throw new Error('renderAdaptiveCard: the message has no text and no blocks');

  const fallback = fallbackText(message);
  const title = titleOf(message);
  // Room for the envelope and for the "continued" line every later card opens with.
  const reserve = byteSize(emptyCard()) + byteSize(continuedLine(999, 999, title)) + 1;
  const pages = paginate(units, maxBytes - reserve);
  if (pages.length === 1) return [{ card: emptyCard(pages[0]), text: fallback }];
  return pages.map((body, i) => {
    const part = `part ${i + 1} of ${pages.length}`;
    if (i > 0) body.unshift(continuedLine(i + 1, pages.length, title));
    return { card: emptyCard(body), text: i === 0 ? fallback : `${truncate(fallback, L.fallbackText - part.length - 3)} (${part})` };
  });
}

function continuedLine(part: number, of: number, title: string): CardElement {
  const words = `Continued (part ${part} of ${of})${title === '' ? '' : ` — ${title}`}`;
  return richBlocks([[{ type: 'TextRun', text: words, isSubtle: true, size: 'small' }]])[0]!;
}

function titleOf(message: Message): string {
  const header = message.blocks.find((b) => b.type === 'header' && (b.level ?? 1) === 1);
  const words = header?.type === 'header' ? header.text : message.text.split('\n')[0] ?? '';
  return truncate(cardLine(words), 200);
}

function fallbackText(message: Message): string {
  let words = cardText(message.text).trim();
  if (words === '') words = titleOf(message);
  return truncate(words, L.fallbackText);
}

// ── Splitting into cards ───────────────────────────────────────────────────

interface Placed {
  element: CardElement;
  keepWithNext: boolean;
  /** Set while rows may still be added to this table. */
  frame?: TableFrame;
}

/**
 * Places units on pages of at most `budget` bytes of body (elements joined by commas, as
 * JSON.stringify writes them). A table is cut between rows; a heading (and the line introducing
 * what follows it) left at the foot of a page moves to the next with what it introduces.
 */
function paginate(units: readonly Unit[], budget: number): CardElement[][] {
  const pages: CardElement[][] = [];
  let page: Placed[] = [];
  let used = 0;
  let separator = false;

  const measure = (): void => {
    used = page.reduce((a, p, i) => a + byteSize(p.element) + (i > 0 ? 1 : 0), 0);
  };
  const close = (): void => {
    const carried: Placed[] = [];
    while (page.length > carried.length + 1 && page[page.length - 1]!.keepWithNext) carried.unshift(page.pop()!);
    pages.push(page.map((p) => p.element));
    page = carried;
    if (page[0] !== undefined) delete page[0].element.separator;
    measure();
  };
  const place = (element: CardElement, keepWithNext: boolean, frame?: TableFrame): void => {
    if (separator && page.length > 0) element.separator = true;
    separator = false;
    let cost = byteSize(element) + (page.length > 0 ? 1 : 0);
    if (page.length > 0 && used + cost > budget) {
      close();
      delete element.separator;
      cost = byteSize(element) + (page.length > 0 ? 1 : 0);
    }
    page.push(frame === undefined ? { element, keepWithNext } : { element, keepWithNext, frame });
    used += cost;
  };

  for (const unit of units) {
    if (unit.kind === 'divider') {
      separator = page.length > 0;
      continue;
    }
    if (unit.kind === 'element') {
      place(structuredClone(unit.element), unit.keepWithNext);
      continue;
    }
    const last = page[page.length - 1];
    if (last !== undefined && last.frame === unit.table && !separator) {
      const cost = byteSize(unit.row) + 1;
      if (used + cost <= budget) {
        (last.element as Table).rows.push(unit.row);
        used += cost;
        continue;
      }
    }
    const table: Table = { type: 'Table', columns: unit.table.columns, rows: [unit.table.header, unit.row], firstRowAsHeader: true, showGridLines: true };
    place(table, false, unit.table);
  }
  if (page.length > 0) pages.push(page.map((p) => p.element));
  return pages.filter((p) => p.length > 0);
}

// ── Forms ──────────────────────────────────────────────────────────────────

/**
 * A neutral form as a card: its fields, then a submit button (`Action.Execute`, verb
 * `form:<form.id>`, `data: { state }`; Teams adds every input's value to `data`). With `errors`,
 * the card opens with a line asking for corrections and shows each field's error (attention
 * colour, in words) under it; an error for no field on the card is shown at the top. `values`
 * fills the fields with what was submitted, so an error costs the person nothing they typed.
 *
 * A form cannot be split across cards: one too large for a Teams message throws. Values too long for
 * their fields (only a crafted request sends them: clients stop at `maxLength`) are shown cut to the
 * field's length when shown whole they would not fit.
 */
export function renderFormCard(form: Form, errors?: Readonly<Record<string, string>>, values?: Readonly<Record<string, string>>): AdaptiveCard {
  const card = formCard(form, errors, values);
  const size = byteSize(card);
  if (size <= L.cardBytes) return card;
  if (values !== undefined) {
    const clipped = formCard(form, errors, clipToFields(form, values));
    if (byteSize(clipped) <= L.cardBytes) return clipped;
  }
  throw new Error(`Form "${form.id}" renders to ${size} bytes; a Teams card must stay under ${L.cardBytes}`);
}

function clipToFields(form: Form, values: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...values };
  for (const block of form.blocks) {
    if (block.type !== 'input' || block.maxLength === undefined) continue;
    const value = out[block.id];
    if (value !== undefined) out[block.id] = [...value].slice(0, block.maxLength).join('');
  }
  return out;
}

function formCard(form: Form, errors?: Readonly<Record<string, string>>, values?: Readonly<Record<string, string>>): AdaptiveCard {
  const ids = new Set<string>();
  for (const block of form.blocks) {
    if (block.type !== 'input' && block.type !== 'select') continue;
    if (ids.has(block.id)) throw new Error(`Two fields in form "${form.id}" share the id "${block.id}"`);
    ids.add(block.id);
  }
  const listed = Object.entries(errors ?? {}).filter(([, m]) => m.trim() !== '');
  const body: CardElement[] = [];
  const title = cardLine(form.title);
  if (title !== '') body.push(headingBlock(title, 2));
  if (listed.length > 0) {
    const count = listed.filter(([id]) => ids.has(id)).length;
    const summary: TextBlock = errorBlock(
      count === 0 ? 'This could not be saved.' : count === 1 ? 'Please correct the field marked below.' : `Please correct the ${count} fields marked below.`,
      'form-errors',
    );
    summary.weight = 'bolder';
    body.push(summary);
    for (const [id, message] of listed) if (!ids.has(id)) body.push(errorBlock(message));
  }
  const fields = { ...(errors ? { errors } : {}), ...(values ? { values } : {}) };
  body.push(...paginate(renderUnits(form.blocks, fields), Number.POSITIVE_INFINITY).flat());

  const submit: ExecuteAction = {
    type: 'Action.Execute',
    title: truncate(cardLine(form.submitLabel), L.buttonTitle) || 'Submit',
    verb: formVerb(form.id),
    data: { state: form.state },
    style: 'positive',
  };
  return { ...emptyCard(body), actions: [submit] };
}

/**
 * The values a person submitted with a card, by input id, from an invoke's `value.action.data`:
 * text as typed (line breaks as `\n`), a choice's value, a date as YYYY-MM-DD, several choices
 * joined by commas. The keys the renderer put there itself (`value`, `state`) are left out.
 */
export function readCardValues(data: Readonly<Record<string, unknown>> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(data ?? {})) {
    if (RESERVED_INPUT_IDS.has(key)) continue;
    if (typeof v === 'string') out[key] = v.replace(/\r\n?/g, '\n');
    else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[key] = v.join(',');
  }
  return out;
}

/**
 * Checks a Slack payload against Block Kit's published limits and rules, independently of the
 * renderer (it does not import it): the renderer's tests assert on every output, and the fake
 * Slack refuses a payload that breaks them, as Slack does (`invalid_blocks`).
 *
 * Returns a list of problems, empty when the payload is valid.
 */

type Json = Record<string, unknown>;
export type Surface = 'message' | 'modal' | 'home';

const LIMITS = {
  message: 50,
  view: 100,
  text: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  context: 10,
  actions: 25,
  button: 75,
  buttonValue: 2000,
  id: 255,
  options: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  label: 2000,
  maxLength: 3000,
  title: 24,
  metadata: 3000,
  messageText: 40_000,
} as const;

export function checkBlockKitLimits(message: { text?: unknown; blocks?: unknown }, surface: Surface = 'message'): string[] {
  const problems: string[] = [];
  if (message.text !== undefined) {
    if (typeof message.text !== 'string') problems.push('text: not a string');
    else if (message.text.length > LIMITS.messageText) problems.push(`text: ${message.text.length} > ${LIMITS.messageText}`);
  }
  if (message.blocks === undefined) return problems;
  if (!Array.isArray(message.blocks)) return [...problems, 'blocks: not an array'];
  const max = surface === 'message' ? LIMITS.message : LIMITS.view;
  if (message.blocks.length > max) problems.push(`blocks: ${message.blocks.length} > ${max}`);
  const blockIds = new Set<string>();
  message.blocks.forEach((b, i) => checkBlock(b as Json, `blocks[${i}]`, surface, blockIds, problems));
  return problems;
}

export function checkViewLimits(view: unknown): string[] {
  const problems: string[] = [];
  const v = view as Json;
  if (v === null || typeof v !== 'object') return ['view: not an object'];
  if (v.type !== 'modal' && v.type !== 'home') problems.push(`view.type: ${String(v.type)}`);
  if (v.type === 'modal') {
    textObject(v.title, 'view.title', LIMITS.title, problems, 'plain_text');
    if (v.submit !== undefined) textObject(v.submit, 'view.submit', LIMITS.title, problems, 'plain_text');
    if (v.close !== undefined) textObject(v.close, 'view.close', LIMITS.title, problems, 'plain_text');
    const blocks = Array.isArray(v.blocks) ? (v.blocks as Json[]) : [];
    if (blocks.some((b) => b.type === 'input') && v.submit === undefined) problems.push('view.submit: required with input blocks');
  }
  if (typeof v.private_metadata === 'string' && v.private_metadata.length > LIMITS.metadata) {
    problems.push(`view.private_metadata: ${v.private_metadata.length} > ${LIMITS.metadata}`);
  }
  if (typeof v.callback_id === 'string' && v.callback_id.length > LIMITS.id) problems.push('view.callback_id: too long');
  problems.push(...checkBlockKitLimits({ blocks: v.blocks ?? [] }, v.type === 'home' ? 'home' : 'modal'));
  return problems;
}

function textObject(t: unknown, at: string, limit: number, problems: string[], only?: 'plain_text' | 'mrkdwn'): void {
  const o = t as Json;
  if (o === null || typeof o !== 'object') {
    problems.push(`${at}: missing text object`);
    return;
  }
  if (o.type !== 'plain_text' && o.type !== 'mrkdwn') problems.push(`${at}.type: ${String(o.type)}`);
  if (only && o.type !== only) problems.push(`${at}.type: must be ${only}`);
  if (typeof o.text !== 'string') {
    problems.push(`${at}.text: not a string`);
    return;
  }
  if (o.text.length === 0) problems.push(`${at}.text: empty`);
  if (o.text.length > limit) problems.push(`${at}.text: ${o.text.length} > ${limit}`);
  if (o.type === 'plain_text' && o.verbatim !== undefined) problems.push(`${at}: verbatim is for mrkdwn only`);
  if (o.type === 'mrkdwn' && o.emoji !== undefined) problems.push(`${at}: emoji is for plain_text only`);
}

function id(value: unknown, at: string, problems: string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.id) problems.push(`${at}: must be 1-${LIMITS.id} characters`);
}

function checkBlock(b: Json, at: string, _surface: Surface, blockIds: Set<string>, problems: string[]): void {
  if (b === null || typeof b !== 'object') {
    problems.push(`${at}: not an object`);
    return;
  }
  id(b.block_id, `${at}.block_id`, problems);
  if (typeof b.block_id === 'string') {
    if (blockIds.has(b.block_id)) problems.push(`${at}.block_id: duplicate "${b.block_id}"`);
    blockIds.add(b.block_id);
  }
  switch (b.type) {
    case 'header':
      textObject(b.text, `${at}.text`, LIMITS.header, problems, 'plain_text');
      break;
    case 'section': {
      if (b.text === undefined && b.fields === undefined) problems.push(`${at}: needs text or fields`);
      if (b.text !== undefined) textObject(b.text, `${at}.text`, LIMITS.text, problems);
      if (b.fields !== undefined) {
        const fields = b.fields as unknown[];
        if (!Array.isArray(fields) || fields.length === 0) problems.push(`${at}.fields: empty`);
        else {
          if (fields.length > LIMITS.fields) problems.push(`${at}.fields: ${fields.length} > ${LIMITS.fields}`);
          fields.forEach((f, i) => textObject(f, `${at}.fields[${i}]`, LIMITS.field, problems));
        }
      }
      if (b.accessory !== undefined) element(b.accessory as Json, `${at}.accessory`, problems, new Set());
      break;
    }
    case 'context': {
      const elements = b.elements as unknown[];
      if (!Array.isArray(elements) || elements.length === 0) problems.push(`${at}.elements: empty`);
      else {
        if (elements.length > LIMITS.context) problems.push(`${at}.elements: ${elements.length} > ${LIMITS.context}`);
        elements.forEach((e, i) => textObject(e, `${at}.elements[${i}]`, LIMITS.text, problems));
      }
      break;
    }
    case 'divider':
      break;
    case 'actions': {
      const elements = b.elements as unknown[];
      if (!Array.isArray(elements) || elements.length === 0) problems.push(`${at}.elements: empty`);
      else {
        if (elements.length > LIMITS.actions) problems.push(`${at}.elements: ${elements.length} > ${LIMITS.actions}`);
        const actionIds = new Set<string>();
        elements.forEach((e, i) => element(e as Json, `${at}.elements[${i}]`, problems, actionIds));
      }
      break;
    }
    case 'input': {
      textObject(b.label, `${at}.label`, LIMITS.label, problems, 'plain_text');
      if (b.hint !== undefined) textObject(b.hint, `${at}.hint`, LIMITS.label, problems, 'plain_text');
      element(b.element as Json, `${at}.element`, problems, new Set());
      const type = (b.element as Json | undefined)?.type;
      if (!['plain_text_input', 'static_select', 'datepicker', 'timepicker', 'radio_buttons', 'checkboxes', 'number_input', 'email_text_input', 'url_text_input'].includes(String(type))) {
        problems.push(`${at}.element.type: ${String(type)} is not an input element`);
      }
      break;
    }
    default:
      problems.push(`${at}.type: unknown block type ${String(b.type)}`);
  }
}

function element(e: Json, at: string, problems: string[], actionIds: Set<string>): void {
  if (e === null || typeof e !== 'object') {
    problems.push(`${at}: not an object`);
    return;
  }
  id(e.action_id, `${at}.action_id`, problems);
  if (typeof e.action_id === 'string') {
    if (actionIds.has(e.action_id)) problems.push(`${at}.action_id: duplicate "${e.action_id}" in one block`);
    actionIds.add(e.action_id);
  }
  if (e.placeholder !== undefined) textObject(e.placeholder, `${at}.placeholder`, LIMITS.placeholder, problems, 'plain_text');
  switch (e.type) {
    case 'button':
      textObject(e.text, `${at}.text`, LIMITS.button, problems, 'plain_text');
      if (e.value !== undefined && (typeof e.value !== 'string' || e.value.length > LIMITS.buttonValue)) {
        problems.push(`${at}.value: longer than ${LIMITS.buttonValue}`);
      }
      if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') problems.push(`${at}.style: ${String(e.style)}`);
      break;
    case 'static_select': {
      const options = e.options as Json[];
      if (!Array.isArray(options) || options.length === 0) problems.push(`${at}.options: empty`);
      else {
        if (options.length > LIMITS.options) problems.push(`${at}.options: ${options.length} > ${LIMITS.options}`);
        options.forEach((o, i) => option(o, `${at}.options[${i}]`, problems));
        if (e.initial_option !== undefined) {
          const initial = JSON.stringify(e.initial_option);
          if (!options.some((o) => JSON.stringify(o) === initial)) problems.push(`${at}.initial_option: not one of the options`);
        }
      }
      break;
    }
    case 'plain_text_input': {
      const max = e.max_length;
      if (max !== undefined && (typeof max !== 'number' || max < 1 || max > LIMITS.maxLength)) problems.push(`${at}.max_length: ${String(max)}`);
      if (typeof e.initial_value === 'string' && typeof max === 'number' && e.initial_value.length > max) {
        problems.push(`${at}.initial_value: longer than max_length`);
      }
      break;
    }
    case 'datepicker':
      if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(e.initial_date))) problems.push(`${at}.initial_date: not YYYY-MM-DD`);
      break;
    default:
      break;
  }
}

function option(o: Json, at: string, problems: string[]): void {
  textObject(o.text, `${at}.text`, LIMITS.optionText, problems, 'plain_text');
  if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > LIMITS.optionValue) {
    problems.push(`${at}.value: must be 1-${LIMITS.optionValue} characters`);
  }
}

import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardElement, ExecuteAction, InputChoiceSet, InputDate, InputText, TextBlock } from '../../../../adapters/teams/render/adaptive-card-types.ts';
import { formVerb, parseFormVerb, readCardValues, renderFormCard } from '../../../../adapters/teams/render/adaptive-card.ts';
import type { ActionForUpdate } from '../../../../src/app/ports/store.ts';
import { updateForm } from '../../../../src/chat/forms/update-form.ts';
import type { Form } from '../../../../src/chat/message.ts';
import { bytes, elementsOf, MARKUP_TAGS, shownMarkdown, textBlocksOf } from './support.ts';

const ACTION: ActionForUpdate = {
  id: 'act-42',
  ref: '1.2',
  title: 'Refresh the SEND protocol',
  programmeId: 'prog-1',
  workstreamIds: ['ws-1'],
  leadPersonIds: ['p-priya'],
  status: 'amber',
  statusWord: 'On track some concerns',
  due: { date: '2025-03-31', precision: 'month' },
  inRegister: true,
};

type Input = InputText | InputDate | InputChoiceSet;

function inputs(card: AdaptiveCard): Input[] {
  return elementsOf(card).filter((e): e is Input => e.type.startsWith('Input.'));
}

function submitOf(card: AdaptiveCard): ExecuteAction {
  expect(card.actions).toHaveLength(1);
  const action = card.actions![0]!;
  expect(action.type).toBe('Action.Execute');
  return action as ExecuteAction;
}

/**
 * What Teams sends back when the submit is pressed: the action's data with each input's
 * current value merged in (text as typed, a choice's value, a date as YYYY-MM-DD).
 */
function submit(card: AdaptiveCard, typed: Record<string, string>): { verb: string; data: Record<string, unknown> } {
  const action = submitOf(card);
  const data: Record<string, unknown> = { ...action.data };
  for (const input of inputs(card)) data[input.id] = typed[input.id] ?? input.value ?? '';
  return { verb: action.verb, data };
}

describe('renderFormCard', () => {
  it('renders the update form: a heading, the action, BRAG choices, note, next steps, evidence link, revised date, and a submit', () => {
    const card = renderFormCard(updateForm(ACTION));
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(card.body[0]).toEqual({ type: 'TextBlock', text: 'Update 1.2', wrap: true, style: 'heading', weight: 'bolder', size: 'medium' });
    expect(inputs(card).map((i) => [i.type, i.id])).toEqual([
      ['Input.ChoiceSet', 'status'],
      ['Input.Text', 'note'],
      ['Input.Text', 'nextSteps'],
      ['Input.Text', 'evidenceUrl'],
      ['Input.Date', 'revisedDue'],
    ]);
    const [status, note, , evidence] = inputs(card) as [InputChoiceSet, InputText, InputText, InputText];
    expect(status).toMatchObject({ style: 'compact', value: 'amber', isRequired: false });
    expect(status.choices.map((c) => c.value)).toEqual(['blue', 'green', 'amber', 'red', 'grey']);
    expect(note).toMatchObject({ isMultiline: true, maxLength: 3000, isRequired: false, label: 'Progress' });
    expect(evidence).toMatchObject({ style: 'url', placeholder: 'https://' });
    expect(submitOf(card)).toEqual({ type: 'Action.Execute', title: 'Save update', verb: 'form:update', data: { state: 'act-42' }, style: 'positive' });
    expect(textBlocksOf(card).filter((t) => t.color === 'attention')).toEqual([]);
    expect(bytes(card)).toBeLessThan(28_000);
  });

  it('round-trips: what Teams sends back reads as the values typed, without the form’s own state', () => {
    const card = renderFormCard(updateForm(ACTION));
    const typed = { status: 'red', note: 'Delayed by\r\nrecruitment', nextSteps: '', evidenceUrl: 'https://hull.example/e', revisedDue: '2025-06-30' };
    const { verb, data } = submit(card, typed);
    expect(parseFormVerb(verb)).toBe('update');
    expect(data.state).toBe('act-42');
    expect(readCardValues(data)).toEqual({ ...typed, note: 'Delayed by\nrecruitment' });
  });

  it('shows each error under its field in the attention colour, keeps what was typed, and says so at the top', () => {
    const errors = { note: 'Say what has happened: a red status needs a note.', evidenceUrl: 'An evidence link must start with https://' };
    const values = { status: 'red', note: '', nextSteps: 'Recruit **two** <b>officers</b>', evidenceUrl: 'ftp://x', revisedDue: '' };
    const card = renderFormCard(updateForm(ACTION), errors, values);

    const summary = card.body[1] as TextBlock;
    expect(summary).toMatchObject({ type: 'TextBlock', color: 'attention', weight: 'bolder', text: 'Please correct the 2 fields marked below.' });

    const order = card.body.map((e: CardElement) => ('id' in e && e.id ? e.id : e.type));
    // Each error follows its field (and the field's hint), before the next field.
    expect(order.indexOf('note-error')).toBeGreaterThan(order.indexOf('note'));
    expect(order.indexOf('note-error')).toBeLessThan(order.indexOf('nextSteps'));
    expect(order.indexOf('evidenceUrl-error')).toBe(order.indexOf('evidenceUrl') + 1);

    const noteError = card.body.find((e) => e.id === 'note-error') as TextBlock;
    expect(noteError).toMatchObject({ type: 'TextBlock', color: 'attention', wrap: true });
    expect(shownMarkdown(noteError.text).text).toBe(errors.note);

    const byId = Object.fromEntries(inputs(card).map((i) => [i.id, i]));
    expect(byId.status!.value).toBe('red');
    expect(byId.nextSteps!.value).toBe('Recruit **two** <b>officers</b>');
    expect(byId.evidenceUrl!.value).toBe('ftp://x');
    expect(byId.note!.value).toBeUndefined();

    // Submitting again still reads back cleanly.
    expect(readCardValues(submit(card, { note: 'Recruitment delayed', evidenceUrl: 'https://hull.example/e' }).data)).toMatchObject({ note: 'Recruitment delayed', nextSteps: 'Recruit **two** <b>officers</b>', evidenceUrl: 'https://hull.example/e' });
  });

  it('escapes an error that repeats what a person typed', () => {
    const card = renderFormCard(updateForm(ACTION), { evidenceUrl: 'Not a web address: [x](javascript:alert(1)) <script>' });
    const error = card.body.find((e) => e.id === 'evidenceUrl-error') as TextBlock;
    const shown = shownMarkdown(error.text);
    expect(shown.html).not.toMatch(MARKUP_TAGS);
    expect(shown.text).toBe('Not a web address: [x](javascript:alert(1)) <script>');
  });

  it('shows an error for no field on the card at the top', () => {
    const card = renderFormCard(updateForm(ACTION), { '': 'This action has been closed since you opened the form.' });
    expect(card.body.slice(1, 3).map((e) => [(e as TextBlock).text, (e as TextBlock).color])).toEqual([
      ['This could not be saved.', 'attention'],
      ['This action has been closed since you opened the form.', 'attention'],
    ]);
  });

  it('refuses two fields with one id, and an id the submit’s data uses', () => {
    const form: Form = { id: 'f', title: 'T', submitLabel: 'Go', state: 's', blocks: [{ type: 'input', id: 'a', label: 'A' }, { type: 'input', id: 'a', label: 'A again' }] };
    expect(() => renderFormCard(form)).toThrow(/share the id "a"/);
    expect(() => renderFormCard({ ...form, blocks: [{ type: 'input', id: 'state', label: 'State' }] })).toThrow(/may not use the id "state"/);
  });

  it('shows back a value over its field’s length whole when the card has room, and cut to the field when not', () => {
    const over = 'n'.repeat(3_500);
    expect(inputs(renderFormCard(updateForm(ACTION), { note: 'Too long' }, { note: over })).find((i) => i.id === 'note')!.value).toBe(over);
    const flood = 'n'.repeat(50_000);
    const card = renderFormCard(updateForm(ACTION), { note: 'Too long', nextSteps: 'Too long' }, { note: flood, nextSteps: flood });
    const byId = Object.fromEntries(inputs(card).map((i) => [i.id, i.value]));
    expect([byId.note, byId.nextSteps]).toEqual(['n'.repeat(3_000), 'n'.repeat(2_000)]);
    expect(bytes(card)).toBeLessThan(24_000);
  });

  it('refuses a form too large for one Teams message, since a form cannot be split', () => {
    const blocks = Array.from({ length: 400 }, (_, i) => ({ type: 'input' as const, id: `f${i}`, label: `Field ${i} ${'x'.repeat(60)}` }));
    expect(() => renderFormCard({ id: 'big', title: 'Big', submitLabel: 'Go', state: '', blocks })).toThrow(/bytes; a Teams card must stay under/);
  });
});

describe('readCardValues and verbs', () => {
  it('reads strings, numbers, booleans and multi-choices, and leaves out the renderer’s own keys and objects', () => {
    expect(readCardValues({ value: 'a1', state: 's', verb: 'v', note: 'x\r\ny', count: 3, agreed: true, tags: ['a', 'b'], nested: { a: 1 }, nothing: null })).toEqual({
      note: 'x\ny',
      count: '3',
      agreed: 'true',
      tags: 'a,b',
    });
    expect(readCardValues(undefined)).toEqual({});
  });

  it('names a form’s submit form:<id> and tells it from a button', () => {
    expect(formVerb('update')).toBe('form:update');
    expect(parseFormVerb('form:update')).toBe('update');
    expect(parseFormVerb('update.open')).toBeNull();
  });
});

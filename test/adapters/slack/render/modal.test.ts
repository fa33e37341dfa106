import type { types } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type { InputBlock, ModalView, ViewState } from '../../../../adapters/slack/render/block-kit-types.ts';
import { readModalValues, renderModal, type ModalForm } from '../../../../adapters/slack/render/modal.ts';
import { rich, statusSpan } from '../../../../src/chat/message.ts';
import { startFakeSlack } from '../../../support/fake-slack/index.ts';
import { expectViewWithinLimits } from './support.ts';

const FORM: ModalForm = {
  callbackId: 'update.submit',
  title: 'Update 1.2.3 — Publish agreed response timescales',
  submitLabel: 'Save update',
  privateMetadata: JSON.stringify({ actionId: 'a-123', meeting: 'm-9' }),
  blocks: [
    { type: 'section', text: rich('1.2.3 Publish agreed response timescales · now ', statusSpan('amber', 'On track some concerns')) },
    {
      type: 'select',
      id: 'status',
      label: 'Status',
      options: [
        { label: 'On track', value: 'green' },
        { label: 'Some concerns', value: 'amber' },
        { label: 'Off track', value: 'red' },
        { label: 'Complete', value: 'blue' },
      ],
      initial: 'amber',
    },
    { type: 'input', id: 'note', label: 'Progress note', multiline: true, maxLength: 1500, initial: 'Panel met; <b>awaiting</b> cabinet' },
    { type: 'input', id: 'newDueDate', label: 'New due date', placeholder: 'YYYY-MM-DD', initial: '2025-04-30' },
  ],
  optional: ['newDueDate'],
};

/** What Slack sends back when the user submits the modal with these choices. */
function submitted(view: ModalView, answers: { note: string | null; status: string; date: string | null }): ViewState {
  const values: ViewState['values'] = {};
  for (const b of view.blocks) {
    if (b.type !== 'input') continue;
    const e = b.element;
    const v =
      e.type === 'plain_text_input'
        ? { type: e.type, value: answers.note }
        : e.type === 'static_select'
          ? { type: e.type, selected_option: { text: e.options.find((o) => o.value === answers.status)!.text, value: answers.status } }
          : { type: e.type, selected_date: answers.date };
    values[b.block_id!] = { [e.action_id]: v };
  }
  return { values };
}

describe('renderModal', () => {
  const view = renderModal(FORM);

  it('renders a modal within limits: title cut to 24 characters, submit, close, metadata', () => {
    expectViewWithinLimits(view);
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe('update.submit');
    expect(view.title).toEqual({ type: 'plain_text', text: 'Update 1.2.3 — Publish…', emoji: true });
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit!.text).toBe('Save update');
    expect(view.close!.text).toBe('Cancel');
    expect(JSON.parse(view.private_metadata!)).toEqual({ actionId: 'a-123', meeting: 'm-9' });
  });

  it('uses each block’s id as block_id and action_id', () => {
    const inputs = view.blocks.filter((b): b is InputBlock => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, b.element.action_id])).toEqual([
      ['status', 'status'],
      ['note', 'note'],
      ['newDueDate', 'newDueDate'],
    ]);
  });

  it('renders a select as a static select with its initial option', () => {
    const select = view.blocks.find((b) => b.block_id === 'status') as InputBlock;
    expect(select.element).toEqual({
      type: 'static_select',
      action_id: 'status',
      options: [
        { text: { type: 'plain_text', text: 'On track', emoji: true }, value: 'green' },
        { text: { type: 'plain_text', text: 'Some concerns', emoji: true }, value: 'amber' },
        { text: { type: 'plain_text', text: 'Off track', emoji: true }, value: 'red' },
        { text: { type: 'plain_text', text: 'Complete', emoji: true }, value: 'blue' },
      ],
      initial_option: { text: { type: 'plain_text', text: 'Some concerns', emoji: true }, value: 'amber' },
    });
    expect(select.optional).toBeUndefined();
  });

  it('renders a text input with its length limit and starting text, which stays as typed', () => {
    const note = view.blocks.find((b) => b.block_id === 'note') as InputBlock;
    expect(note.element).toEqual({ type: 'plain_text_input', action_id: 'note', multiline: true, max_length: 1500, initial_value: 'Panel met; <b>awaiting</b> cabinet' });
    expect(note.dispatch_action).toBeUndefined();
  });

  it('renders an input whose placeholder is YYYY-MM-DD as a date picker, optional when asked', () => {
    const date = view.blocks.find((b) => b.block_id === 'newDueDate') as InputBlock;
    expect(date.element).toMatchObject({ type: 'datepicker', action_id: 'newDueDate', initial_date: '2025-04-30' });
    expect(date.optional).toBe(true);
  });

  it('shows other blocks as in a message, escaped', () => {
    expect(view.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: expect.stringContaining(':large_orange_circle: On track some concerns') } });
  });

  it('reads submitted values back by id', () => {
    expect(readModalValues(submitted(view, { note: 'Cabinet approved *today*', status: 'green', date: '2025-05-31' }))).toEqual({
      status: 'green',
      note: 'Cabinet approved *today*',
      newDueDate: '2025-05-31',
    });
    expect(readModalValues(submitted(view, { note: null, status: 'red', date: null }))).toEqual({ status: 'red', note: '', newDueDate: '' });
    expect(readModalValues({ values: {} })).toEqual({});
    expect(readModalValues(undefined)).toEqual({});
  });

  it('reads time pickers, radio buttons and checkboxes too', () => {
    expect(
      readModalValues({
        values: {
          a: { a: { type: 'timepicker', selected_time: '09:30' } },
          b: { b: { type: 'radio_buttons', selected_option: { value: 'yes' } } },
          c: { c: { type: 'checkboxes', selected_options: [{ value: 'x' }, { value: 'y' }] } },
        },
      }),
    ).toEqual({ a: '09:30', b: 'yes', c: 'x,y' });
  });

  it('refuses what Slack would refuse: long metadata, two fields with one id, a long starting text', () => {
    expect(() => renderModal({ ...FORM, privateMetadata: 'x'.repeat(3001) })).toThrow(/3001/);
    expect(() => renderModal({ ...FORM, blocks: [...FORM.blocks, { type: 'input', id: 'note', label: 'Again' }] })).toThrow(/share the id "note"/);
    expect(() => renderModal({ ...FORM, blocks: [{ type: 'input', id: 'n', label: 'N', maxLength: 5, initial: 'too long' }] })).toThrow(/at most 5/);
    expect(() => renderModal({ ...FORM, blocks: [{ type: 'select', id: 's', label: 'S', options: Array.from({ length: 101 }, (_, i) => ({ label: `${i}`, value: `${i}` })) }] })).toThrow(/101 options/);
    expect(() => renderModal({ ...FORM, blocks: [{ type: 'select', id: 's', label: 'S', options: [{ label: 'x', value: 'v'.repeat(151) }] }] })).toThrow(/150/);
    expect(() => renderModal({ ...FORM, blocks: Array.from({ length: 101 }, () => ({ type: 'divider' as const })) })).toThrow(/101 blocks/);
  });

  it('caps an input’s length at Slack’s 3,000 characters', () => {
    const v = renderModal({ ...FORM, blocks: [{ type: 'input', id: 'n', label: 'N', maxLength: 10_000 }] });
    expect((v.blocks[0] as InputBlock).element).toMatchObject({ max_length: 3000 });
  });

  it('is a view @slack/types accepts, and the fake Slack opens it', async () => {
    const typed: types.ModalView = view;
    const fake = await startFakeSlack();
    try {
      const client = new WebClient(fake.token, { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
      const opened = await client.views.open({ trigger_id: '1.2.3', view: typed });
      expect(opened.view!.callback_id).toBe('update.submit');
      expect(fake.callsTo('views.open')[0]!.args.view).toEqual(JSON.parse(JSON.stringify(view)));
    } finally {
      await fake.close();
    }
  });
});

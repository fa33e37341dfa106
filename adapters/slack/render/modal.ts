import type { Block } from '../../../src/chat/message.ts';
import type { ModalView, ViewState } from './block-kit-types.ts';
import { plainText, renderPieces } from './block-kit.ts';
import { SLACK_LIMITS as L } from './limits.ts';

/** A neutral form, shown as a Slack modal. */
export interface ModalForm {
  /** Names the form's handler: comes back as `view.callback_id` on submission. */
  callbackId: string;
  /** At most 24 characters are shown; longer titles are cut with an ellipsis. */
  title: string;
  submitLabel: string;
  /** Comes back untouched with the submission (at most 3,000 characters), e.g. an action's id. */
  privateMetadata: string;
  /**
   * The form's content. `input` blocks become text inputs (a date picker when the placeholder
   * is `YYYY-MM-DD`), `select` blocks become drop-downs; both use the block's `id` as
   * `block_id` and `action_id`, so a value reads back as `state.values[id][id]`.
   * Other blocks are shown as in a message.
   */
  blocks: Block[];
  /** Ids of inputs and selects that may be left empty (Slack requires every input otherwise). */
  optional?: readonly string[];
  /** The close button's label (default "Cancel"). */
  closeLabel?: string;
}

/**
 * Renders a form as a `views.open` view. A modal cannot be split, so a form Slack would refuse
 * (over 100 blocks, metadata over 3,000 characters, two fields with one id) throws instead.
 */
export function renderModal(form: ModalForm): ModalView {
  if (form.callbackId === '' || form.callbackId.length > L.callbackId) {
    throw new Error(`A modal's callback id must be 1 to ${L.callbackId} characters`);
  }
  if (form.privateMetadata.length > L.privateMetadata) {
    throw new Error(`A modal's private metadata is ${form.privateMetadata.length} characters; Slack keeps ${L.privateMetadata}`);
  }
  const blocks = renderPieces(form.blocks, 'modal').map((p) => p.block);
  if (blocks.length > L.viewBlocks) throw new Error(`A modal has ${blocks.length} blocks; Slack shows at most ${L.viewBlocks}`);
  const ids = new Set<string>();
  const optional = new Set(form.optional ?? []);
  for (const b of blocks) {
    if (b.block_id === undefined) continue;
    if (ids.has(b.block_id)) throw new Error(`Two blocks in modal "${form.callbackId}" share the id "${b.block_id}"`);
    ids.add(b.block_id);
    if (b.type === 'input' && optional.has(b.block_id)) b.optional = true;
  }
  return {
    type: 'modal',
    callback_id: form.callbackId,
    title: plainText(form.title, L.viewTitle),
    submit: plainText(form.submitLabel, L.viewButton),
    close: plainText(form.closeLabel ?? 'Cancel', L.viewButton),
    private_metadata: form.privateMetadata,
    blocks,
  };
}

/**
 * A submitted view's values by action id (which is the block id for forms rendered here):
 * text inputs give their text, selects and radio buttons the chosen option's value, date
 * pickers `YYYY-MM-DD`, time pickers `HH:MM`, multi-selects and checkboxes their values joined
 * by commas. An element left empty gives ''.
 */
export function readModalValues(state: ViewState | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const block of Object.values(state?.values ?? {})) {
    for (const [actionId, v] of Object.entries(block)) {
      let value: string | null | undefined;
      if (v.selected_option !== undefined) value = v.selected_option?.value;
      else if (v.selected_date !== undefined) value = v.selected_date;
      else if (v.selected_time !== undefined) value = v.selected_time;
      else if (v.selected_options !== undefined) value = (v.selected_options ?? []).map((o) => o.value).join(',');
      else value = v.value;
      out[actionId] = value ?? '';
    }
  }
  return out;
}

import type { InteractiveElement, ModalView, SlackBlock } from '../../../adapters/slack/render/block-kit-types.ts';
import { BRAG_EMOJI } from '../../../adapters/slack/render/mrkdwn.ts';
import { shown, textObjects } from '../../adapters/slack/render/support.ts';
import type { Seen, SeenButton, SeenForm } from '../seen.ts';

const ZWSP = '\u200B';
const STATUS_EMOJI = new RegExp(Object.values(BRAG_EMOJI).join('|'), 'g');

/** What Slack shows of mrkdwn: links as their words, live emphasis markers gone, fenced (escaped) characters kept, entities decoded. */
export function readMrkdwn(mrkdwn: string): string {
  const unlinked = mrkdwn.replace(/<[^|>]+\|([^>]+)>/g, '$1').replace(STATUS_EMOJI, '');
  const unmarked = [...unlinked].filter((c, i, all) => !'*_~`'.includes(c) || (all[i - 1] === ZWSP && all[i + 1] === ZWSP)).join('');
  return shown(unmarked);
}

const read = (t: { type: string; text: string }) => (t.type === 'mrkdwn' ? readMrkdwn(t.text) : t.text);

function buttonsOf(blocks: readonly SlackBlock[], place: string | null): SeenButton[] {
  const elements: InteractiveElement[] = blocks.flatMap((b) => (b.type === 'actions' ? b.elements : b.type === 'section' && b.accessory ? [b.accessory] : []));
  return elements.flatMap((e) => (e.type === 'button' ? [{ id: e.action_id, label: e.text.text, value: e.value ?? '', place }] : []));
}

/** A message as posted (`chat.postMessage`, a response_url post, an ephemeral, a Home view). */
export function seenMessage(payload: { text?: string; blocks?: unknown[] }, place: string | null): Seen {
  const blocks = (payload.blocks ?? []) as SlackBlock[];
  return {
    text: blocks.length > 0 ? textObjects(blocks).map(read).join('\n') : readMrkdwn(payload.text ?? ''),
    buttons: buttonsOf(blocks, place),
  };
}

/** A modal opened with `views.open`: its words and its form. */
export function seenModal(view: ModalView, errors: Record<string, string> = {}): Seen {
  const fields: SeenForm['fields'] = {};
  const values: Record<string, string> = {};
  for (const b of view.blocks) {
    if (b.type !== 'input' || !b.block_id) continue;
    const e = b.element;
    fields[b.block_id] = e.type === 'static_select' ? 'select' : e.type === 'datepicker' ? 'date' : 'text';
    const initial = e.type === 'static_select' ? e.initial_option?.value : e.type === 'datepicker' ? e.initial_date : e.initial_value;
    if (initial !== undefined) values[b.block_id] = initial;
  }
  const seen = seenMessage({ blocks: [{ type: 'header', text: view.title }, ...view.blocks] }, null);
  const text = [seen.text, ...Object.values(errors)].join('\n');
  return { ...seen, text, form: { id: view.callback_id, title: view.title.text, state: view.private_metadata ?? '', fields, values, errors } };
}

import { ADAPTIVE_CARD_CONTENT_TYPE, FORM_VERB_PREFIX, type AdaptiveCard, type CardAction } from '../../../adapters/teams/render/index.ts';
import { elementsOf, shownLines } from '../../adapters/teams/render/support.ts';
import type { Seen, SeenButton, SeenForm } from '../seen.ts';

const ERROR_ID = /^(.+)-error$/;

/** A card's words, its buttons (Universal Actions) and, when it has inputs and a submit verb, its form. */
export function seenCard(card: AdaptiveCard, place: string | null): Seen {
  const elements = elementsOf(card);
  const actions: CardAction[] = [...elements.flatMap((e) => (e.type === 'ActionSet' ? e.actions : [])), ...(card.actions ?? [])];
  const buttons: SeenButton[] = [];
  let submit: Extract<CardAction, { type: 'Action.Execute' }> | undefined;
  for (const a of actions) {
    if (a.type !== 'Action.Execute') continue;
    if (a.verb.startsWith(FORM_VERB_PREFIX)) submit = a;
    else buttons.push({ id: a.verb, label: a.title ?? '', value: String(a.data?.value ?? ''), place });
  }
  const labels = elements.flatMap((e) => (e.type.startsWith('Input.') && 'label' in e && e.label ? [e.label] : []));
  const seen: Seen = { text: [...shownLines(card), ...labels].join('\n'), buttons };
  if (!submit) return seen;
  const form: SeenForm = { id: submit.verb.slice(FORM_VERB_PREFIX.length), title: shownLines(card)[0] ?? '', state: String(submit.data?.state ?? ''), fields: {}, values: {}, errors: {} };
  for (const e of elements) {
    if (e.type === 'Input.ChoiceSet' || e.type === 'Input.Text' || e.type === 'Input.Date') {
      form.fields[e.id] = e.type === 'Input.ChoiceSet' ? 'select' : e.type === 'Input.Date' ? 'date' : 'text';
      if (e.value !== undefined) form.values[e.id] = e.value;
    }
    const field = e.type === 'TextBlock' && e.id ? ERROR_ID.exec(e.id)?.[1] : undefined;
    if (field) form.errors[field] = shownLines({ ...card, body: [e] }).join('');
  }
  return { ...seen, form };
}

/** An activity the bot sent: its card when it has one, else its text. */
export function seenActivity(activity: Record<string, unknown>, place: string | null): Seen {
  const attachments = (activity.attachments as { contentType: string; content: AdaptiveCard }[] | undefined) ?? [];
  const card = attachments.find((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE)?.content;
  return card ? seenCard(card, place) : { text: String(activity.text ?? ''), buttons: [] };
}

/** What the person sees after an `adaptiveCard/action` invoke: the card refreshed in place, or a message. */
export function seenInvokeResponse(body: { type?: string; value?: unknown }, place: string | null): Seen[] {
  if (body.type === ADAPTIVE_CARD_CONTENT_TYPE) return [seenCard(body.value as AdaptiveCard, place)];
  return typeof body.value === 'string' ? [{ text: body.value, buttons: [] }] : [];
}

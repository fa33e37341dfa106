/**
 * What a person sees of the bot, in neutral terms: each driver reads its platform's payloads (Block
 * Kit messages and modals, Adaptive Cards) into these, so one scenario can assert on both.
 */

export interface SeenButton {
  /** The neutral button id (`update.open`, `report.post`…): Slack's action_id, Teams' verb. */
  id: string;
  label: string;
  value: string;
  /** Where the button was shown (a channel or conversation id), for the driver to press it there. */
  place: string | null;
}

export interface SeenForm {
  id: string;
  title: string;
  /** What the form was opened with; it comes back with the answers. */
  state: string;
  /** The fields, by id, with the kind of control (`select`, `text`, `date`). */
  fields: Record<string, 'select' | 'text' | 'date'>;
  /** What the fields hold as the form is shown (a select's current choice, what was typed before). */
  values: Record<string, string>;
  /** Messages beside fields, by field id (empty when there are none). */
  errors: Record<string, string>;
}

export interface Seen {
  /** The words a reader sees, markup removed and escapes undone. */
  text: string;
  buttons: SeenButton[];
  form?: SeenForm;
  /** A file that came with it. */
  file?: { name: string; bytes: number };
  /** Replies in its thread (channel posts). */
  thread?: Seen[];
}

/** Everything the person read, as one string: for `toContain`. */
export function words(seen: readonly Seen[]): string {
  return seen.map((s) => [s.text, ...(s.thread ?? []).map((t) => t.text)].join('\n')).join('\n');
}

/** The button with this id among what was seen; fails the test when there is none. */
export function button(seen: readonly Seen[], id: string, label?: string): SeenButton {
  const found = seen.flatMap((s) => s.buttons).find((b) => b.id === id && (label === undefined || b.label.includes(label)));
  if (!found) throw new Error(`No button ${id}${label ? ` “${label}”` : ''} among: ${seen.flatMap((s) => s.buttons.map((b) => `${b.id} “${b.label}”`)).join(', ') || 'none'}`);
  return found;
}

export function form(seen: readonly Seen[]): SeenForm {
  const found = seen.find((s) => s.form)?.form;
  if (!found) throw new Error(`No form among what was seen: ${words(seen).slice(0, 300)}`);
  return found;
}

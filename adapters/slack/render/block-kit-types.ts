/**
 * The parts of Slack's Block Kit this adapter writes, typed narrowly. They are plain JSON, so a
 * payload can go to `chat.postMessage`, `views.open` or `views.publish` as it is; each shape is
 * a subset of `@slack/types`, which the renderer's tests check at compile time.
 */

export interface PlainTextObject {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MrkdwnObject {
  type: 'mrkdwn';
  text: string;
  /** Always true here: Slack then turns no bare URL, channel name or `@here` into a link or a mention. */
  verbatim?: boolean;
}

export type TextObject = PlainTextObject | MrkdwnObject;

export interface SlackOption {
  text: PlainTextObject;
  value: string;
}

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainTextObject;
  value?: string;
  style?: 'primary' | 'danger';
}

export interface StaticSelectElement {
  type: 'static_select';
  action_id: string;
  options: SlackOption[];
  placeholder?: PlainTextObject;
  initial_option?: SlackOption;
}

export interface PlainTextInputElement {
  type: 'plain_text_input';
  action_id: string;
  multiline?: boolean;
  max_length?: number;
  initial_value?: string;
  placeholder?: PlainTextObject;
}

export interface DatepickerElement {
  type: 'datepicker';
  action_id: string;
  initial_date?: string;
  placeholder?: PlainTextObject;
}

export type InteractiveElement = ButtonElement | StaticSelectElement | DatepickerElement;
export type InputElement = PlainTextInputElement | StaticSelectElement | DatepickerElement;

export interface HeaderBlock {
  type: 'header';
  block_id?: string;
  text: PlainTextObject;
}

export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
  accessory?: InteractiveElement;
}

export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: TextObject[];
}

export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}

export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: InteractiveElement[];
}

export interface InputBlock {
  type: 'input';
  block_id?: string;
  label: PlainTextObject;
  element: InputElement;
  hint?: PlainTextObject;
  optional?: boolean;
  /** In a message or the Home tab, an input sends a `block_actions` payload when it is used. */
  dispatch_action?: boolean;
}

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock | InputBlock;

/** One Slack message: what `chat.postMessage` takes besides the channel. */
export interface SlackMessage {
  /** The fallback: notifications, screen readers, clients that show no blocks. */
  text: string;
  blocks: SlackBlock[];
}

export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainTextObject;
  submit?: PlainTextObject;
  close?: PlainTextObject;
  private_metadata?: string;
  blocks: SlackBlock[];
}

export interface HomeView {
  type: 'home';
  blocks: SlackBlock[];
  callback_id?: string;
  private_metadata?: string;
}

/** One element's value in a submitted view's `state.values[blockId][actionId]`. */
export interface ViewStateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string; text?: PlainTextObject } | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_options?: readonly { value: string }[] | null;
}

/** A submitted view's `state` (`view_submission` payloads carry it as `view.state`). */
export interface ViewState {
  values: Record<string, Record<string, ViewStateValue>>;
}

/**
 * The parts of the Adaptive Card schema (version 1.5, as Teams supports it) this adapter writes,
 * typed narrowly. They are plain JSON: a card goes into an activity's attachment
 * (`contentType: 'application/vnd.microsoft.card.adaptive'`) or into an invoke response as it is.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type TextSize = 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type TextWeight = 'lighter' | 'default' | 'bolder';
export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type HorizontalAlignment = 'Left' | 'Center' | 'Right';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  url: string;
  title?: string;
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  /** Names the handler: the invoke's `value.action.verb`. */
  verb: string;
  /** Sent back with the card's input values merged in (`value.action.data`). */
  data: Record<string, string>;
  style?: 'default' | 'positive' | 'destructive';
}

export type CardAction = ExecuteAction | OpenUrlAction;

/** A TextBlock's `text` is Markdown (a subset): write it through `escapeCardMarkdown`. */
export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  /** 1.5: `heading` is announced as a heading by screen readers. */
  style?: 'default' | 'heading';
}

/** A TextRun's `text` is taken literally: the schema gives it no Markdown. */
export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: TextWeight;
  italic?: boolean;
  color?: TextColor;
  isSubtle?: boolean;
  size?: TextSize;
  underline?: boolean;
  selectAction?: OpenUrlAction;
}

export interface RichTextBlock extends ElementBase {
  type: 'RichTextBlock';
  inlines: TextRun[];
  horizontalAlignment?: HorizontalAlignment;
}

export interface TableCell {
  type: 'TableCell';
  items: CardElement[];
}

export interface TableRow {
  type: 'TableRow';
  cells: TableCell[];
  style?: 'default' | 'emphasis' | 'accent';
}

export interface TableColumnDefinition {
  width: number;
  horizontalCellContentAlignment?: HorizontalAlignment;
}

export interface Table extends ElementBase {
  type: 'Table';
  columns: TableColumnDefinition[];
  rows: TableRow[];
  firstRowAsHeader?: boolean;
  showGridLines?: boolean;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputText extends InputBase {
  type: 'Input.Text';
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  value?: string;
  style?: 'text' | 'tel' | 'url' | 'email';
}

export interface InputDate extends InputBase {
  type: 'Input.Date';
  /** YYYY-MM-DD. */
  value?: string;
  placeholder?: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
  value?: string;
  placeholder?: string;
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
}

export type CardInput = InputText | InputDate | InputChoiceSet;
export type CardElement = TextBlock | RichTextBlock | Table | ActionSet | Container | CardInput;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /** Teams: `Full` lets a card (and its tables) use the whole width of the conversation. */
  msteams?: { width: 'Full' };
  /** Read aloud, and shown where the card cannot be. */
  fallbackText?: string;
}

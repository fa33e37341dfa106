/**
 * Slack's published Block Kit limits (https://docs.slack.dev/reference/block-kit), in characters
 * as JavaScript counts them (UTF-16 code units, never fewer than Slack's count).
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or the Home tab. */
  viewBlocks: 100,
  /** A section's text; a text object in general. */
  sectionText: 3000,
  /** Fields in one section, and the text of each. */
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  inputLabel: 2000,
  inputMaxLength: 3000,
  viewTitle: 24,
  viewButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
  /** The top-level `text` of a message (Slack truncates beyond it). */
  messageText: 40_000,
} as const;

/** How long this renderer lets a message's fallback text be: a notification, not a copy of the message. */
export const FALLBACK_TEXT_LIMIT = 3000;

/**
 * Text per message before the renderer starts another. Slack allows more, but a message longer
 * than a few screens on a phone is hard to read and is collapsed behind "Show more".
 */
export const DEFAULT_MESSAGE_CHARS = 12_000;

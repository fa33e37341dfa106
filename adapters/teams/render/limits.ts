/**
 * Limits this renderer keeps to. Teams refuses a message whose payload is over about 28 KB
 * (the activity as a whole: the card, its fallback text and the envelope), so a card is cut well
 * below that and the rest goes into the next card.
 */
export const TEAMS_LIMITS = {
  /** What Teams accepts for one message, in bytes (the documented "about 28 KB"). */
  messageBytes: 28_000,
  /** A card's JSON, in bytes, before the renderer starts another (leaves room for the envelope and fallback). */
  cardBytes: 24_000,
  /** The fallback text that goes with each card (a notification, not a copy of the card). */
  fallbackText: 1_000,
  /** Buttons per ActionSet: Teams moves any beyond its first few into an overflow menu. */
  actionsPerSet: 6,
  /** A button's title. */
  buttonTitle: 80,
  /** A choice's title in a drop-down. */
  choiceTitle: 120,
  /** An input's label or placeholder. */
  label: 300,
  /** Characters of text in one RichTextBlock before another is started (keeps every element far under a card). */
  blockChars: 3_000,
  /** Bytes of one table row before its cells are cut across continuation rows. */
  rowBytes: 8_000,
  /** A heading longer than this is written as bold text instead (headings are one line). */
  headingChars: 300,
} as const;

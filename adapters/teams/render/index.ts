export {
  renderAdaptiveCard,
  renderFormCard,
  readCardValues,
  formVerb,
  parseFormVerb,
  FORM_VERB_PREFIX,
  type RenderedCard,
  type AdaptiveCardOptions,
} from './adaptive-card.ts';
export { escapeCardMarkdown, cardText, cardLine, BRAG_COLOUR } from './card-text.ts';
export { TEAMS_LIMITS } from './limits.ts';
export { ADAPTIVE_CARD_CONTENT_TYPE, ADAPTIVE_CARD_SCHEMA } from './adaptive-card-types.ts';
export type * from './adaptive-card-types.ts';

export { renderBlockKit, renderPieces, DATE_PLACEHOLDER, type BlockKitOptions, type Piece, type Surface } from './block-kit.ts';
export { renderModal, readModalValues, type ModalForm } from './modal.ts';
export { renderHome, DEFAULT_MORE_HINT, type HomeOptions } from './home.ts';
export { escapeMrkdwn, BRAG_EMOJI } from './mrkdwn.ts';
export { SLACK_LIMITS, FALLBACK_TEXT_LIMIT, DEFAULT_MESSAGE_CHARS } from './limits.ts';
export type * from './block-kit-types.ts';

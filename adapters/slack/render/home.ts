import type { Message } from '../../../src/chat/message.ts';
import type { HomeView, SlackBlock } from './block-kit-types.ts';
import { mrkdwn, renderPieces, type Piece } from './block-kit.ts';
import { SLACK_LIMITS as L } from './limits.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

export interface HomeOptions {
  /** Where the rest can be seen, said when the tab is too long to show it all. */
  moreHint?: string;
  callbackId?: string;
  privateMetadata?: string;
}

export const DEFAULT_MORE_HINT = 'Use /overdue, or see the full report in the governance channel.';

/**
 * Renders a message as the App Home tab (`views.publish`). The tab holds at most 100 blocks
 * and cannot be split, so what does not fit is left out and a last line says how many rows or
 * items were left out and where to see them.
 */
export function renderHome(message: Message, options: HomeOptions = {}): HomeView {
  let pieces = renderPieces(message.blocks, 'home');
  if (pieces.length === 0 && message.text.trim() !== '') pieces = renderPieces([{ type: 'section', text: message.text }], 'home');
  let blocks: SlackBlock[];
  if (pieces.length <= L.viewBlocks) {
    blocks = pieces.map((p) => p.block);
  } else {
    const kept: Piece[] = pieces.slice(0, L.viewBlocks - 1);
    const left: Piece[] = pieces.slice(L.viewBlocks - 1);
    // A heading with nothing under it goes too.
    while (kept.length > 1 && (kept[kept.length - 1]!.keepWithNext || kept[kept.length - 1]!.block.type === 'divider')) {
      left.unshift(kept.pop()!);
    }
    const count = Math.max(1, left.reduce((a, p) => a + p.items, 0));
    const hint = escapeMrkdwn(options.moreHint ?? DEFAULT_MORE_HINT);
    blocks = [
      ...kept.map((p) => p.block),
      { type: 'context', elements: [mrkdwn(`:information_source: ${count} more ${count === 1 ? 'item' : 'items'} not shown here. ${hint}`)] },
    ];
  }
  const view: HomeView = { type: 'home', blocks };
  if (options.callbackId !== undefined) view.callback_id = options.callbackId;
  if (options.privateMetadata !== undefined) view.private_metadata = options.privateMetadata;
  return view;
}

import { expect } from 'vitest';
import type { SlackBlock, SlackMessage } from '../../../../adapters/slack/render/block-kit-types.ts';
import { checkBlockKitLimits, checkViewLimits } from '../../../support/fake-slack/block-kit-limits.ts';

/** Asserts that every message is within Slack's limits, with a fallback short enough to notify. */
export function expectWithinLimits(messages: readonly SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  messages.forEach((m, i) => {
    expect(checkBlockKitLimits(m), `message ${i + 1} of ${messages.length}`).toEqual([]);
    expect(m.text.length, `fallback of message ${i + 1}`).toBeLessThanOrEqual(3000);
    expect(m.text.trim(), `fallback of message ${i + 1}`).not.toBe('');
    expect(m.blocks.length).toBeGreaterThan(0);
    for (const t of textObjects(m.blocks)) {
      if (t.type === 'mrkdwn') expect(t.verbatim, 'mrkdwn is verbatim, so Slack parses nothing it was not told to').toBe(true);
    }
  });
}

export function expectViewWithinLimits(view: unknown): void {
  expect(checkViewLimits(view)).toEqual([]);
}

export function textObjects(blocks: readonly SlackBlock[]): { type: string; text: string; verbatim?: boolean }[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'header':
        return [b.text];
      case 'section':
        return [...(b.text ? [b.text] : []), ...(b.fields ?? [])];
      case 'context':
        return b.elements;
      case 'input':
        return [b.label];
      case 'actions':
        return b.elements.flatMap((e) => (e.type === 'button' ? [e.text] : []));
      case 'divider':
        return [];
    }
  });
}

/** Every mrkdwn or plain text of the messages, in order. */
export function allText(messages: readonly SlackMessage[]): string {
  return messages.flatMap((m) => textObjects(m.blocks).map((t) => t.text)).join('\n');
}

/** What a reader sees of escaped mrkdwn (emphasis markers aside): zero-width characters gone, entities decoded. */
export function shown(mrkdwn: string): string {
  return mrkdwn
    .replace(/[\u200B\u2060]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A formatting character that is not fenced by zero-width spaces, i.e. one Slack could act on. */
export const LIVE_FORMATTING = /(?<!\u200B)[*_~`]|[*_~`](?!\u200B)/;

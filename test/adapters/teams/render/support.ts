import MarkdownIt from 'markdown-it';
import { expect } from 'vitest';
import type { AdaptiveCard, CardElement, TextBlock, TextRun } from '../../../../adapters/teams/render/adaptive-card-types.ts';
import type { RenderedCard } from '../../../../adapters/teams/render/adaptive-card.ts';

/**
 * A CommonMark parser with everything a client might switch on (raw HTML, bare links), standing
 * in for Teams' Markdown in TextBlocks: if escaped text survives this with no markup, it does
 * not format or inject.
 */
export const markdown = new MarkdownIt({ html: true, linkify: true });

/** Tags a TextBlock must never produce from user text. */
export const MARKUP_TAGS = /<(strong|em|a|s|del|code|pre|h[1-6]|ul|ol|li|blockquote|img|script|hr|table|b|i)[\s>/]/i;

/** What a reader sees of a TextBlock: its Markdown rendered, tags removed, entities decoded. */
export function shownMarkdown(text: string): { html: string; text: string } {
  // A bare address may become a link to itself (linkify here, and in Teams): it shows where it
  // goes, so it is no disguise; it is unwrapped before the HTML is checked for markup.
  const html = markdown.render(text).replace(/<a href="(https?:\/\/[^"]+)">([^<]*)<\/a>/g, (all, href: string, words: string) => (words === href ? words : all));
  const shown = html
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u200B/g, '')
    .trim();
  return { html, text: shown };
}

/** Every element of a card, depth first (table cells and containers included). */
export function elementsOf(card: AdaptiveCard): CardElement[] {
  const out: CardElement[] = [];
  const visit = (e: CardElement): void => {
    out.push(e);
    if (e.type === 'Container') e.items.forEach(visit);
    if (e.type === 'Table') for (const row of e.rows) for (const cell of row.cells) cell.items.forEach(visit);
  };
  card.body.forEach(visit);
  return out;
}

export function runsOf(card: AdaptiveCard): TextRun[] {
  return elementsOf(card).flatMap((e) => (e.type === 'RichTextBlock' ? e.inlines : []));
}

export function textBlocksOf(card: AdaptiveCard): TextBlock[] {
  return elementsOf(card).filter((e): e is TextBlock => e.type === 'TextBlock');
}

/** The words a reader sees, element by element: runs joined per RichTextBlock, TextBlocks rendered. */
export function shownLines(card: AdaptiveCard): string[] {
  return elementsOf(card).flatMap((e) => {
    if (e.type === 'RichTextBlock') return [e.inlines.map((r) => r.text).join('').replace(/\u200B/g, '')];
    if (e.type === 'TextBlock') return [shownMarkdown(e.text).text];
    return [];
  });
}

export function bytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Checks the shape Teams expects of every card, and that each message stays under its 28 KB. */
export function expectValidCards(out: readonly RenderedCard[]): void {
  expect(out.length).toBeGreaterThan(0);
  out.forEach(({ card, text }, i) => {
    const where = `card ${i + 1} of ${out.length}`;
    expect(card.type, where).toBe('AdaptiveCard');
    expect(card.version, where).toBe('1.5');
    expect(card.$schema, where).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(card.body.length, where).toBeGreaterThan(0);
    expect(bytes(card) + Buffer.byteLength(text, 'utf8'), `${where}: card and fallback`).toBeLessThan(28_000);
    expect(text.trim(), `${where}: fallback`).not.toBe('');
    for (const e of elementsOf(card)) {
      if (e.type === 'Table') {
        expect(e.firstRowAsHeader, where).toBe(true);
        for (const row of e.rows) expect(row.cells.length, `${where}: cells in a row`).toBe(e.columns.length);
      }
      if (e.type === 'TextBlock') expect(e.wrap, `${where}: TextBlocks wrap`).toBe(true);
    }
    const ids = elementsOf(card).flatMap((e) => ('id' in e && e.id !== undefined ? [e.id] : []));
    expect(new Set(ids).size, `${where}: element ids are unique`).toBe(ids.length);
  });
}

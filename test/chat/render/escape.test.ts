import { describe, expect, it } from 'vitest';
import { escapeMarkdown, safeUrl, sanitisePlainText } from '../../../src/chat/render/escape.ts';

describe('escapeMarkdown', () => {
  it('escapes emphasis, code, strikethrough, link and table characters', () => {
    expect(escapeMarkdown('a|b *c* _d_ `e` ~f~ [g](h) \\i', false)).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\[g\\](h) \\\\i',
    );
  });

  it('drops control characters and bidirectional overrides, which would reorder what a reader sees', () => {
    expect(escapeMarkdown('paid\u0000 in \u202Efull\u202C\u0007', false)).toBe('paid in full');
    expect(safeUrl('https://example.org/\u202Efdp.exe')).toBeNull();
  });

  it('turns angle brackets into entities so no HTML gets through', () => {
    expect(escapeMarkdown('<script>alert(1)</script>', false)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes an ampersand only where it would start an entity', () => {
    expect(escapeMarkdown('Children & Families', false)).toBe('Children & Families');
    expect(escapeMarkdown('&lt;b&gt; &#60;', false)).toBe('&amp;lt;b&amp;gt; &amp;#60;');
  });

  it('stops a line from starting a heading, quote, list or numbered list', () => {
    expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdown('> quote')).toBe('&gt; quote');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('1. To work towards')).toBe('1\\. To work towards');
    expect(escapeMarkdown('2) second')).toBe('2\\) second');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('---')).toBe('\\---');
  });

  it('leaves a line start alone where it could not open a block, so refs read as written', () => {
    expect(escapeMarkdown('1.2 Map the front door')).toBe('1.2 Map the front door');
    expect(escapeMarkdown('#5 on the list')).toBe('#5 on the list');
    expect(escapeMarkdown('-20% waiting times')).toBe('-20% waiting times');
    expect(escapeMarkdown('=> next')).toBe('=&gt; next');
  });

  it('does the same after every line break, and drops indentation that would make code', () => {
    expect(escapeMarkdown('fine\n# not a heading\n    - not code')).toBe('fine\n\\# not a heading\n\\- not code');
  });

  it('leaves the start alone when the text continues a line', () => {
    expect(escapeMarkdown('1. To work', false)).toBe('1. To work');
  });

  it('normalises Windows and old Mac line breaks', () => {
    expect(escapeMarkdown('a\r\nb\rc')).toBe('a\nb\nc');
  });
});

describe('safeUrl', () => {
  it('allows web and mail addresses', () => {
    expect(safeUrl('https://example.org/plan')).toBe('https://example.org/plan');
    expect(safeUrl('mailto:send@hull.gov.uk')).toBe('mailto:send@hull.gov.uk');
  });

  it('refuses script, data and relative addresses', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<b>')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl('https://exa\nmple.org')).toBeNull();
  });

  it('encodes characters that would end the link or a table cell', () => {
    expect(safeUrl('https://x.org/a b(c)|<d>')).toBe('https://x.org/a%20b%28c%29%7C%3Cd%3E');
  });
});

describe('sanitisePlainText', () => {
  it('removes terminal escape sequences and control characters but keeps line breaks', () => {
    expect(sanitisePlainText('\u001b[31mred\u001b[0m\u0007 ok\nnext')).toBe('red ok\nnext');
  });

  it('removes bidirectional overrides and turns tabs into spaces', () => {
    expect(sanitisePlainText('a\u202Eb\tc')).toBe('ab c');
  });
});

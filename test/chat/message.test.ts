import { describe, expect, it } from 'vitest';
import { bold, italic, link, plain, rich, spans, statusLabel, statusSpan, toPlainText } from '../../src/chat/message.ts';

describe('message spans', () => {
  it('builds plain, bold, italic, link and status spans', () => {
    expect(plain('a')).toEqual({ kind: 'text', text: 'a' });
    expect(bold('a')).toEqual({ kind: 'text', text: 'a', bold: true });
    expect(italic('a')).toEqual({ kind: 'text', text: 'a', italic: true });
    expect(link('Plan', 'https://example.org')).toEqual({ kind: 'link', text: 'Plan', url: 'https://example.org' });
    expect(statusSpan('red')).toEqual({ kind: 'status', status: 'red' });
    expect(statusSpan('amber', 'At risk')).toEqual({ kind: 'status', status: 'amber', label: 'At risk' });
  });

  it('joins strings and spans, keeping strings as plain text (never parsed as markup)', () => {
    expect(rich(bold('1.2'), ' **not bold**', [italic('x')])).toEqual([
      { kind: 'text', text: '1.2', bold: true },
      { kind: 'text', text: ' **not bold**' },
      { kind: 'text', text: 'x', italic: true },
    ]);
    expect(spans('*plain*')).toEqual([{ kind: 'text', text: '*plain*' }]);
  });

  it("labels a status with the programme's words, else the scheme's label", () => {
    expect(statusLabel('amber', 'On track some concerns')).toBe('On track some concerns');
    expect(statusLabel('amber', '  ')).toBe('Some concerns');
    expect(statusLabel('blue')).toBe('Complete');
  });

  it('reads rich text as plain words for fallbacks', () => {
    expect(toPlainText([bold('1.2'), plain(' Hub '), statusSpan('red'), plain(' '), link('plan', 'https://x.org')])).toBe(
      '1.2 Hub Off track plan',
    );
  });
});

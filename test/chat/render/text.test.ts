import { describe, expect, it } from 'vitest';
import { bold, italic, link, plain, statusSpan, type Message } from '../../../src/chat/message.ts';
import { renderText, wrap } from '../../../src/chat/render/text.ts';

const txt = (blocks: Message['blocks'], width?: number) => renderText({ text: 'fallback', blocks }, width ? { width } : {});

describe('renderText', () => {
  it('underlines titles and section headings, with no markup', () => {
    expect(
      txt([
        { type: 'header', text: 'Overdue actions' },
        { type: 'header', text: 'Summary', level: 2 },
        { type: 'header', text: 'Detail', level: 3 },
      ]),
    ).toBe('Overdue actions\n===============\n\nSummary\n-------\n\nDetail\n');
  });

  it('shows emphasis as plain words, links with their address and statuses with their colour', () => {
    expect(
      txt([{ type: 'section', text: [bold('1.2'), plain(' '), italic('noted'), plain(' '), link('plan', 'https://x.org'), plain(' '), statusSpan('amber')] }]),
    ).toBe('1.2 noted plan (https://x.org) [AMBER] Some concerns\n');
  });

  it('keeps user text literally but strips terminal control sequences', () => {
    expect(txt([{ type: 'section', text: 'a | *b* <script>\u001b[2J' }])).toBe('a | *b* <script>\n');
  });

  it('wraps paragraphs to the width', () => {
    expect(txt([{ type: 'section', text: 'one two three four five six' }], 20)).toBe('one two three four\nfive six\n');
  });

  it('aligns field labels and hangs wrapped values under the value', () => {
    expect(
      txt([{ type: 'fields', fields: [{ label: 'Lead', value: 'Priya Shah' }, { label: 'Due date', value: 'Nov 2023' }] }]),
    ).toBe('Lead:     Priya Shah\nDue date: Nov 2023\n');
  });

  it('renders a table as aligned columns, numbers right-aligned, totals after a rule', () => {
    const out = txt([
      {
        type: 'table',
        columns: [{ label: 'Workstream' }, { label: 'Red', align: 'right' }, { label: 'Move', align: 'centre' }],
        rows: [['1. Comms', '2', '↑1'], ['2. Partnership', '10', '—']],
        footer: ['Total', '12', ''],
      },
    ]);
    expect(out).toBe(
      [
        'Workstream      Red  Move',
        '--------------  ---  ----',
        '1. Comms          2   ↑1',
        '2. Partnership   10   —',
        '--------------  ---  ----',
        'Total            12',
        '',
      ].join('\n'),
    );
  });

  it('wraps long cells to fit the width, keeps short columns whole, and spaces wrapped rows apart', () => {
    const title = 'To work towards having clear and open lines of communication that support a collaborative approach';
    const out = txt(
      [{ type: 'table', columns: [{ label: 'Ref' }, { label: 'Action' }, { label: 'Due' }], rows: [['1.1', title, '30 Nov 2023'], ['1.2', 'Short', 'TBC']] }],
      60,
    );
    const lines = out.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(60);
    expect(out).toContain('30 Nov 2023');
    expect(lines).toContain('');
    expect(lines.at(-1)).toMatch(/^1\.2\s+Short\s+TBC$/);
  });

  it('renders lists with hanging indents', () => {
    expect(txt([{ type: 'list', items: ['alpha beta gamma delta', 'b'] }], 20)).toBe('- alpha beta gamma\n  delta\n- b\n');
    expect(txt([{ type: 'list', ordered: true, items: ['a', 'b'] }])).toBe('1. a\n2. b\n');
  });

  it('renders badges with their colour in words', () => {
    expect(txt([{ type: 'badge', status: 'red', label: 'Delayed', text: 'since Feb' }])).toBe('[RED] Delayed — since Feb\n');
  });

  it('leaves out interactive blocks and falls back to the text when nothing is left', () => {
    expect(renderText({ text: 'Pick a programme', blocks: [{ type: 'actions', buttons: [{ id: 'x', label: 'X', value: '1' }] }] })).toBe(
      'Pick a programme\n',
    );
  });
});

describe('wrap', () => {
  it('keeps the text’s own line breaks and splits a word longer than the width', () => {
    expect(wrap('ab\nabcdefgh', 4)).toEqual(['ab', 'abcd', 'efgh']);
  });
});

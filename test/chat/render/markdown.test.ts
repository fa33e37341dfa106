import { describe, expect, it } from 'vitest';
import { bold, italic, link, plain, statusSpan, type Message } from '../../../src/chat/message.ts';
import { renderMarkdown } from '../../../src/chat/render/markdown.ts';

const HOSTILE = 'Costs | budget *agreed* _soon_ <script>alert(1)</script> [click](javascript:alert(1))';
const md = (blocks: Message['blocks']) => renderMarkdown({ text: 'fallback', blocks });

/** Cells of a GFM table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
}

describe('renderMarkdown', () => {
  it('renders headers at three levels', () => {
    expect(
      md([
        { type: 'header', text: 'Highlight report — Hull SEND' },
        { type: 'header', text: 'Summary', level: 2 },
        { type: 'header', text: '1. Communication', level: 3 },
      ]),
    ).toBe('# Highlight report — Hull SEND\n\n## Summary\n\n### 1. Communication\n');
  });

  it('keeps a user-written # in a heading from being read as a closing sequence', () => {
    expect(md([{ type: 'header', text: 'Issue #', level: 2 }])).toBe('## Issue \\#\n');
  });

  it('renders bold, italic and links, and escapes the words inside them', () => {
    expect(md([{ type: 'section', text: [bold('1.2'), plain(' '), italic('a*b'), plain(' '), link('the [plan]', 'https://x.org')] }])).toBe(
      '**1.2** *a\\*b* [the \\[plan\\]](https://x.org)\n',
    );
  });

  it('keeps spaces outside emphasis markers so emphasis still works', () => {
    expect(md([{ type: 'section', text: [plain('Update'), italic(' — Priya Shah, 5 Mar 2025')] }])).toBe(
      'Update *— Priya Shah, 5 Mar 2025*\n',
    );
  });

  it('shows a link with an unsafe address as its words only', () => {
    expect(md([{ type: 'section', text: [link('click', 'javascript:alert(1)')] }])).toBe('click\n');
  });

  it('escapes user text in a section so it cannot inject markup', () => {
    const out = md([{ type: 'section', text: HOSTILE }]);
    expect(out).not.toContain('<script');
    expect(out).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('\\*agreed\\*');
  });

  it('keeps a multi-line note inside its block with hard line breaks', () => {
    expect(md([{ type: 'section', text: 'Staffing gap.\n\n- Recruiting now.' }])).toBe('Staffing gap.\\\n\\- Recruiting now.\n');
  });

  it('renders statuses with a coloured marker and their words', () => {
    expect(md([{ type: 'section', text: [statusSpan('red'), plain(' '), statusSpan('amber', 'On track some concerns')] }])).toBe(
      '🔴 Off track 🟠 On track some concerns\n',
    );
    expect(md([{ type: 'badge', status: 'green', text: 'since 3 Mar' }])).toBe('🟢 **On track** — since 3 Mar\n');
  });

  it('renders fields as bold labels with values, one a line', () => {
    expect(md([{ type: 'fields', fields: [{ label: 'Lead', value: 'Priya Shah' }, { label: 'Due', value: 'Nov 2023' }] }])).toBe(
      '**Lead:** Priya Shah\\\n**Due:** Nov 2023\n',
    );
  });

  it('renders a GFM table with alignment, status headings and a bold totals row', () => {
    const out = md([
      {
        type: 'table',
        columns: [{ label: 'Workstream' }, { label: 'Off track', align: 'right', status: 'red' }, { label: 'Move', align: 'centre' }],
        rows: [['1. Communication', '2', '↑1 ↓0']],
        footer: ['Total', '2', ''],
      },
    ]);
    expect(out).toBe(
      [
        '| Workstream | 🔴 Off track | Move |',
        '| --- | ---: | :---: |',
        '| 1. Communication | 2 | ↑1 ↓0 |',
        '| **Total** | **2** |   |',
        '',
      ].join('\n'),
    );
  });

  it('keeps hostile text and line breaks inside one table cell', () => {
    const out = md([
      { type: 'table', columns: [{ label: 'Ref' }, { label: 'Note' }, { label: 'Lead' }], rows: [['1.1', `${HOSTILE}\nsecond line`, 'Priya | Tom']] },
    ]);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(cells(line)).toHaveLength(3);
    expect(lines[2]).toContain('<br>second line');
    expect(out).not.toContain('<script');
  });

  it('fills missing cells so every row has every column', () => {
    const out = md([{ type: 'table', columns: [{ label: 'A' }, { label: 'B' }], rows: [['only a']] }]);
    expect(out.split('\n')[2]).toBe('| only a |   |');
  });

  it('renders ordered and unordered lists, escaping items that look like markup', () => {
    expect(md([{ type: 'list', items: ['1. starts like a list', [bold('Priya'), plain(' — 1.2')]] }])).toBe(
      '- 1\\. starts like a list\n- **Priya** — 1.2\n',
    );
    expect(md([{ type: 'list', ordered: true, items: ['a', 'b\nc'] }])).toBe('1. a\n2. b\\\n   c\n');
  });

  it('renders context lines in italics and dividers as rules', () => {
    expect(md([{ type: 'context', text: 'As at 14 Mar 2025' }, { type: 'divider' }])).toBe('*As at 14 Mar 2025*\n\n---\n');
  });

  it('leaves out buttons, selects and inputs, which do nothing on paper', () => {
    expect(
      md([
        { type: 'section', text: 'Hello' },
        { type: 'actions', buttons: [{ id: 'update.open', label: 'Update', value: 'a1', style: 'primary' }] },
        { type: 'select', id: 'status', label: 'Status', options: [{ label: 'Red', value: 'red' }] },
        { type: 'input', id: 'note', label: 'Note', multiline: true, maxLength: 2000 },
      ]),
    ).toBe('Hello\n');
  });

  it('falls back to the message text when there are no blocks, escaped', () => {
    expect(renderMarkdown({ text: '*3* overdue', blocks: [] })).toBe('\\*3\\* overdue\n');
  });
});

import { describe, expect, it } from 'vitest';
import type { ActionSet, InputChoiceSet, InputDate, InputText, RichTextBlock, Table, TextBlock } from '../../../../adapters/teams/render/adaptive-card-types.ts';
import { renderAdaptiveCard, type RenderedCard } from '../../../../adapters/teams/render/adaptive-card.ts';
import { escapeCardMarkdown } from '../../../../adapters/teams/render/card-text.ts';
import { bold, italic, link, plain, rich, statusSpan, type Block } from '../../../../src/chat/message.ts';
import { myActionsMessage } from '../../../../src/chat/views/my-actions.ts';
import { action } from '../../../domain/report/fixtures.ts';
import { HOSTILE_NOTE, hostileHullReport, hullActions, longOverdueList, oneOverdueAction } from '../../../chat/render/fixtures.ts';
import { bytes, elementsOf, expectValidCards, MARKUP_TAGS, runsOf, shownLines, shownMarkdown, textBlocksOf } from './support.ts';

const NOTE = '**bold** [x](javascript:alert(1)) <script>alert(1)</script>';

function render(blocks: Block[], text = 'Fallback', maxBytes?: number): RenderedCard[] {
  const out = renderAdaptiveCard({ text, blocks }, maxBytes === undefined ? {} : { maxBytes });
  expectValidCards(out);
  return out;
}

function one(blocks: Block[]): RenderedCard['card'] {
  const out = render(blocks);
  expect(out).toHaveLength(1);
  return out[0]!.card;
}

describe('renderAdaptiveCard: user text cannot format or inject', () => {
  it('puts a lead’s hostile note into a TextRun, literally, with no link and no Markdown field', () => {
    const card = one([{ type: 'section', text: rich(bold('1.2'), ' Latest: ', NOTE) }]);
    const runs = runsOf(card);
    expect(runs.map((r) => r.text)).toEqual(['1.2', ` Latest: ${NOTE}`]);
    expect(runs.every((r) => r.selectAction === undefined)).toBe(true);
    expect(textBlocksOf(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).not.toContain('"url":"javascript');
    expect(json).not.toContain('&lt;');
  });

  it('escapes the same note in a heading so a CommonMark parser (raw HTML on) finds no markup in it', () => {
    const card = one([{ type: 'header', text: NOTE }]);
    const [heading] = textBlocksOf(card);
    expect(heading).toMatchObject({ type: 'TextBlock', style: 'heading', wrap: true });
    expect(heading!.text).toBe('\\*\\*bold\\*\\* \\[x\\](javascript:alert(1)) \\<script>alert(1)\\</script>');
    const shown = shownMarkdown(heading!.text);
    expect(shown.html).not.toMatch(MARKUP_TAGS);
    expect(shown.text).toBe(NOTE);
  });

  it.each([
    ['emphasis', '*a* _b_ **c** __d__ ***e*** ~~f~~ `g`'],
    ['links and images', '[click](https://evil.example) ![img](https://evil.example/x.png) <https://evil.example> [ref]: https://evil.example'],
    ['HTML', '<b>x</b> <img src=x onerror=alert(1)> <!-- c --> <a href="https://e.example">e</a>'],
    ['entities', 'Learning &amp; Skills &lt;script&gt; &#60; & plain'],
    ['a heading', '# Not a heading'],
    ['a list', '- not a list'],
    ['a plus list', '+ not a list'],
    ['a numbered list', '3. To identify need early'],
    ['a quote', '> not a quote'],
    ['code by indentation', '    not code'],
    ['a rule', '---'],
    ['an underline', '==='],
    ['a backslash', 'C:\\Users\\priya \\*'],
    ['several lines', 'line one\n# two\n- three\n\n> four'],
    ['table pipes', '| a | b |\n|---|---|\n| 1 | 2 |'],
  ])('escapeCardMarkdown leaves %s unparsed and shows it as typed', (_name, input) => {
    const escaped = escapeCardMarkdown(input);
    const shown = shownMarkdown(escaped);
    expect(shown.html).not.toMatch(MARKUP_TAGS);
    const expected = input
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n');
    // markdown-it shows a pipe table's rows as text lines; everything typed is there, in order.
    expect(shown.text.replace(/\n+/g, '\n')).toBe(expected);
  });

  it('never writes an HTML entity: Teams would show `&lt;` literally', () => {
    const card = one([{ type: 'header', text: 'a < b > c & d' }, { type: 'section', text: 'x < y & z > w' }]);
    expect(JSON.stringify(card)).not.toMatch(/&(lt|gt|amp);/);
    expect(shownLines(card)).toEqual(['a < b > c & d', 'x < y & z > w']);
  });

  it('shows an entity a person typed as typed', () => {
    const card = one([{ type: 'header', text: 'Use &lt;b&gt;' }, { type: 'section', text: 'Use &lt;b&gt;' }]);
    expect(shownLines(card)).toEqual(['Use &lt;b&gt;', 'Use &lt;b&gt;']);
  });

  it('disarms the card renderer’s {{DATE()}} function in user text', () => {
    const typed = 'Meet {{DATE(2025-03-14T09:30:00Z, SHORT)}}';
    const card = one([{ type: 'header', text: typed }, { type: 'section', text: typed }]);
    expect(JSON.stringify(card)).not.toContain('{{DATE');
    expect(shownLines(card)).toEqual([typed, typed]);
  });

  it('parts $ from { in user text, so templating could never read the card’s data into it', () => {
    const typed = 'Cost ${$root.secret}';
    const card = one([{ type: 'section', text: typed }]);
    expect(JSON.stringify(card)).not.toContain('${');
    expect(shownLines(card)).toEqual([typed]);
  });

  it('removes control characters and bidirectional overrides', () => {
    const card = one([{ type: 'section', text: 'a\u0007b\u202Ec\u001b[31md' }]);
    expect(runsOf(card).map((r) => r.text)).toEqual(['abcd']);
  });

  it('links only web and mail addresses; anything else is shown as words with the address', () => {
    const card = one([
      { type: 'section', text: [link('the plan', 'https://hull.example/plan (v2)'), plain(' · '), link('mail', 'mailto:pmo@hull.example'), plain(' · '), link('x', 'javascript:alert(1)')] },
    ]);
    const runs = runsOf(card);
    expect(runs[0]).toEqual({ type: 'TextRun', text: 'the plan', color: 'accent', underline: true, selectAction: { type: 'Action.OpenUrl', url: 'https://hull.example/plan%20%28v2%29' } });
    expect(runs[2]!.selectAction).toEqual({ type: 'Action.OpenUrl', url: 'mailto:pmo@hull.example' });
    expect(runs[3]).toEqual({ type: 'TextRun', text: ' · x (javascript:alert(1))' });
  });

  it('keeps the fallback text plain, cut to a notification’s length', () => {
    const out = render([{ type: 'section', text: 'x' }], `Overdue: ${NOTE}\u0007 ${'word '.repeat(400)}`);
    expect(out[0]!.text.startsWith(`Overdue: ${NOTE} word`)).toBe(true);
    expect(out[0]!.text.length).toBeLessThanOrEqual(1000);
    expect(out[0]!.text.endsWith('…')).toBe(true);
  });
});

describe('renderAdaptiveCard: blocks', () => {
  it('writes headings as TextBlocks with the heading style, by level', () => {
    const card = one([
      { type: 'header', text: 'Highlight report' },
      { type: 'header', text: '1. Communication', level: 2 },
      { type: 'header', text: 'Exceptions', level: 3 },
    ]);
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Highlight report', wrap: true, style: 'heading', weight: 'bolder', size: 'large' },
      { type: 'TextBlock', text: '1\\. Communication', wrap: true, style: 'heading', weight: 'bolder', size: 'medium' },
      { type: 'TextBlock', text: 'Exceptions', wrap: true, style: 'heading', weight: 'bolder', size: 'default' },
    ]);
  });

  it('writes a heading too long to be one as bold text, keeping every word', () => {
    const long = 'word '.repeat(100).trim();
    const card = one([{ type: 'header', text: long }]);
    expect(card.body[0]).toMatchObject({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: long, weight: 'bolder' }] });
  });

  it('shows each BRAG status in its colour and in words', () => {
    const card = one([{ type: 'section', text: [statusSpan('red'), plain(' '), statusSpan('amber', 'On track some concerns'), plain(' '), statusSpan('green'), plain(' '), statusSpan('blue'), plain(' '), statusSpan('grey')] }]);
    const statuses = runsOf(card).filter((r) => r.weight === 'bolder');
    expect(statuses).toEqual([
      { type: 'TextRun', text: 'Off track', weight: 'bolder', color: 'attention' },
      { type: 'TextRun', text: 'On track some concerns', weight: 'bolder', color: 'warning' },
      { type: 'TextRun', text: 'On track', weight: 'bolder', color: 'good' },
      { type: 'TextRun', text: 'Complete', weight: 'bolder', color: 'accent' },
      { type: 'TextRun', text: 'Not started', weight: 'bolder' },
    ]);
  });

  it('writes emphasis as the run’s weight and italics, never as Markdown', () => {
    const card = one([{ type: 'section', text: [bold('1.2'), plain(' '), italic('a*b'), plain(' plain')] }]);
    expect(runsOf(card)).toEqual([
      { type: 'TextRun', text: '1.2', weight: 'bolder' },
      { type: 'TextRun', text: ' ' },
      { type: 'TextRun', text: 'a*b', italic: true },
      { type: 'TextRun', text: ' plain' },
    ]);
  });

  it('gives each line of a section its own block, a blank line a paragraph’s gap', () => {
    const card = one([{ type: 'section', text: 'one\ntwo\n\n\nthree' }]);
    expect(card.body.map((e) => [(e as RichTextBlock).inlines[0]!.text, e.spacing])).toEqual([
      ['one', undefined],
      ['two', 'none'],
      ['three', 'default'],
    ]);
  });

  it('writes fields, badges, lists and context lines', () => {
    const card = one([
      { type: 'fields', fields: [{ label: 'Lead', value: 'Priya Shah' }, { label: 'Due', value: '30 Nov 2023' }] },
      { type: 'badge', status: 'amber', text: 'Two actions need attention' },
      { type: 'list', items: ['first', 'second'], ordered: true },
      { type: 'list', items: ['bullet'] },
      { type: 'context', text: 'As at 14 Mar 2025' },
    ]);
    expect(shownLines(card)).toEqual(['Lead: Priya Shah', 'Due: 30 Nov 2023', 'Some concerns — Two actions need attention', '1. first', '2. second', '• bullet', 'As at 14 Mar 2025']);
    expect(runsOf(card)[0]).toEqual({ type: 'TextRun', text: 'Lead: ', weight: 'bolder' });
    expect((card.body[card.body.length - 1] as RichTextBlock).inlines[0]).toEqual({ type: 'TextRun', text: 'As at 14 Mar 2025', isSubtle: true, size: 'small' });
  });

  it('draws a divider as a separator on the element after it, and drops one with nothing after it', () => {
    const card = one([{ type: 'section', text: 'a' }, { type: 'divider' }, { type: 'section', text: 'b' }, { type: 'divider' }]);
    expect(card.body).toHaveLength(2);
    expect(card.body[1]!.separator).toBe(true);
    expect(card.body[0]!.separator).toBeUndefined();
  });

  it('maps buttons to Action.Execute: verb is the button’s id, data carries its value', () => {
    const buttons = Array.from({ length: 8 }, (_, i) => ({ id: 'update.open', label: `Update 1.${i + 1}`, value: `a${i + 1}` }));
    const card = one([
      { type: 'actions', buttons: [{ id: 'report.send', label: 'Send report', value: 'board-1', style: 'primary' }, { id: 'report.cancel', label: 'Cancel', value: 'board-1', style: 'danger' }] },
      { type: 'actions', buttons },
    ]);
    const sets = card.body as ActionSet[];
    expect(sets.map((s) => s.type)).toEqual(['ActionSet', 'ActionSet', 'ActionSet']);
    expect(sets[0]!.actions).toEqual([
      { type: 'Action.Execute', title: 'Send report', verb: 'report.send', data: { value: 'board-1' }, style: 'positive' },
      { type: 'Action.Execute', title: 'Cancel', verb: 'report.cancel', data: { value: 'board-1' }, style: 'destructive' },
    ]);
    expect(sets[1]!.actions).toHaveLength(6);
    expect(sets.slice(1).flatMap((s) => s.actions.map((a) => (a.type === 'Action.Execute' ? a.data.value : '')))).toEqual(buttons.map((b) => b.value));
  });

  it('maps selects to compact ChoiceSets, inputs to Input.Text, date inputs to Input.Date', () => {
    const card = one([
      { type: 'select', id: 'programme', label: 'Which programme?', options: [{ label: 'Hull SEND', value: 'p1' }, { label: 'Kent WSoA', value: 'p2' }], initial: 'p2', placeholder: 'Choose' },
      { type: 'input', id: 'note', label: 'Progress', multiline: true, maxLength: 3000, placeholder: 'What has happened?', hint: 'Needed for amber or red.' },
      { type: 'input', id: 'evidenceUrl', label: 'Evidence link', format: 'url', initial: 'https://x.example' },
      { type: 'input', id: 'revisedDue', label: 'Revised due date', format: 'date', initial: '2025-06-30', placeholder: 'YYYY-MM-DD' },
    ]);
    const [select, note, hint, url, date] = card.body as [InputChoiceSet, InputText, RichTextBlock, InputText, InputDate];
    expect(select).toEqual({
      type: 'Input.ChoiceSet',
      id: 'programme',
      label: 'Which programme?',
      style: 'compact',
      isRequired: false,
      choices: [{ title: 'Hull SEND', value: 'p1' }, { title: 'Kent WSoA', value: 'p2' }],
      value: 'p2',
      placeholder: 'Choose',
    });
    expect(note).toEqual({ type: 'Input.Text', id: 'note', label: 'Progress', isRequired: false, isMultiline: true, maxLength: 3000, placeholder: 'What has happened?' });
    expect(hint).toEqual({ type: 'RichTextBlock', spacing: 'none', inlines: [{ type: 'TextRun', text: 'Needed for amber or red.', isSubtle: true, size: 'small' }] });
    expect(url).toMatchObject({ type: 'Input.Text', style: 'url', value: 'https://x.example', isMultiline: false });
    expect(date).toEqual({ type: 'Input.Date', id: 'revisedDue', label: 'Revised due date', isRequired: false, value: '2025-06-30' });
  });

  it('refuses an input whose id would collide with the keys its card’s actions send', () => {
    expect(() => renderAdaptiveCard({ text: 'x', blocks: [{ type: 'input', id: 'value', label: 'Value' }] })).toThrow(/may not use the id "value"/);
  });

  it('renders a message with no blocks from its text, and refuses one with neither', () => {
    const [out] = render([], 'Just words *here*');
    expect(shownLines(out!.card)).toEqual(['Just words *here*']);
    expect(() => renderAdaptiveCard({ text: ' ', blocks: [] })).toThrow(/no text and no blocks/);
  });
});

describe('renderAdaptiveCard: tables', () => {
  it('writes a Table with a bold header row, right-aligned numbers, a coloured status heading and an emphasised footer', () => {
    const card = one([
      {
        type: 'table',
        columns: [{ label: 'Workstream' }, { label: 'Off track', status: 'red', align: 'right' }, { label: 'Total', align: 'centre' }],
        rows: [['1. Communication', '1', '3']],
        footer: ['Total', '1', '3'],
      },
    ]);
    const table = card.body[0] as Table;
    expect(table).toMatchObject({ type: 'Table', firstRowAsHeader: true, showGridLines: true });
    expect(table.columns.map((c) => c.horizontalCellContentAlignment)).toEqual([undefined, 'Right', 'Center']);
    expect(table.rows).toHaveLength(3);
    const header = table.rows[0]!.cells.map((c) => (c.items[0] as RichTextBlock).inlines[0]);
    expect(header).toEqual([
      { type: 'TextRun', text: 'Workstream', weight: 'bolder' },
      { type: 'TextRun', text: 'Off track', weight: 'bolder', color: 'attention' },
      { type: 'TextRun', text: 'Total', weight: 'bolder' },
    ]);
    expect(table.rows[2]!.style).toBe('emphasis');
    expect((table.rows[2]!.cells[0]!.items[0] as RichTextBlock).inlines[0]).toEqual({ type: 'TextRun', text: 'Total', weight: 'bolder' });
    // Text in a cell is literal too, and "1." does not become a list.
    expect((table.rows[1]!.cells[0]!.items[0] as RichTextBlock).inlines[0]!.text).toBe('1. Communication');
  });

  it('leaves an empty cell empty, and gives a cell one block per line', () => {
    const card = one([{ type: 'table', columns: [{ label: 'A' }, { label: 'B' }], rows: [['', 'x\ny']] }]);
    const row = (card.body[0] as Table).rows[1]!;
    expect(row.cells[0]!.items).toEqual([]);
    expect(row.cells[1]!.items.map((i) => (i as RichTextBlock).inlines[0]!.text)).toEqual(['x', 'y']);
  });

  it('splits a 300-row table across cards: every row once, in order, each card under 28,000 bytes, the header repeated', () => {
    const { message, refs: expected } = longOverdueList(300);
    const out = renderAdaptiveCard(message);
    expectValidCards(out);
    expect(out.length).toBeGreaterThan(2);

    const refs: string[] = [];
    out.forEach(({ card, text }, i) => {
      expect(bytes(card)).toBeLessThan(28_000);
      expect(bytes(card)).toBeLessThanOrEqual(24_000);
      const tables = elementsOf(card).filter((e): e is Table => e.type === 'Table');
      for (const t of tables) {
        expect((t.rows[0]!.cells[0]!.items[0] as RichTextBlock).inlines[0]!.text).toBe('Ref');
        for (const row of t.rows.slice(1)) refs.push((row.cells[0]!.items[0] as RichTextBlock).inlines[0]!.text);
      }
      if (i > 0) {
        expect(shownLines(card)[0]).toBe(`Continued (part ${i + 1} of ${out.length}) — Overdue actions — Hull SEND`);
        expect(text).toBe(`Overdue actions — Hull SEND: 300 actions overdue. (part ${i + 1} of ${out.length})`);
      }
      // No card ends on a heading that belongs to the next.
      const last = card.body[card.body.length - 1]!;
      expect(last.type === 'TextBlock' && last.style === 'heading').toBe(false);
    });
    expect(refs).toEqual(expected);
    expect(shownLines(out[out.length - 1]!.card)).toContain('End of list');
    expect(shownLines(out[0]!.card).slice(0, 3)).toEqual(['Overdue actions — Hull SEND', 'As at 14 Mar 2025', '1. Communication']);
  });

  it('cuts a row too large for its share of a card into continuation rows, losing nothing', () => {
    const huge = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const out = render([
      { type: 'table', columns: [{ label: 'Ref' }, { label: 'Action' }, { label: 'Latest update' }], rows: [['1.1', 'Short', 'fine'], ['1.2', 'Long', huge], ['1.3', 'Short', 'fine']] },
    ]);
    const rows = out.flatMap(({ card }) => elementsOf(card).filter((e): e is Table => e.type === 'Table').flatMap((t) => t.rows.slice(1)));
    const cellText = (row: Table['rows'][number], i: number): string => row.cells[i]!.items.map((b) => (b as RichTextBlock).inlines.map((r) => r.text).join('')).join(' ');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.map((r) => cellText(r, 0))).toEqual(['1.1', '1.2', ...Array(rows.length - 3).fill(''), '1.3']);
    expect(rows.slice(1, -1).map((r) => cellText(r, 2)).join(' ').replace(/\s+/g, ' ')).toBe(huge);
    for (const r of rows) expect(Buffer.byteLength(JSON.stringify(r))).toBeLessThanOrEqual(8_000);
  });

  it('cuts a 30,000-character section between words across cards, losing nothing', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ');
    const out = render([{ type: 'section', text: words }]);
    expect(out.length).toBeGreaterThan(1);
    const text = out.flatMap(({ card }, i) => (i === 0 ? shownLines(card) : shownLines(card).slice(1))).join(' ');
    expect(text.replace(/\s+/g, ' ')).toBe(words);
  });

  it('keeps every card within a smaller budget when asked', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`R${i}`, 'x'.repeat(100)]);
    const out = render([{ type: 'table', columns: [{ label: 'Ref' }, { label: 'Text' }], rows }], 'Fallback', 6_000);
    expect(out.length).toBeGreaterThan(2);
    for (const { card } of out) expect(bytes(card)).toBeLessThanOrEqual(6_000);
  });
});

describe('renderAdaptiveCard: the real views', () => {
  it('renders the Hull highlight report within Teams’ limits, the hostile note literal', () => {
    const out = renderAdaptiveCard(hostileHullReport());
    expectValidCards(out);
    const runs = out.flatMap(({ card }) => runsOf(card));
    expect(runs.some((r) => r.text.includes(HOSTILE_NOTE))).toBe(true);
    const headings = out.flatMap(({ card }) => textBlocksOf(card));
    for (const h of headings) expect(shownMarkdown(h.text).html).not.toMatch(MARKUP_TAGS);
    const shown = out.flatMap(({ card }) => shownLines(card)).join('\n');
    for (const a of hullActions()) expect(shown).toContain(a.ref);
  });

  it('renders the overdue list and a lead’s actions with their update buttons', () => {
    const overdue = renderAdaptiveCard(oneOverdueAction());
    expectValidCards(overdue);
    expect(overdue).toHaveLength(1);
    expect(shownLines(overdue[0]!.card).join('\n')).toContain('Refresh the protocol');

    const mine = renderAdaptiveCard(myActionsMessage({ actions: [{ ...action({ id: 'act-1', ref: '2.1', title: 'Publish the Local Offer' }), programme: 'Hull SEND', coveringFor: null }] }));
    expectValidCards(mine);
    const buttons = elementsOf(mine[0]!.card).flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
    expect(buttons).toEqual([{ type: 'Action.Execute', title: 'Update 2.1', verb: 'update.open', data: { value: 'act-1' } }]);
  });
});

describe('TextBlock escaping is kept for headings only', () => {
  it('writes no TextBlock but headings in a message', () => {
    const card = one([
      { type: 'header', text: 'Title' },
      { type: 'section', text: NOTE },
      { type: 'table', columns: [{ label: 'A' }], rows: [[NOTE]] },
      { type: 'context', text: NOTE },
    ]);
    expect(textBlocksOf(card).map((t: TextBlock) => t.style)).toEqual(['heading']);
  });
});

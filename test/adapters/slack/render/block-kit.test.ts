import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { SectionBlock, SlackMessage } from '../../../../adapters/slack/render/block-kit-types.ts';
import { renderBlockKit } from '../../../../adapters/slack/render/block-kit.ts';
import { escapeMrkdwn } from '../../../../adapters/slack/render/mrkdwn.ts';
import { bold, italic, link, plain, statusSpan, type Block, type TableColumn } from '../../../../src/chat/message.ts';
import { HOSTILE_NOTE, hostileHullReport, hullActions, longOverdueList, oneOverdueAction, OVERDUE_COLUMNS } from '../../../chat/render/fixtures.ts';
import { allText, expectWithinLimits, LIVE_FORMATTING, shown, textObjects } from './support.ts';

const INJECTION = '<!channel> *bold* <http://evil|click> <@U123> _it_ ~gone~ `code` @here & &amp;';

function render(blocks: Block[], text = 'Fallback'): SlackMessage[] {
  const out = renderBlockKit({ text, blocks });
  expectWithinLimits(out);
  return out;
}

function one(blocks: Block[]): SlackMessage {
  const out = render(blocks);
  expect(out).toHaveLength(1);
  return out[0]!;
}

/** The text of every section, in order (leaving out the "continued" lines). */
function sectionTexts(out: readonly SlackMessage[]): string[] {
  return out.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : [])));
}

function sectionText(m: SlackMessage, i = 0): string {
  const b = m.blocks[i] as SectionBlock;
  expect(b.type).toBe('section');
  return b.text!.text;
}

describe('renderBlockKit: escaping', () => {
  it('shows an injection attempt literally: no mention, no link, no formatting', () => {
    const text = sectionText(one([{ type: 'section', text: INJECTION }]));
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;@U123&gt;');
    expect(text).toContain('&lt;http://evil|click&gt;');
    expect(text).not.toMatch(LIVE_FORMATTING);
    expect(text).not.toMatch(/@here/);
    expect(shown(text)).toBe(INJECTION);
  });

  it('escapes a lead’s hostile note in a table cell, and the fallback text too', () => {
    const [m] = render(
      [{ type: 'table', columns: OVERDUE_COLUMNS, rows: [['1.2', HOSTILE_NOTE, 'Priya <Shah>', '30 Nov 2023', '3 days', [statusSpan('amber')]]] }],
      `1 overdue: ${INJECTION}`,
    );
    const text = sectionText(m!);
    expect(text).not.toMatch(/<(?!https?:)/);
    expect(shown(text)).toContain(HOSTILE_NOTE);
    expect(shown(text)).toContain('Lead: Priya <Shah>');
    expect(m!.text).not.toMatch(/[<>]/);
    expect(shown(m!.text)).toBe(`1 overdue: ${INJECTION}`);
  });

  it('disarms a quote at the start of a line', () => {
    const text = sectionText(one([{ type: 'section', text: '> not a quote\nline two\n>also not' }]));
    expect(text).not.toMatch(/(^|\n)&gt;/);
    expect(shown(text)).toBe('> not a quote\nline two\n>also not');
  });

  it('writes emphasis and links as mrkdwn, escaping the words inside them', () => {
    const text = sectionText(one([{ type: 'section', text: [bold('1.2'), plain(' '), italic('a*b'), plain(' '), link('the <plan>', 'https://x.org/a?b=1&c=2')] }]));
    expect(text).toBe('*1.2* _a\u200B*\u200Bb_ <https://x.org/a?b=1&amp;c=2|the &lt;plan&gt;>');
  });

  it('keeps spaces outside emphasis markers so the emphasis works', () => {
    expect(sectionText(one([{ type: 'section', text: [plain('Update'), italic(' — Priya Shah, 5 Mar 2025')] }]))).toBe('Update _— Priya Shah, 5 Mar 2025_');
  });

  it('shows an unsafe link as words, with no link', () => {
    const text = sectionText(one([{ type: 'section', text: [link('click', 'javascript:alert(1)')] }]));
    expect(text).not.toContain('<');
    expect(shown(text)).toBe('click (javascript:alert(1))');
  });

  it('removes control characters and bidirectional overrides', () => {
    expect(shown(sectionText(one([{ type: 'section', text: 'a\u001b[31mred\u202Eb\u0007' }])))).toBe('aredb');
  });

  it('escapes for a mrkdwn field with escapeMrkdwn', () => {
    expect(escapeMrkdwn('<!here> & *x*')).toBe('&lt;!here&gt; &amp; \u200B*\u200Bx\u200B*\u200B');
  });
});

describe('renderBlockKit: blocks', () => {
  it('renders headers: levels 1 and 2 as header blocks, level 3 as bold text', () => {
    const m = one([
      { type: 'header', text: 'Highlight report — Hull SEND' },
      { type: 'header', text: 'Summary', level: 2 },
      { type: 'header', text: '1. Communication *and* co-production', level: 3 },
    ]);
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Highlight report — Hull SEND', emoji: true } });
    expect(m.blocks[1]).toMatchObject({ type: 'header', text: { text: 'Summary' } });
    expect(sectionText(m, 2)).toBe('*1. Communication \u200B*\u200Band\u200B*\u200B co-production*');
  });

  it('keeps all of a header longer than 150 characters, as bold text', () => {
    const long = `Priority 3 — ${'to identify need early and put support in place '.repeat(4)}`.trim();
    const m = one([{ type: 'header', text: long }]);
    expect(m.blocks[0]!.type).toBe('section');
    expect(shown(sectionText(m)).replace(/^\*|\*$/g, '')).toBe(long);
  });

  it('shows a BRAG status as an emoji and its words', () => {
    const m = one([
      { type: 'section', text: [statusSpan('amber'), plain(' and '), statusSpan('blue', 'Completed Embedded Sustained')] },
      { type: 'badge', status: 'red', text: 'Recruitment paused' },
      { type: 'badge', status: 'green', label: 'On track no concerns' },
      { type: 'section', text: [statusSpan('grey')] },
    ]);
    expect(sectionText(m, 0)).toBe(':large_orange_circle: Some concerns and :large_blue_circle: Completed Embedded Sustained');
    expect(sectionText(m, 1)).toBe(':red_circle: *Off track* — Recruitment paused');
    expect(sectionText(m, 2)).toBe(':large_green_circle: *On track no concerns*');
    expect(sectionText(m, 3)).toBe(':white_circle: Not started');
  });

  it('renders fields in sections of at most ten, and a field too long for one as a section', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `Field ${i}`, value: `value ${i}` }));
    const m = one([{ type: 'fields', fields: [...fields, { label: 'Note', value: 'word '.repeat(500) }] }]);
    const sections = m.blocks as SectionBlock[];
    expect(sections.map((s) => s.fields?.length ?? 0)).toEqual([10, 10, 3, 0]);
    expect(sections[0]!.fields![0]).toEqual({ type: 'mrkdwn', text: '*Field 0*\nvalue 0', verbatim: true });
    expect(sections[3]!.text!.text.startsWith('*Note*\nword word')).toBe(true);
  });

  it('renders lists with bullets or numbers', () => {
    const m = one([
      { type: 'list', items: [[bold('Priya Shah'), plain(' — 1.1, 1.2')], 'Tom <Ellis>'] },
      { type: 'list', items: ['first', 'second'], ordered: true },
    ]);
    expect(sectionText(m, 0)).toBe('• *Priya Shah* — 1.1, 1.2\n• Tom &lt;Ellis&gt;');
    expect(sectionText(m, 1)).toBe('1. first\n2. second');
  });

  it('renders context lines and dividers', () => {
    const m = one([{ type: 'context', text: 'As at 14 Mar 2025' }, { type: 'divider' }, { type: 'section', text: 'x' }]);
    expect(m.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'As at 14 Mar 2025', verbatim: true }] });
    expect(m.blocks[1]).toEqual({ type: 'divider' });
  });

  it('renders buttons with action_id = id, value, style, and a label cut to 75 characters', () => {
    const m = one([
      {
        type: 'actions',
        buttons: [
          { id: 'update.open', label: 'Update 1.2', value: 'action:1.2', style: 'primary' },
          { id: 'update.none', label: 'No change', value: 'action:1.2' },
          { id: 'help', label: 'L'.repeat(100), value: '', style: 'danger' },
        ],
      },
    ]);
    expect(m.blocks[0]).toEqual({
      type: 'actions',
      elements: [
        { type: 'button', action_id: 'update.open', text: { type: 'plain_text', text: 'Update 1.2', emoji: true }, value: 'action:1.2', style: 'primary' },
        { type: 'button', action_id: 'update.none', text: { type: 'plain_text', text: 'No change', emoji: true }, value: 'action:1.2' },
        { type: 'button', action_id: 'help', text: { type: 'plain_text', text: `${'L'.repeat(74)}…`, emoji: true }, value: '', style: 'danger' },
      ],
    });
  });

  it('puts more than 25 buttons, or two with one id, into separate actions blocks', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, label: `B${i}`, value: String(i) }));
    expect(one([{ type: 'actions', buttons: many }]).blocks.map((b) => (b.type === 'actions' ? b.elements.length : 0))).toEqual([25, 5]);
    const same = [1, 2, 3].map((i) => ({ id: 'update.open', label: `Update 1.${i}`, value: `1.${i}` }));
    const blocks = one([{ type: 'actions', buttons: same }]).blocks;
    expect(blocks).toHaveLength(3);
    expect(blocks.every((b) => b.type === 'actions' && b.elements[0]!.action_id === 'update.open')).toBe(true);
  });

  it('refuses a button value longer than Slack keeps', () => {
    expect(() => renderBlockKit({ text: 'x', blocks: [{ type: 'actions', buttons: [{ id: 'a', label: 'A', value: 'v'.repeat(2001) }] }] })).toThrow(
      /2001 characters; Slack accepts 2000/,
    );
    expect(() => renderBlockKit({ text: 'x', blocks: [{ type: 'actions', buttons: [{ id: 'a', label: 'A', value: 'v'.repeat(2000) }] }] })).not.toThrow();
  });

  it('renders a select in a message as a section with a drop-down, and an input that dispatches', () => {
    const m = one([
      { type: 'select', id: 'programme', label: 'Which programme?', options: [{ label: 'Hull SEND', value: 'p1' }, { label: 'Kent WSoA', value: 'p2' }], initial: 'p2' },
      { type: 'input', id: 'note', label: 'Note', multiline: true },
    ]);
    expect(m.blocks[0]).toMatchObject({
      type: 'section',
      block_id: 'programme',
      accessory: { type: 'static_select', action_id: 'programme', initial_option: { value: 'p2' } },
    });
    expect(m.blocks[1]).toMatchObject({ type: 'input', block_id: 'note', dispatch_action: true, element: { type: 'plain_text_input', action_id: 'note', multiline: true } });
  });

  it('uses the message text when there are no blocks, and derives a fallback when there is no text', () => {
    const [a] = render([], 'Nothing is overdue in <Hull>.');
    expect(a!.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Nothing is overdue in &lt;Hull&gt;.', verbatim: true } }]);
    const [b] = render([{ type: 'header', text: 'Overdue actions' }], '');
    expect(b!.text).toBe('Overdue actions');
    expect(() => renderBlockKit({ text: '', blocks: [] })).toThrow();
  });

  it('produces payloads that @slack/types accepts', () => {
    const [m] = render([{ type: 'section', text: 'x' }, { type: 'actions', buttons: [{ id: 'a', label: 'A', value: 'v' }] }]);
    const blocks: (types.KnownBlock | types.Block)[] = m!.blocks;
    const known: types.KnownBlock[] = m!.blocks;
    expect(blocks).toBe(known);
  });
});

describe('renderBlockKit: tables', () => {
  it('writes each row as a short paragraph: ref and title, then labelled cells, status without a label', () => {
    const text = sectionText(
      one([
        {
          type: 'table',
          columns: OVERDUE_COLUMNS,
          rows: [
            ['1.2', 'Refresh the protocol', 'Priya Shah', '30 Nov 2023', '12 days', [statusSpan('amber')]],
            ['1.10', 'Publish timescales', '', 'Nov 2024', '104 days', [statusSpan('red', 'Delayed')]],
          ],
        },
      ]),
    );
    expect(text).toBe(
      '*1.2* Refresh the protocol\nLead: Priya Shah · Due: 30 Nov 2023 · Overdue by: 12 days · :large_orange_circle: Some concerns\n\n' +
        '*1.10* Publish timescales\nDue: Nov 2024 · Overdue by: 104 days · :red_circle: Delayed',
    );
  });

  it('puts a long cell (a lead’s note) on its own line', () => {
    const note = 'The panel met twice in February and agreed the revised timescales; publication waits for the March cabinet.';
    const text = sectionText(
      one([{ type: 'table', columns: [{ label: 'Ref' }, { label: 'Action' }, { label: 'Latest update' }], rows: [['1.1', 'Timescales', note]] }]),
    );
    expect(text).toBe(`*1.1* Timescales\nLatest update: ${note}`);
  });

  it('labels count columns with their status colour and sets the totals row apart in bold', () => {
    const columns: TableColumn[] = [
      { label: 'Workstream' },
      { label: 'Complete', align: 'right', status: 'blue' },
      { label: 'Off track', align: 'right', status: 'red' },
      { label: 'Total', align: 'right' },
    ];
    const m = one([{ type: 'table', columns, rows: [['1. Communication', '2', '1', '3']], footer: ['Total', '2', '1', '3'] }]);
    expect(sectionText(m, 0)).toBe('*1. Communication*\n:large_blue_circle: Complete: 2 · :red_circle: Off track: 1 · Total: 3');
    expect(sectionText(m, 1)).toBe('*Total*\n:large_blue_circle: Complete: *2* · :red_circle: Off track: *1* · Total: *3*');
  });

  it('splits a 300-row table across several messages with every row present exactly once, in order', () => {
    const { message, refs } = longOverdueList(300);
    const out = renderBlockKit(message);
    expectWithinLimits(out);
    expect(out.length).toBeGreaterThan(1);

    const text = allText(out);
    const seen = [...text.matchAll(/\*(R\d+)\*/g)].map((m) => m[1]);
    expect(seen).toEqual(refs);
    for (const ref of refs) expect(text.split(`*${ref}* `).length - 1).toBe(1);
    expect(text).toContain('End of list');

    out.forEach((m, i) => {
      if (i > 0) {
        expect(m.blocks[0]).toEqual({
          type: 'context',
          elements: [{ type: 'mrkdwn', text: `Continued (part ${i + 1} of ${out.length}) — Overdue actions — Hull SEND`, verbatim: true }],
        });
        expect(m.text).toMatch(new RegExp(`\\(part ${i + 1} of ${out.length}\\)$`));
      }
      // No message ends on a heading that belongs to the next.
      if (i < out.length - 1) expect(m.blocks[m.blocks.length - 1]!.type).not.toBe('header');
    });
  });

  it('keeps a row whole within one section, and cuts only a row too long for any section', () => {
    const huge = 'A very long note. '.repeat(400);
    const out = render([
      { type: 'table', columns: [{ label: 'Ref' }, { label: 'Action' }, { label: 'Latest update' }], rows: [['1.1', 'Short', 'fine'], ['1.2', 'Long', huge], ['1.3', 'Short', 'fine']] },
    ]);
    const texts = sectionTexts(out);
    expect(texts.length).toBeGreaterThan(3);
    expect(texts[0]).toBe('*1.1* Short\nLatest update: fine');
    expect(texts[texts.length - 1]).toBe('*1.3* Short\nLatest update: fine');
    expect(texts.slice(1, -1).join(' ').replace(/\s+/g, ' ')).toBe(`*1.2* Long Latest update: ${huge}`.replace(/\s+/g, ' ').trim());
  });
});

describe('renderBlockKit: limits', () => {
  it('cuts a 20,000-character section between words, losing nothing', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const out = render([{ type: 'section', text: words }]);
    const texts = sectionTexts(out);
    expect(texts.length).toBeGreaterThanOrEqual(7);
    expect(texts.join(' ')).toBe(words);
  });

  it('cuts a word longer than a section, and text full of characters that grow when escaped', () => {
    const word = 'x'.repeat(7000);
    expect(sectionTexts(render([{ type: 'section', text: word }])).join('')).toBe(word);
    const amps = '&<>*'.repeat(2000);
    const out = render([{ type: 'section', text: amps }]);
    expect(out.length).toBeGreaterThan(1);
    expect(shown(sectionTexts(out).join(''))).toBe(amps);
  });

  it('closes and reopens emphasis where bold text is cut', () => {
    const out = render([{ type: 'section', text: [bold('bold '.repeat(1500))] }]);
    const texts = sectionTexts(out);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t).toMatch(/^\*bold( bold)*\*$/);
  });

  it('cuts a long context line into elements', () => {
    const out = render([{ type: 'context', text: 'note '.repeat(2000) }]);
    expect(out[0]!.blocks[0]).toMatchObject({ type: 'context' });
    expect((out[0]!.blocks[0] as { elements: unknown[] }).elements.length).toBeGreaterThan(3);
  });

  it('never puts more than 50 blocks in a message, and keeps each heading with what follows', () => {
    const blocks: Block[] = [];
    for (let i = 0; i < 60; i++) {
      blocks.push({ type: 'header', text: `Workstream ${i}`, level: 2 }, { type: 'section', text: `Body ${i}` }, { type: 'divider' });
    }
    const out = render(blocks);
    expect(out.length).toBeGreaterThanOrEqual(4);
    for (const m of out) expect(m.blocks.length).toBeLessThanOrEqual(50);
    const text = allText(out);
    for (let i = 0; i < 60; i++) expect(text).toContain(`Workstream ${i}\n`);
    for (const m of out.slice(0, -1)) expect(['header', 'divider']).not.toContain(m.blocks[m.blocks.length - 1]!.type);
  });

  it('honours a smaller block budget', () => {
    const blocks: Block[] = Array.from({ length: 25 }, (_, i) => ({ type: 'section', text: `s${i}` }));
    const out = renderBlockKit({ text: 'x', blocks }, { maxBlocks: 10 });
    expectWithinLimits(out);
    expect(out.every((m) => m.blocks.length <= 10)).toBe(true);
    expect(allText(out).match(/\bs\d+\b/g)).toEqual(blocks.map((_, i) => `s${i}`));
  });

  it('cuts a long fallback text to 3,000 characters', () => {
    const [m] = renderBlockKit({ text: 'overdue '.repeat(1000), blocks: [{ type: 'section', text: 'x' }] });
    expect(m!.text.length).toBeLessThanOrEqual(3000);
    expect(m!.text.endsWith('…')).toBe(true);
  });
});

describe('renderBlockKit: the real views', () => {
  it('renders the Hull highlight report within limits, with the hostile note escaped', () => {
    const out = renderBlockKit(hostileHullReport());
    expectWithinLimits(out);
    const text = allText(out);
    expect(text).toContain('Highlight report');
    expect(text).not.toContain('<script>');
    expect(shown(text)).toContain(HOSTILE_NOTE);
    for (const a of hullActions()) expect(text).toContain(`*${a.ref}*`);
  });

  it('renders the overdue list within limits', () => {
    const out = renderBlockKit(oneOverdueAction());
    expectWithinLimits(out);
    expect(out).toHaveLength(1);
    expect(textObjects(out[0]!.blocks).some((t) => t.text.includes('*1.2* Refresh the protocol'))).toBe(true);
  });
});

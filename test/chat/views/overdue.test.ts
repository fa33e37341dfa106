import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/chat/message.ts';
import { renderMarkdown } from '../../../src/chat/render/markdown.ts';
import { renderText } from '../../../src/chat/render/text.ts';
import { overdueMessage, type OverdueView } from '../../../src/chat/views/overdue.ts';
import { overdueList } from '../../../src/domain/report/overdue-list.ts';
import { action, day, HOSTILE_NOTE } from '../../domain/report/fixtures.ts';

const list: OverdueView = {
  programme: 'Hull SEND',
  asOf: '2025-03-14',
  items: [
    { ref: '1.2', title: 'Refresh the protocol', workstream: '1. Communication', leads: ['Priya Shah'], due: '2025-03-13', daysOverdue: 1, status: 'amber' },
    { ref: '1.10', title: 'Publish timescales', workstream: '1. Communication', leads: [], due: '2024-11-30', daysOverdue: 104, status: 'red', duePrecision: 'month' },
    { ref: '3.1', title: 'Graduated approach', workstream: '3. Early help', leads: ['Tom Ellis', 'Head of SEND.'], due: '2025-02-28', daysOverdue: 14, status: 'green' },
  ],
};

const tables = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');

describe('overdueMessage', () => {
  const message = overdueMessage(list);

  it('cuts a long list to its first actions in chat, with every workstream counted and a way to narrow it', () => {
    const short = overdueMessage(list, { limit: 2, narrowHint: 'Narrow it.' });
    const [counts, firstGroup, ...rest] = tables(short.blocks);
    expect(counts!.rows).toEqual([
      ['1. Communication', '2'],
      ['3. Early help', '1'],
    ]);
    expect(firstGroup!.rows.map((r) => r[0])).toEqual(['1.2', '1.10']);
    expect(rest).toHaveLength(0);
    expect(short.blocks.at(-1)).toEqual({ type: 'context', text: 'Showing 2 of 3. Narrow it.' });
    expect(tables(overdueMessage(list, { limit: 3 }).blocks)).toHaveLength(2);
  });

  it('titles the message with the programme and says when and how many', () => {
    expect(message.blocks[0]).toEqual({ type: 'header', text: 'Overdue actions — Hull SEND' });
    expect(message.blocks[1]).toEqual({ type: 'context', text: 'As at 14 Mar 2025 · 3 actions overdue across 2 workstreams' });
    expect(message.text).toBe('3 actions overdue in Hull SEND as at 14 Mar 2025.');
  });

  it('groups actions under their workstream, keeping the order given', () => {
    const headings = message.blocks.filter((b) => b.type === 'header' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['1. Communication', '3. Early help']);
    expect(tables(message.blocks).map((t) => t.rows.map((r) => r[0]))).toEqual([['1.2', '1.10'], ['3.1']]);
  });

  it('shows each action’s lead, due date, days overdue and status badge', () => {
    const [first, second] = tables(message.blocks)[0]!.rows;
    expect(first).toEqual(['1.2', 'Refresh the protocol', 'Priya Shah', '13 Mar 2025', '1 day', [{ kind: 'status', status: 'amber' }]]);
    expect(second!.slice(2, 5)).toEqual(['No lead recorded', 'Nov 2024', '104 days']);
    expect(tables(message.blocks)[1]!.rows[0]![2]).toBe('Tom Ellis; Head of SEND');
  });

  it('says plainly when nothing is overdue', () => {
    const empty = overdueMessage({ programme: 'Hull SEND', asOf: '2025-03-14', items: [] });
    expect(empty.text).toBe('Nothing is overdue in Hull SEND as at 14 Mar 2025.');
    expect(empty.blocks).toContainEqual({ type: 'section', text: 'Nothing is overdue.' });
    expect(renderText(empty)).toContain('Nothing is overdue.');
  });

  it('renders to Markdown with the title hostile-safe', () => {
    const md = renderMarkdown(
      overdueMessage(overdueList('Hull <SEND>', [action({ title: HOSTILE_NOTE, due: day('2025-03-01') })], '2025-03-14')),
    );
    expect(md).toContain('# Overdue actions — Hull &lt;SEND&gt;');
    expect(md).not.toContain('<script');
    const row = md.split('\n').find((l) => l.startsWith('| 1.1 '))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(row).toContain('🟢 On track');
  });

  it('renders to text as aligned columns per workstream', () => {
    const text = renderText(message);
    expect(text).toContain('Overdue actions — Hull SEND\n===========================');
    expect(text).toMatch(/1\.10\s+Publish timescales\s+No lead recorded\s+Nov 2024\s+104 days\s+\[RED\] Off track/);
  });
});

import { describe, expect, it } from 'vitest';
import type { Block, Message } from '../../../src/chat/message.ts';
import { toPlainText } from '../../../src/chat/message.ts';
import { renderMarkdown } from '../../../src/chat/render/markdown.ts';
import { renderText } from '../../../src/chat/render/text.ts';
import { highlightReportHeadline, highlightReportMessage, highlightReportParts } from '../../../src/chat/views/highlight-report.ts';
import { compileHighlightReport } from '../../../src/domain/report/highlight-report.ts';
import type { ReportAction } from '../../../src/domain/report/types.ts';
import { action, context, day, HOSTILE_NOTE, hullActions, month, update } from '../../domain/report/fixtures.ts';

const COMMS = { workstream: '1. Communication | co-production', workstreamRef: '1' };
const PARTNERS = { workstream: '2. Partnership working', workstreamRef: '2' };

function register(): ReportAction[] {
  return [
    action({
      ...COMMS,
      ref: '1.1',
      title: 'Publish agreed response timescales',
      leads: ['Priya Shah'],
      due: day('2025-02-28'),
      originalDue: day('2024-11-30'),
      dueRevisions: 2,
      status: 'amber',
      statusWord: 'On track some concerns',
      updates: [
        update({ at: '2025-02-03T10:00:00Z', status: 'green' }),
        update({ at: '2025-03-05T10:00:00Z', status: 'amber', statusWord: 'On track some concerns', note: HOSTILE_NOTE }),
      ],
    }),
    action({
      ...COMMS,
      ref: '1.2',
      title: 'Refresh the QA framework',
      leads: ['Tom Ellis'],
      due: day('2025-04-10'),
      status: 'green',
      updates: [update({ at: '2025-02-03T10:00:00Z', status: 'red', note: 'Recruiting.', author: 'Tom Ellis' })],
    }),
    action({ ...PARTNERS, ref: '2.1', title: 'Integrated hub', leads: ['Jo Bloggs'], due: month('2025-10-31'), status: 'grey', statusWord: 'Not due yet' }),
    action({ ...PARTNERS, ref: '2.2', title: 'Mapped training offer', leads: ['Sam Lee'], status: 'blue', statusWord: 'Complete' }),
    action({ ...PARTNERS, ref: '2.3', title: 'Dropped', inRegister: false }),
  ];
}

const report = compileHighlightReport(register(), context({ awayLeads: ['Jo Bloggs'] }));
const message = highlightReportMessage(report);
const markdown = renderMarkdown(message);
const text = renderText(message);

function headings(m: Message, level: 1 | 2 | 3): string[] {
  return m.blocks.filter((b) => b.type === 'header' && (b.level ?? 1) === level).map((b) => (b as { text: string }).text);
}

function tableAfter(m: Message, heading: string): Extract<Block, { type: 'table' }> {
  const start = m.blocks.findIndex((b) => b.type === 'header' && b.text === heading);
  const t = m.blocks.slice(start + 1).find((b) => b.type === 'table');
  if (!t || t.type !== 'table') throw new Error(`no table after ${heading}`);
  return t;
}

describe('highlightReportMessage: the board paper layout', () => {
  it('is titled with the programme, then the board and the dates', () => {
    expect(message.blocks[0]).toEqual({ type: 'header', text: 'Highlight report — Hull SEND' });
    expect(message.blocks[1]).toEqual({
      type: 'context',
      text: 'SEND Partnership Board · Position at 14 Mar 2025 · Next meeting 15 Apr 2025',
    });
  });

  it('has its sections in board-paper order', () => {
    expect(headings(message, 2)).toEqual([
      'Summary',
      'Exceptions',
      'Slippage',
      'Missing updates',
      'Due before the next board',
      'Workstreams',
    ]);
    expect(headings(message, 3)).toEqual(['1. Communication | co-production', '2. Partnership working']);
  });

  it('summarises BRAG counts by workstream with a totals row and movement arrows', () => {
    const summary = tableAfter(message, 'Summary');
    expect(summary.columns.map((c) => c.label)).toEqual([
      'Workstream', 'Complete', 'On track', 'Some concerns', 'Off track', 'Not started', 'Total', 'Movement',
    ]);
    expect(summary.rows).toEqual([
      ['1. Communication | co-production', '0', '1', '1', '0', '0', '2', '↑1 ↓1'],
      ['2. Partnership working', '1', '0', '0', '0', '1', '2', '—'],
    ]);
    expect(summary.footer).toEqual(['Total', '1', '1', '1', '0', '1', '4', '↑1 ↓1']);
  });

  it('says how many leads have updated, who is still to reply, and what was left out', () => {
    const facts = message.blocks.find((b) => b.type === 'section' && / leads? have updated/.test(toPlainText(b.text)));
    expect(facts && toPlainText((facts as { text: string }).text)).toMatch(
      /^\d+ of \d+ leads have updated \(updates on 1 of 3 open actions\); 1 on leave\. Outstanding: [^.]+\. 1 action no longer in the register is not counted\.$/,
    );
  });

  it('lists exceptions worst first with why they are exceptions', () => {
    const exceptions = tableAfter(message, 'Exceptions');
    expect(exceptions.rows.map((r) => [r[0], r[5]])).toEqual([['1.1', '14 days']]);
  });

  it('lists slippage with the first and current due dates', () => {
    const slippage = tableAfter(message, 'Slippage');
    expect(slippage.rows).toEqual([
      ['1.1', 'Publish agreed response timescales', 'Priya Shah', '30 Nov 2024', '28 Feb 2025', '90 days later', '2 times'],
    ]);
  });

  it('names leads with missing updates, and those on leave apart', () => {
    expect(markdown).toContain('- **Tom Ellis** — 1.2');
    expect(markdown).toMatch(/\*\*On leave\*\* \(not chased\):\n\n- \*\*Jo Bloggs\*\* — 2\.1/);
  });

  it('lists what falls due before the next board', () => {
    expect(tableAfter(message, 'Due before the next board').rows.map((r) => r[0])).toEqual(['1.2']);
  });

  it('shows each action with its movement and latest update, marking updates from before this cycle', () => {
    const detail = tableAfter(message, '1. Communication | co-production');
    expect(detail.rows.map((r) => [r[0], r[5]])).toEqual([['1.1', '↓'], ['1.2', '↑']]);
    expect(toPlainText(detail.rows[1]![6]!)).toBe('Recruiting. — Tom Ellis, 3 Feb 2025 (before this cycle)');
    expect(toPlainText(detail.rows[0]![6]!)).toBe(`${HOSTILE_NOTE} — Priya Shah, 5 Mar 2025`);
    const partners = tableAfter(message, '2. Partnership working');
    expect(toPlainText(partners.rows[0]![6]!)).toBe('No update yet');
    expect(partners.rows[0]![3]).toBe('Oct 2025');
  });

  it('gives a preview the headline alone, the same as the headline posted above the thread', () => {
    const headline = highlightReportHeadline(report, { timezone: 'Europe/London' });
    expect(headline).toEqual(highlightReportParts(report, { timezone: 'Europe/London' }).headline);
    expect(headings(headline, 2)).toEqual(['Summary']);
    expect(message.blocks.slice(0, headline.blocks.length)).toEqual(headline.blocks);
  });

  it('has a one-line plain fallback for notifications', () => {
    expect(message.text).toBe('Highlight report — Hull SEND, as at 14 Mar 2025. 4 actions: 1 with some concerns, 1 overdue.');
  });
});

describe('highlightReportMessage: empty and first-report states', () => {
  it('says so when there are no exceptions, slippage, missing updates or actions due', () => {
    const quiet = compileHighlightReport(
      [action({ status: 'green', due: day('2025-12-31'), updates: [update({ at: '2025-03-05T10:00:00Z' })] })],
      context(),
    );
    const md = renderMarkdown(highlightReportMessage(quiet));
    expect(md).toContain('No exceptions: nothing is off track, at risk or overdue.');
    expect(md).toContain('No due dates have moved.');
    expect(md).toContain('Every lead with an open action has sent an update.');
    expect(md).toContain('Nothing falls due by 15 Apr 2025.');
  });

  it('explains that movement starts from the first report', () => {
    const first = highlightReportMessage(compileHighlightReport(register(), context({ previousCutoff: null, nextMeeting: null })));
    const md = renderMarkdown(first);
    expect(md).toContain('No previous report to compare with');
    expect(md).toContain('## Due in the coming month');
    expect(tableAfter(first, 'Summary').footer!.at(-1)).toBe('—');
  });
});

describe('highlightReportMessage rendered', () => {
  it('as Markdown: a page a chair can table, with user text unable to break it', () => {
    expect(markdown.startsWith('# Highlight report — Hull SEND\n\n*SEND Partnership Board · Position at 14 Mar 2025')).toBe(true);
    expect(markdown).toContain('| Workstream | 🔵 Complete | 🟢 On track | 🟠 Some concerns | 🔴 Off track | ⚪ Not started | Total | Movement |');
    expect(markdown).toContain('| **Total** | **1** | **1** | **1** | **0** | **1** | **4** | **↑1 ↓1** |');
    expect(markdown).not.toContain('<script');
    expect(markdown).not.toMatch(/(?<!\\)\]\(javascript/);
    // Every table row has as many cells as its heading row.
    const rows = markdown.split('\n').filter((l) => l.startsWith('|'));
    let width = 0;
    for (const row of rows) {
      const n = row.split(/(?<!\\)\|/).length;
      if (/^\| (---|:---)/.test(row)) continue;
      if (rows[rows.indexOf(row) + 1]?.match(/^\| (---|:---)/)) width = n;
      expect(n).toBe(width);
    }
    // The workstream's own `|` is escaped in the summary and its heading.
    expect(markdown).toContain('### 1. Communication \\| co-production');
  });

  it('as text: no markup, statuses in words, user text as written', () => {
    const wide = renderText(message, { width: 240 });
    expect(wide).toContain('[AMBER] On track some concerns');
    expect(wide).toContain(HOSTILE_NOTE);
    expect(text).toContain('Highlight report — Hull SEND\n============================');
    expect(text).not.toMatch(/\*\*|\\\||🔴/);
  });

  it('renders the whole Hull register within the Markdown limits of one page per workstream', () => {
    const hull = compileHighlightReport(hullActions(), context({ asOf: '2024-03-14', nextMeeting: '2024-04-16' }));
    const md = renderMarkdown(highlightReportMessage(hull));
    expect(md.match(/^### /gm)).toHaveLength(6);
    expect(md).toContain('| 1.1 | Communicate transparently agreed timescales for service responses | Assistant Director Learning and Skills |');
    expect(renderText(highlightReportMessage(hull), { width: 120 }).split('\n').every((l) => [...l].length <= 120)).toBe(true);
  });

  it('uses the programme’s timezone for the day an update was made', () => {
    const late = compileHighlightReport(
      [action({ updates: [update({ at: '2025-03-05T23:30:00Z', note: 'Late' })] })],
      context(),
    );
    const inLondon = toPlainText(tableAfter(highlightReportMessage(late), '1. Communication').rows[0]![6]!);
    const inNewYork = toPlainText(tableAfter(highlightReportMessage(late, { timezone: 'America/New_York' }), '1. Communication').rows[0]![6]!);
    expect(inLondon).toContain('5 Mar 2025');
    expect(inNewYork).toContain('5 Mar 2025');
    const bst = compileHighlightReport([action({ updates: [update({ at: '2025-06-05T23:30:00Z', note: 'BST' })] })], context());
    expect(toPlainText(tableAfter(highlightReportMessage(bst), '1. Communication').rows[0]![6]!)).toContain('6 Jun 2025');
  });
});

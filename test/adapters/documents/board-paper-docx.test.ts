import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRAG_FILL } from '../../../adapters/documents/brag-palette.ts';
import { boardPaperDocx } from '../../../adapters/documents/board-paper-docx.ts';
import { columnWidths } from '../../../adapters/documents/docx-blocks.ts';
import { BRAG } from '../../../src/domain/brag.ts';
import { compileHighlightReport } from '../../../src/domain/report/highlight-report.ts';
import type { HighlightReport } from '../../../src/domain/report/report-types.ts';
import { action, context, day, HOSTILE_NOTE, update } from '../../domain/report/fixtures.ts';
import { hullBoardReport } from './board-paper-fixtures.ts';
import { bodyElements, openDocx, paragraphText, pngSize, type BodyElement, type DocxParts } from './read-docx.ts';

type Table = Extract<BodyElement, { kind: 'table' }>;
type Para = Extract<BodyElement, { kind: 'p' }>;

/** The first table after the heading with these words. */
function tableAfter(body: BodyElement[], heading: string): Table {
  const at = body.findIndex((e) => e.kind === 'p' && e.style === 'Heading1' && e.text === heading);
  const table = body.slice(at + 1).find((e): e is Table => e.kind === 'table');
  if (at < 0 || !table) throw new Error(`no table after ${heading}`);
  return table;
}

describe('the board paper for the Hull register', () => {
  let report: HighlightReport;
  let docx: DocxParts;
  let xml: string;
  let body: BodyElement[];
  let text: string;

  beforeAll(async () => {
    report = hullBoardReport();
    const data = await boardPaperDocx(report, { timezone: 'Europe/London' });
    // To look at it: BOARD_PAPER_OUT=/tmp/board-paper.docx npx vitest run test/adapters/documents
    if (process.env.BOARD_PAPER_OUT) writeFileSync(process.env.BOARD_PAPER_OUT, data);
    docx = await openDocx(data);
    xml = await docx.text('word/document.xml');
    body = bodyElements(xml);
    text = body.map((e) => (e.kind === 'p' ? e.text : e.rows.map((r) => r.map((c) => c.text).join(' | ')).join('\n'))).join('\n');
  });

  it('opens with a title page: programme, board, position and next meeting, who prepared it', () => {
    const title = body.slice(0, body.findIndex((e) => e.kind === 'p' && e.pageBreakBefore)).map((e) => (e.kind === 'p' ? e.text : ''));
    expect(title).toEqual([
      'Hull SEND',
      'Highlight report',
      'SEND Partnership Board',
      'Position at 6 Mar 2024',
      'Next meeting 16 Apr 2024',
      'Prepared by Stocktake',
    ]);
  });

  it('has the report\'s sections in order, each workstream starting a page', () => {
    const headings = body.filter((e): e is Para => e.kind === 'p' && (e.style === 'Heading1' || e.style === 'Heading2'));
    expect(headings.filter((h) => h.style === 'Heading1').map((h) => h.text)).toEqual([
      'Summary',
      'Exceptions',
      'Slippage',
      'Missing updates',
      'Due before the next board',
      'Workstreams',
    ]);
    const workstreams = headings.filter((h) => h.style === 'Heading2');
    expect(workstreams.map((h) => h.text)).toEqual(report.workstreams.map((w) => w.name));
    // "Workstreams" starts a page and the first workstream follows it; every later one starts its own.
    expect(headings.find((h) => h.text === 'Workstreams')!.pageBreakBefore).toBe(true);
    expect(workstreams.map((h) => h.pageBreakBefore)).toEqual(report.workstreams.map((_, i) => i > 0));
    expect(headings.find((h) => h.text === 'Summary')!.pageBreakBefore).toBe(true);
    expect(headings.find((h) => h.text === 'Exceptions')!.pageBreakBefore).toBe(true);
  });

  it('summarises BRAG counts by workstream with a totals row and movement', () => {
    const table = tableAfter(body, 'Summary');
    expect(table.rows[0]!.map((c) => c.text)).toEqual(['Workstream', 'Complete', 'On track', 'Some concerns', 'Off track', 'Not started', 'Total', 'Movement']);
    // Each status's heading is filled with its colour.
    expect(table.rows[0]!.slice(1, 6).map((c) => c.fill)).toEqual(BRAG.map((b) => BRAG_FILL[b].fill));
    expect(table.rows.slice(1, -1).map((r) => r[0]!.text)).toEqual(report.workstreams.map((w) => w.name));
    const total = table.rows.at(-1)!.map((c) => c.text);
    expect(total.slice(0, 7)).toEqual(['Total', ...BRAG.map((b) => String(report.totals[b])), '63']);
    expect(total[7]).toBe(`↑${report.movement.up} ↓${report.movement.down}`);
    expect(text).toContain('Movement since the previous board (cut-off 5 Feb 2024)');
  });

  it('shows the chart after the summary, then how many leads have replied', async () => {
    const media = docx.files.filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    expect(pngSize(await docx.bytes(media[0]!))).toEqual({ width: 1600, height: 120 + 70 * 6 });

    const chartAt = body.findIndex((e) => e.kind === 'p' && e.xml.includes('<w:drawing>'));
    const summaryAt = body.indexOf(tableAfter(body, 'Summary'));
    const readinessAt = body.findIndex((e) => e.kind === 'p' && / leads? have updated/.test(e.text));
    expect(summaryAt).toBeLessThan(chartAt);
    expect(chartAt).toBeLessThan(readinessAt);
    const { expected, updated, leads, leadsUpdated, outstandingLeads } = report.readiness;
    expect((body[readinessAt] as Para).text).toBe(
      `${leadsUpdated} of ${leads} leads have updated (updates on ${updated} of ${expected} open actions). Outstanding: ${outstandingLeads.join(', ')}.`,
    );
    // The chart has words for screen readers.
    expect(body[chartAt]!.xml).toMatch(/descr="Bar chart of the status of 63 actions by workstream\. 1\. To work towards/);
  });

  it('lists every exception, worst first, with a coloured status cell', () => {
    const table = tableAfter(body, 'Exceptions');
    expect(table.rows[0]!.map((c) => c.text)).toEqual(['Ref', 'Action', 'Lead', 'Status', 'Due', 'Overdue by', 'Latest update']);
    const exceptions = report.workstreams.flatMap((w) => w.exceptions);
    expect(exceptions.length).toBeGreaterThan(10);
    const rows = table.rows.slice(1);
    expect(rows.map((r) => r[0]!.text).sort()).toEqual(exceptions.map((e) => e.ref).sort());
    // Red first, each status cell filled with its colour and worded as the programme words it.
    const red = exceptions.filter((e) => e.status === 'red');
    expect(red.length).toBeGreaterThan(0);
    expect(rows.slice(0, red.length).map((r) => r[3]!.fill)).toEqual(red.map(() => BRAG_FILL.red.fill));
    expect(rows.slice(0, red.length).map((r) => r[3]!.text)).toEqual(red.map(() => 'Off track'));
    const overdue = exceptions.find((e) => e.daysOverdue !== null && e.daysOverdue > 0)!;
    const row = rows.find((r) => r[0]!.text === overdue.ref)!;
    expect(row[5]!.text).toBe(`${overdue.daysOverdue} days`);
    for (const ref of exceptions.map((e) => e.ref)) expect(text).toContain(ref);
  });

  it('has slippage, missing updates and what is due before the next board', () => {
    const slippage = tableAfter(body, 'Slippage');
    expect(slippage.rows.slice(1).map((r) => r[0]!.text)).toEqual(report.workstreams.flatMap((w) => w.slippage.map((s) => s.ref)));
    expect(slippage.rows[1]!.map((c) => c.text)).toContain('30 Jun 2024');
    expect(text).toContain("No update since 28 Feb 2024, when this cycle's requests went out.");
    for (const m of report.missingUpdates) expect(text).toContain(`${m.lead} — ${m.actions.join(', ')}`);
    const dueNext = tableAfter(body, 'Due before the next board');
    expect(dueNext.rows.slice(1).map((r) => r[0]!.text)).toEqual(report.dueNext.map((i) => i.ref));
  });

  it("gives each workstream every action with its status, lead, due date and latest update", () => {
    for (const w of report.workstreams) {
      const table = tableAfter(
        body.filter((e) => !(e.kind === 'p' && e.style === 'Heading1')).map((e) => (e.kind === 'p' && e.style === 'Heading2' ? { ...e, style: 'Heading1' } : e)),
        w.name,
      );
      expect(table.rows[0]!.map((c) => c.text)).toEqual(['Ref', 'Action', 'Lead', 'Due', 'Status', 'Movement', 'Latest update']);
      expect(table.rows.slice(1).map((r) => r[0]!.text)).toEqual(w.items.map((i) => i.ref));
      w.items.forEach((item, i) => {
        const row = table.rows[i + 1]!;
        expect(row[1]!.text).toBe(item.title);
        expect(row[4]!.fill).toBe(BRAG_FILL[item.status].fill);
        expect(row[4]!.text).toBe(item.statusWord);
      });
    }
    // A note this cycle, with who and when (the day in the programme's timezone, en-GB).
    expect(text).toContain('Draft protocol shared with the Parent Carer Forum; comments due back by the end of the month. — Assistant Director Learning and Skills., 1 Mar 2024');
    expect(text).toContain('No note — import, 30 Jan 2024 (before this cycle)');
  });

  it('keeps user text as plain text: markup stays literal, control characters go', () => {
    expect(text).toContain(HOSTILE_NOTE);
    expect(xml).not.toContain('<script>');
    expect(text).toContain('Bell escape[31m red[0m nul end');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('is A4 with a running header (programme) and footer (page numbers), not on the title page', async () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(docx.files.filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => docx.text(f)));
    expect(headers.map(paragraphText)).toContain('Hull SEND — Highlight report\tSEND Partnership Board · Position at 6 Mar 2024');
    const footers = await Promise.all(docx.files.filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => docx.text(f)));
    expect(footers.some((f) => f.includes('PAGE') && f.includes('NUMPAGES'))).toBe(true);
    const core = await docx.text('docProps/core.xml');
    expect(core).toContain('Highlight report — Hull SEND');
    expect(core).toContain('Stocktake');
  });
});

describe('a small board paper', () => {
  it('words an empty register and a report with nothing to flag', async () => {
    const empty = compileHighlightReport([], context({ asOf: '2025-03-14' }));
    const data = await boardPaperDocx(empty, {});
    const docx = await openDocx(data);
    const text = paragraphText(await docx.text('word/document.xml'));
    expect(text).toContain('Position at 14 Mar 2025');
    expect(text).toContain('No exceptions: nothing is off track, at risk or overdue.');
    expect(text).toContain('The register has no actions.');
    expect(docx.files.filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
  });

  it('dates updates in the programme\'s timezone', async () => {
    const late = compileHighlightReport(
      [action({ status: 'green', updates: [update({ at: '2025-03-31T23:30:00Z', note: 'Late night note.', author: 'Priya Shah' })] })],
      context({ asOf: '2025-04-02', cycleStart: new Date('2025-03-20T09:30:00Z'), nextMeeting: null }),
    );
    const london = paragraphText(await (await openDocx(await boardPaperDocx(late, { timezone: 'Europe/London' }))).text('word/document.xml'));
    const utc = paragraphText(await (await openDocx(await boardPaperDocx(late, { timezone: 'UTC' }))).text('word/document.xml'));
    expect(london).toContain('Late night note. — Priya Shah, 1 Apr 2025');
    expect(utc).toContain('Late night note. — Priya Shah, 31 Mar 2025');
    expect(london).not.toContain('Next meeting');
    expect(london).toContain('Due in the coming month');
  });

  it('writes a due date moved to a day as a day', async () => {
    const r = compileHighlightReport([action({ ref: '1.1', due: day('2025-05-09'), status: 'amber', statusWord: 'At risk' })], context());
    const text = paragraphText(await (await openDocx(await boardPaperDocx(r, {}))).text('word/document.xml'));
    expect(text).toContain('9 May 2025');
    expect(text).toContain('At risk');
  });
});

describe('table columns', () => {
  const measure = (t: string, bold: boolean) => t.length * (bold ? 110 : 100);

  it('add up to the page width, give short values room on one line and long text the most room', () => {
    const columns = [{ label: 'Ref' }, { label: 'Action' }, { label: 'Due' }, { label: 'Latest update' }];
    const rows = [
      ['1.1', 'A long action title that goes on and on about what the partnership will do next year', '14 Mar 2025', 'A note.'],
      ['1.2', 'Another long action title with many words in it for the board to read', 'Nov 2025', 'A much longer note from the lead about progress so far.'],
    ];
    const widths = columnWidths(columns, rows, 9638, measure);
    expect(widths.reduce((a, n) => a + n, 0)).toBe(9638);
    expect(widths[2]!).toBeGreaterThanOrEqual('14 Mar 2025'.length * 100);
    expect(widths[1]!).toBeGreaterThan(widths[3]!);
    expect(widths[3]!).toBeGreaterThan(widths[0]!);
  });

  it('never break a heading inside a word', () => {
    const widths = columnWidths([{ label: 'Ref' }, { label: 'Overdue by' }], [['1.1', '3 days']], 3000, measure);
    expect(widths[1]!).toBeGreaterThanOrEqual('Overdue'.length * 110);
  });
});

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import { BRAG, BRAG_LABEL } from '../../src/domain/brag.ts';
import { formatDate } from '../../src/domain/dates/calendar.ts';
import type { HighlightReport } from '../../src/domain/report/report-types.ts';
import { totalOf } from '../../src/domain/report/totals.ts';
import type { Block } from '../../src/chat/message.ts';
import { highlightReportParts } from '../../src/chat/views/highlight-report.ts';
import { chartHeight, CHART_WIDTH, renderBragChart } from './brag-chart.ts';
import { documentText } from './brag-palette.ts';
import { blocksToDocx, COLOUR, SIZE, textRuns, type DocxContent } from './docx-blocks.ts';

export interface BoardPaperOptions {
  /** The programme's timezone, for the days updates were made on (default Europe/London). */
  timezone?: string;
}

// A4 in twips, with 2 cm margins.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The chart's width on the page, in pixels at 96 to the inch. */
const CHART_PX = Math.floor((CONTENT_WIDTH / 1440) * 96);

/**
 * The highlight report as a board paper (.docx) a chair can table: a title page; the BRAG
 * summary by workstream with movement, a chart of it and how many leads have replied; the
 * exceptions, slippage, missing updates and what falls due before the next board; then each
 * workstream on its own page with every action and its latest update. The words and sections
 * are the highlight report's own (the same view as the chat and Markdown versions), laid out
 * for paper: A4, Arial, a running header with the programme's name and page numbers below.
 */
export async function boardPaperDocx(report: HighlightReport, options: BoardPaperOptions = {}): Promise<Uint8Array> {
  const parts = highlightReportParts(report, options.timezone === undefined ? {} : { timezone: options.timezone });
  const chart = await renderBragChart(report.workstreams);

  // The headline's own title and meeting line are on the title page; the rest is the summary.
  const headline = parts.headline.blocks;
  const firstSection = headline.findIndex((b) => b.type === 'header' && (b.level ?? 1) >= 2);
  const summary = firstSection < 0 ? [] : headline.slice(firstSection);
  const details = parts.details.flatMap((m) => m.blocks);

  const at = chartIndex(summary);
  const body: DocxContent[] = [
    ...blocksToDocx(summary.slice(0, at), { contentWidth: CONTENT_WIDTH, pageBreakBefore: (_b, i) => i === 0 }),
    chartParagraph(report, chart),
    ...blocksToDocx(summary.slice(at), { contentWidth: CONTENT_WIDTH }),
    ...blocksToDocx(details, { contentWidth: CONTENT_WIDTH, pageBreakBefore: newPage(details) }),
  ];

  const title = `Highlight report — ${documentText(report.programme)}`;
  const doc = new Document({
    creator: 'Stocktake',
    title,
    description: documentText(parts.headline.text),
    styles: STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { ...PAGE, orientation: PageOrientation.PORTRAIT },
            margin: MARGIN,
          },
        },
        headers: { first: new Header({ children: [] }), default: runningHeader(report) },
        footers: { first: new Footer({ children: [] }), default: runningFooter() },
        children: [...titlePage(report), ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ── Title page ─────────────────────────────────────────────────────────────

function titlePage(r: HighlightReport): Paragraph[] {
  const line = (text: string, size: number, extra: { bold?: boolean; color?: string; before?: number; after?: number } = {}): Paragraph =>
    new Paragraph({
      children: textRuns(text, { size, ...(extra.bold ? { bold: true } : {}), ...(extra.color ? { color: extra.color } : {}) }),
      spacing: { before: extra.before ?? 0, after: extra.after ?? 160 },
    });
  const paras = [
    line(r.programme, 56, { bold: true, color: HEADING_COLOUR, before: 3600, after: 240 }),
    line('Highlight report', 40, { color: HEADING_COLOUR, after: 480 }),
  ];
  if (r.board) paras.push(line(r.board, 28, { bold: true }));
  paras.push(line(`Position at ${formatDate(r.asOf)}`, 28));
  if (r.nextMeeting) paras.push(line(`Next meeting ${formatDate(r.nextMeeting)}`, 28));
  paras.push(
    new Paragraph({
      border: { top: { style: BorderStyle.SINGLE, size: 8, color: HEADING_COLOUR, space: 8 } },
      spacing: { before: 4800 },
      children: textRuns('Prepared by Stocktake', { size: SIZE.body, color: COLOUR.quiet }),
    }),
  );
  return paras;
}

function runningHeader(r: HighlightReport): Header {
  const right = [r.board, `Position at ${formatDate(r.asOf)}`].filter((p): p is string => p !== null).join(' · ');
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOUR.rule, space: 4 } },
        children: [
          ...textRuns(`${r.programme} — Highlight report`, { size: SIZE.small, color: COLOUR.quiet }),
          new TextRun({ text: '\t', size: SIZE.small }),
          ...textRuns(right, { size: SIZE.small, color: COLOUR.quiet }),
        ],
      }),
    ],
  });
}

function runningFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: SIZE.small, color: COLOUR.quiet })],
      }),
    ],
  });
}

// ── The chart ──────────────────────────────────────────────────────────────

function chartParagraph(r: HighlightReport, png: Uint8Array): Paragraph {
  const height = Math.round((CHART_PX * chartHeight(r.workstreams.length)) / CHART_WIDTH);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    keepLines: true,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: CHART_PX, height },
        altText: { name: 'BRAG chart', title: 'Status of actions by workstream', description: chartDescription(r) },
      }),
    ],
  });
}

/** The chart in words, for screen readers (the same counts as the summary table). */
function chartDescription(r: HighlightReport): string {
  const counts = (t: HighlightReport['totals']): string =>
    BRAG.filter((b) => t[b] > 0)
      .map((b) => `${t[b]} ${BRAG_LABEL[b].toLowerCase()}`)
      .join(', ') || 'no actions';
  const lines = r.workstreams.map((w) => `${documentText(w.name)}: ${counts(w.totals)}.`);
  return documentText(`Bar chart of the status of ${totalOf(r.totals)} actions by workstream. ${lines.join(' ')}`);
}

/** The chart goes after the summary table and its legend line (before the readiness line). */
function chartIndex(blocks: readonly Block[]): number {
  const table = blocks.findIndex((b) => b.type === 'table');
  if (table < 0) return blocks.length;
  let after = table + 1;
  while (blocks[after]?.type === 'context') after += 1;
  return after;
}

/**
 * Where the details start new pages: at the first (the exceptions), at a section made of
 * sub-sections (the workstreams), and at each of its sub-sections after the first.
 */
function newPage(blocks: readonly Block[]): (block: Block, index: number) => boolean {
  const level = (b: Block | undefined): number | null => (b?.type === 'header' ? (b.level ?? 1) : null);
  return (block, i) => {
    if (i === 0) return true;
    if (level(block) === 2) return level(blocks[i + 1]) === 3;
    if (level(block) === 3) return level(blocks[i - 1]) !== 2;
    return false;
  };
}

// ── Styles ─────────────────────────────────────────────────────────────────

const HEADING_COLOUR = '1F3864';

const STYLES = {
  default: {
    document: {
      run: { font: 'Arial', size: SIZE.body },
      paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
    },
    heading1: {
      run: { font: 'Arial', size: 32, bold: true, color: HEADING_COLOUR },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
    },
    heading2: {
      run: { font: 'Arial', size: 26, bold: true, color: HEADING_COLOUR },
      paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
    },
  },
} as const;

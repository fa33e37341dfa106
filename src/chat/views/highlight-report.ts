import { BRAG, BRAG_LABEL } from '../../domain/brag.ts';
import { formatDate } from '../../domain/dates/calendar.ts';
import type {
  BragTotals,
  ExceptionItem,
  HighlightReport,
  LeadActions,
  MovementCounts,
  ReportItem,
  SlippageItem,
  WorkstreamSection,
} from '../../domain/report/report-types.ts';
import { totalOf } from '../../domain/report/totals.ts';
import { bold, italic, plain, rich, statusSpan, type Block, type Message, type RichText, type Span, type TableColumn } from '../message.ts';
import { ARROW, DEFAULT_TIMEZONE, dayOf, daysText, dueText, leadsText, plural } from './view-format.ts';

export interface HighlightReportViewOptions {
  /** The programme's timezone, for the days updates were made on. */
  timezone?: string;
}

/**
 * The highlight report as a page of a board paper: title and meeting line; a BRAG summary by
 * workstream with movement; then by exception — what is red, amber or overdue, what has
 * slipped, who has not updated, what falls due before the next board; then each workstream's
 * actions with their latest update.
 */
export function highlightReportMessage(report: HighlightReport, options: HighlightReportViewOptions = {}): Message {
  const parts = highlightReportParts(report, options);
  return { text: parts.headline.text, blocks: [parts.headline, ...parts.details].flatMap((m) => m.blocks) };
}

/**
 * The same report cut where a channel wants it cut: the headline (title and BRAG summary) to post,
 * and the details (exceptions, slippage, missing updates, due next, each workstream) for its thread.
 */
export function highlightReportParts(report: HighlightReport, options: HighlightReportViewOptions = {}): { headline: Message; details: Message[] } {
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  const headline = highlightReportHeadline(report, options);
  const sections = [exceptions(report), slippage(report), missingUpdates(report, timezone), dueNext(report), details(report, timezone)];
  const detailMessages = sections.filter((blocks) => blocks.length > 0).map((blocks): Message => ({ text: sectionTitle(blocks) ?? headline.text, blocks }));
  return { headline, details: detailMessages };
}

/** The headline alone (title, meeting line, BRAG summary): what a preview shows, without the cost of the details. */
export function highlightReportHeadline(report: HighlightReport, options: HighlightReportViewOptions = {}): Message {
  return {
    text: fallback(report),
    blocks: [{ type: 'header', text: `Highlight report — ${report.programme}` }, { type: 'context', text: meetingLine(report) }, ...summary(report, options.timezone ?? DEFAULT_TIMEZONE)],
  };
}

function sectionTitle(blocks: readonly Block[]): string | null {
  const first = blocks.find((b) => b.type === 'header');
  return first && first.type === 'header' ? first.text : null;
}

function meetingLine(r: HighlightReport): string {
  const parts = [r.board, `Position at ${formatDate(r.asOf)}`];
  if (r.nextMeeting) parts.push(`Next meeting ${formatDate(r.nextMeeting)}`);
  return parts.filter((p): p is string => p !== null).join(' · ');
}

function fallback(r: HighlightReport): string {
  const total = totalOf(r.totals);
  const concerns = [
    r.totals.red > 0 ? `${r.totals.red} off track` : null,
    r.totals.amber > 0 ? `${r.totals.amber} with some concerns` : null,
    r.overdue.length > 0 ? `${r.overdue.length} overdue` : null,
  ].filter((p): p is string => p !== null);
  const tail = concerns.length > 0 ? `: ${concerns.join(', ')}` : '';
  return `Highlight report — ${r.programme}, as at ${formatDate(r.asOf)}. ${plural(total, 'action')}${tail}.`;
}

// ── Summary ────────────────────────────────────────────────────────────────

const SUMMARY_COLUMNS: readonly TableColumn[] = [
  { label: 'Workstream' },
  ...BRAG.map((b): TableColumn => ({ label: BRAG_LABEL[b], align: 'right', status: b })),
  { label: 'Total', align: 'right' },
  { label: 'Movement', align: 'centre' },
];

function summary(r: HighlightReport, timezone: string): Block[] {
  const rows = r.workstreams.map((w) => [w.name, ...counts(w.totals), movementText(w.movement)]);
  const footer = ['Total', ...counts(r.totals), movementText(r.movement)];
  const blocks: Block[] = [
    { type: 'header', text: 'Summary', level: 2 },
    { type: 'table', columns: SUMMARY_COLUMNS, rows, footer },
    { type: 'context', text: movementLegend(r, timezone) },
  ];
  const facts = [readinessText(r)];
  if (r.notInRegister > 0) {
    facts.push(`${plural(r.notInRegister, 'action')} no longer in the register ${r.notInRegister === 1 ? 'is' : 'are'} not counted.`);
  }
  blocks.push({ type: 'section', text: facts.join(' ') });
  return blocks;
}

function counts(t: BragTotals): string[] {
  return [...BRAG.map((b) => String(t[b])), String(totalOf(t))];
}

function movementText(m: MovementCounts): string {
  if (m.up + m.down + m.same === 0) return '—';
  return `${ARROW.up}${m.up} ${ARROW.down}${m.down}`;
}

function movementLegend(r: HighlightReport, timezone: string): string {
  if (r.previousCutoff === null) return 'No previous report to compare with: movement will be shown from the next one.';
  return `Movement since the previous board (cut-off ${dayOf(r.previousCutoff, timezone)}): ${ARROW.up} improved, ${ARROW.down} worsened, ${ARROW.same} unchanged.`;
}

function readinessText(r: HighlightReport): string {
  const { expected, updated, leads, leadsUpdated, outstandingLeads, onLeaveLeads } = r.readiness;
  if (expected === 0) return 'No open actions needed an update this cycle.';
  const parts = [`${leadsUpdated} of ${plural(leads, 'lead')} have updated (updates on ${updated} of ${plural(expected, 'open action')})`];
  if (onLeaveLeads.length > 0) parts.push(`${onLeaveLeads.length} on leave`);
  const outstanding = outstandingLeads.length > 0 ? ` Outstanding: ${outstandingLeads.join(', ')}.` : '';
  return `${parts.join('; ')}.${outstanding}`;
}

// ── By exception ───────────────────────────────────────────────────────────

const SEVERITY: Record<string, number> = { red: 0, amber: 1 };

function exceptions(r: HighlightReport): Block[] {
  // Worst first (red, amber, then overdue only), keeping register order within each.
  const items = r.workstreams
    .flatMap((w) => w.exceptions)
    .sort((a, b) => (SEVERITY[a.status] ?? 2) - (SEVERITY[b.status] ?? 2));
  const head: Block[] = [
    { type: 'header', text: 'Exceptions', level: 2 },
    { type: 'context', text: 'Actions off track, with some concerns, or past their due date.' },
  ];
  if (items.length === 0) return [head[0]!, { type: 'section', text: 'No exceptions: nothing is off track, at risk or overdue.' }];
  const columns: TableColumn[] = [
    { label: 'Ref' },
    { label: 'Action' },
    { label: 'Lead' },
    { label: 'Status' },
    { label: 'Due' },
    { label: 'Overdue by', align: 'right' },
    { label: 'Latest update' },
  ];
  const rows = items.map((e: ExceptionItem) => [
    e.ref,
    e.title,
    leadsText(e.leads),
    statusCell(e),
    dueText(e.due, e.duePrecision),
    e.daysOverdue === null ? '' : daysText(e.daysOverdue),
    noteOnly(e),
  ]);
  return [...head, { type: 'table', columns, rows }];
}

function slippage(r: HighlightReport): Block[] {
  const items = r.workstreams.flatMap((w) => w.slippage);
  const head: Block = { type: 'header', text: 'Slippage', level: 2 };
  if (items.length === 0) return [head, { type: 'section', text: 'No due dates have moved.' }];
  const columns: TableColumn[] = [
    { label: 'Ref' },
    { label: 'Action' },
    { label: 'Lead' },
    { label: 'First due' },
    { label: 'Now due' },
    { label: 'Moved', align: 'right' },
    { label: 'Re-dated', align: 'right' },
  ];
  const rows = items.map((s: SlippageItem) => [
    s.ref,
    s.title,
    leadsText(s.leads),
    dueText(s.originalDue, s.originalDuePrecision),
    dueText(s.due, s.duePrecision),
    movedText(s.daysMoved),
    s.timesRedated === 1 ? 'once' : `${s.timesRedated} times`,
  ]);
  return [
    head,
    { type: 'context', text: 'Open actions whose due date differs from the one first agreed.' },
    { type: 'table', columns, rows },
  ];
}

function movedText(days: number | null): string {
  if (days === null) return 'date withdrawn';
  if (days === 0) return 'same day';
  return days > 0 ? `${daysText(days)} later` : `${daysText(-days)} earlier`;
}

function missingUpdates(r: HighlightReport, timezone: string): Block[] {
  const blocks: Block[] = [{ type: 'header', text: 'Missing updates', level: 2 }];
  const since = r.cycleStart === null ? 'No update recorded' : `No update since ${dayOf(r.cycleStart, timezone)}, when this cycle's requests went out`;
  if (r.missingUpdates.length === 0) {
    blocks.push({ type: 'section', text: 'Every lead with an open action has sent an update.' });
  } else {
    blocks.push({ type: 'context', text: `${since}.` }, { type: 'list', items: r.missingUpdates.map(leadLine) });
  }
  if (r.onLeave.length > 0) {
    blocks.push(
      { type: 'section', text: [bold('On leave'), plain(' (not chased):')] },
      { type: 'list', items: r.onLeave.map(leadLine) },
    );
  }
  return blocks;
}

function leadLine(l: LeadActions): RichText {
  return [bold(l.lead), plain(` — ${l.actions.join(', ')}`)];
}

function dueNext(r: HighlightReport): Block[] {
  const title = r.nextMeeting ? 'Due before the next board' : 'Due in the coming month';
  const blocks: Block[] = [
    { type: 'header', text: title, level: 2 },
    { type: 'context', text: `Open actions due from ${formatDate(r.asOf)} to ${formatDate(r.dueNextUntil)}.` },
  ];
  if (r.dueNext.length === 0) return [blocks[0]!, { type: 'section', text: `Nothing falls due by ${formatDate(r.dueNextUntil)}.` }];
  const columns: TableColumn[] = [{ label: 'Ref' }, { label: 'Action' }, { label: 'Lead' }, { label: 'Due' }, { label: 'Status' }];
  const rows = r.dueNext.map((i) => [i.ref, i.title, leadsText(i.leads), dueText(i.due, i.duePrecision), statusCell(i)]);
  return [...blocks, { type: 'table', columns, rows }];
}

// ── Workstream detail ──────────────────────────────────────────────────────

const DETAIL_COLUMNS: readonly TableColumn[] = [
  { label: 'Ref' },
  { label: 'Action' },
  { label: 'Lead' },
  { label: 'Due' },
  { label: 'Status' },
  { label: 'Movement', align: 'centre' },
  { label: 'Latest update' },
];

function details(r: HighlightReport, timezone: string): Block[] {
  if (r.workstreams.length === 0) {
    return [{ type: 'header', text: 'Workstreams', level: 2 }, { type: 'section', text: 'The register has no actions.' }];
  }
  const cycleStart = r.cycleStart === null ? null : Date.parse(r.cycleStart);
  return [
    { type: 'header', text: 'Workstreams', level: 2 },
    ...r.workstreams.flatMap((w) => workstream(w, cycleStart, timezone)),
  ];
}

function workstream(w: WorkstreamSection, cycleStart: number | null, timezone: string): Block[] {
  const rows = w.items.map((i) => [
    i.ref,
    i.title,
    leadsText(i.leads),
    dueText(i.due, i.duePrecision),
    statusCell(i),
    ARROW[i.direction],
    updateCell(i, cycleStart, timezone),
  ]);
  return [
    { type: 'header', text: w.name, level: 3 },
    { type: 'context', text: workstreamLine(w) },
    { type: 'table', columns: DETAIL_COLUMNS, rows },
  ];
}

function workstreamLine(w: WorkstreamSection): string {
  const statuses = BRAG.filter((b) => w.totals[b] > 0).map((b) => `${w.totals[b]} ${BRAG_LABEL[b].toLowerCase()}`);
  const parts = [`${plural(totalOf(w.totals), 'action')}: ${statuses.join(', ')}`];
  if (w.movement.up + w.movement.down > 0) parts.push(`${ARROW.up}${w.movement.up} ${ARROW.down}${w.movement.down} since the last board`);
  if (w.exceptions.length > 0) parts.push(plural(w.exceptions.length, 'exception'));
  if (w.notInRegister > 0) parts.push(`${w.notInRegister} no longer in the register`);
  return parts.join(' · ');
}

/** The status as the programme words it, with its colour. */
function statusCell(i: ReportItem): Span[] {
  return [statusSpan(i.status, i.statusWord)];
}

/** A lead's note with who and when; marked when it predates this cycle, so it is not read as news. */
function updateCell(i: ReportItem, cycleStart: number | null, timezone: string): RichText {
  const u = i.latestUpdate;
  if (u === null) return [italic('No update yet')];
  const note = u.note?.trim() ? u.note.trim() : null;
  const earlier = cycleStart !== null && Date.parse(u.at) < cycleStart;
  const by = `${u.author}, ${dayOf(u.at, timezone)}${earlier ? ' (before this cycle)' : ''}`;
  return rich(note === null ? italic('No note') : plain(note), italic(` — ${by}`));
}

function noteOnly(i: ReportItem): RichText {
  const note = i.latestUpdate?.note?.trim();
  return note ? note : [italic(i.latestUpdate ? 'No note' : 'No update yet')];
}

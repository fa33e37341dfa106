import type { AckResult, LoadResult } from './ack-latency.ts';
import type { FanOutResult } from './fan-out.ts';

/** The Slack issue's aim: the acknowledgement's p99 within 50 ms. */
export const ACK_AIM_MS = 50;
/** The board-cycle issue's aim: the fan-out within 1.1× the time the rate limits allow. */
export const FANOUT_AIM = 1.1;
/** The aim for the bot's idle RSS. */
export const IDLE_RSS_AIM_MB = 300;

export const ms = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const s = (n: number) => (n / 1000).toFixed(1);
const yes = (ok: boolean, md: boolean) => (ok ? 'yes' : md ? '**no**' : 'NO');

export function pad(cells: string[][], leftColumns: number): string {
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  return cells.map((r) => r.map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

const NUMERIC = /^[-–\d.,×/ ]+$/;

export function markdown(cells: string[][], leftColumns: number): string {
  const [head, ...rows] = cells;
  const right = (c: number) => c >= leftColumns && rows.every((r) => NUMERIC.test(r[c]!));
  return [`| ${head!.join(' | ')} |`, `|${head!.map((_, c) => (right(c) ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function ackCells(results: readonly AckResult[], md: boolean): string[][] {
  const head = ['database', 'command', 'requests', 'ack p50', 'p90', 'p99', 'max', 'answered', 'answer p50', 'answer p99', `p99 ≤ ${ACK_AIM_MS} ms`];
  const rows = results.flatMap((r) =>
    r.loads.map((l: LoadResult) => [
      r.label,
      l.command,
      `${l.requests} at ${l.rate}/s`,
      ms(l.ack.p50),
      ms(l.ack.p90),
      ms(l.ack.p99),
      ms(l.ack.max),
      `${l.answered - l.wrongAnswers}/${l.requests}`,
      l.answer ? ms(l.answer.p50) : '–',
      l.answer ? ms(l.answer.p99) : '–',
      yes(l.ack.p99 <= ACK_AIM_MS, md),
    ]),
  );
  return [head, ...rows];
}

function fanOutCells(results: readonly FanOutResult[], md: boolean): string[][] {
  const head = ['database', 'leads', 'wall s', 'floor s', 'ratio', 'prompts (one each)', 'lost', 'duplicated', '429s', `≤ ${FANOUT_AIM}×`];
  const rows = results.map((r) => [
    r.label,
    String(r.leads),
    s(r.wallMs),
    s(r.floorMs),
    `${(r.wallMs / r.floorMs).toFixed(2)}×`,
    `${r.prompts.exactlyOne}/${r.leads}`,
    String(r.prompts.missing),
    String(r.prompts.duplicated),
    String(r.rateLimited),
    yes(r.wallMs / r.floorMs <= FANOUT_AIM, md),
  ]);
  return [head, ...rows];
}

function rssCells(acks: readonly AckResult[], fanOuts: readonly FanOutResult[], md: boolean): string[][] {
  const head = ['database', 'bot on', 'start s', 'idle RSS MB', 'peak RSS MB', 'peak during', `idle ≤ ${IDLE_RSS_AIM_MB} MB`];
  const rows = [
    ...acks.map((r) => [r.label, 'bench programme (2,000 actions)', s(r.startMs), r.idle.rssMb.toFixed(0), r.peak.peakRssMb.toFixed(0), 'the slash-command loads', yes(r.idle.rssMb <= IDLE_RSS_AIM_MB, md)]),
    ...fanOuts.map((r) => [r.label, `${r.leads} leads`, '–', r.idle.rssMb.toFixed(0), r.peak.peakRssMb.toFixed(0), 'the fan-out', yes(r.idle.rssMb <= IDLE_RSS_AIM_MB, md)]),
  ];
  return [head, ...rows];
}

export function formatService(acks: readonly AckResult[], fanOuts: readonly FanOutResult[], asMarkdown = false): string {
  const out: string[] = [];
  const table = (cells: string[][], left: number) => (asMarkdown ? markdown(cells, left) : pad(cells, left));
  if (acks.length) out.push(table(ackCells(acks, asMarkdown), 3));
  if (fanOuts.length) out.push(table(fanOutCells(fanOuts, asMarkdown), 1));
  if (acks.length || fanOuts.length) out.push(table(rssCells(acks, fanOuts, asMarkdown), 2));
  return out.join('\n\n');
}

/** The spread behind the tables: statuses, where answers went, the generator's accuracy, the fan-out's timeline and store time. */
export function formatServiceDetails(acks: readonly AckResult[], fanOuts: readonly FanOutResult[]): string {
  const lines: string[] = [];
  for (const r of acks) {
    lines.push(`${r.label}, slash commands (load average ${r.load[0].toFixed(1)} at the start, ${r.load[1].toFixed(1)} at the end; the bench's main thread, which hosts the fake Slack: p99 ${ms(r.benchLoopDelay.p99)} ms, max ${ms(r.benchLoopDelay.max)} ms)`);
    lines.push(`  warm-up (not in the figures): ${r.warmUp.requests} × /stocktake help one at a time; the first after start-up acknowledged in ${ms(r.warmUp.firstAckMs)} ms and answered in ${ms(r.warmUp.firstAnswerMs)} ms, the others acknowledged within ${ms(r.warmUp.restAckMaxMs)} ms`);
    lines.push(`  the bot logged ${r.botErrors.count} error(s)${r.botErrors.count ? `: ${r.botErrors.kinds.join('; ')}` : ''}`);
    lines.push(`  bot: started in ${s(r.startMs)} s; idle RSS ${r.idle.rssMb.toFixed(0)} MB (heap ${r.idle.heapUsedMb.toFixed(0)} MB, external ${r.idle.externalMb.toFixed(0)} MB); after the load RSS ${r.peak.rssMb.toFixed(0)} MB, peak ${r.peak.peakRssMb.toFixed(0)} MB (heap ${r.peak.heapUsedMb.toFixed(0)} MB)`);
    for (const l of r.loads) {
      lines.push(
        `  ${l.command} (${l.caller}): HTTP ${Object.entries(l.statuses).map(([k, v]) => `${k} ×${v}`).join(', ')}; ` +
          `answered ${l.answered}/${l.requests}${l.wrongAnswers ? ` (${l.wrongAnswers} of them an error)` : ''}, ${l.parts.min === l.parts.max ? l.parts.min : `${l.parts.min}–${l.parts.max}`} part(s) each, ` +
          `${l.via.responseUrl} on the response_url, ${l.via.ephemeral} as ephemerals; answer p90 ${l.answer ? ms(l.answer.p90) : '–'} ms, max ${l.answer ? ms(l.answer.max) : '–'} ms; ` +
          `last answer ${l.drainS.toFixed(1)} s after the first request (${l.servedPerS.toFixed(1)} answers a second); sent late by p99 ${ms(l.sendLate.p99)} ms, max ${ms(l.sendLate.max)} ms; ` +
          `the sender's event loop: p99 ${ms(l.senderLoopDelay.p99)} ms, max ${ms(l.senderLoopDelay.max)} ms`,
      );
      lines.push(`    first answer: “${l.sample}”`);
    }
  }
  for (const r of fanOuts) {
    const t = r.tick;
    lines.push(`${r.label}, fan-out to ${r.leads} leads (load average ${r.load[0].toFixed(1)} at the start, ${r.load[1].toFixed(1)} at the end)`);
    lines.push(`  warm-up (not in the figures): a tick a day before the ask, nothing due, took ${s(r.warmUpTickMs)} s`);
    lines.push(
      `  tick: ${t.result.due} due, ${t.result.queued} queued, ${t.result.dispatched.sent} sent, ${t.result.dispatched.retried} retried, ${t.result.dispatched.failed} failed; ` +
        `rows written after ${t.enqueuedMs === null ? '–' : s(t.enqueuedMs)} s, first prompt after ${s(r.firstPostMs)} s, last prompt after ${s(r.wallMs)} s, tick returned ${s(r.tailMs)} s later`,
    );
    lines.push(`  spacing of successive posts: p50 ${ms(r.postGaps.p50)} ms, p90 ${ms(r.postGaps.p90)} ms, p99 ${ms(r.postGaps.p99)} ms, max ${ms(r.postGaps.max)} ms`);
    lines.push(`  Web API calls: ${Object.entries(r.calls).map(([k, v]) => `${k} ×${v}`).join(', ')}; other messages in the DMs: ${r.prompts.otherMessages}`);
    const stateLoaded = t.store.find((c) => c.method === 'outbox.existingKeys')?.lastMs;
    lines.push(`  before the first post: cycle state loaded after ${stateLoaded === undefined ? '–' : s(stateLoaded)} s (${t.store.find((c) => c.method === 'outbox.countsSince')?.calls ?? 0} outbox.countsSince and ${t.store.find((c) => c.method === 'people.contacts')?.calls ?? 0} people.contacts calls), intents composed and written after ${t.enqueuedMs === null ? '–' : s(t.enqueuedMs)} s`);
    lines.push(
      `  store methods (calls, time awaited — calls overlap —, and the window from the first call to the last answer, s): ` +
        t.store.slice(0, 10).map((c) => `${c.method} ${c.calls}× ${ms(c.totalMs)} ms [${s(c.firstMs)}–${s(c.lastMs)}]`).join(', '),
    );
  }
  return lines.join('\n');
}

import type { AckResult } from './ack-latency.ts';
import type { FanOutResult } from './fan-out.ts';
import type { TargetResult } from './run-target.ts';
import { ACK_AIM_MS, FANOUT_AIM, IDLE_RSS_AIM_MB, markdown, ms, pad } from './service-table.ts';
import { AIM } from './table.ts';

/*
 * The issue's aims, one line each per database, from whichever parts ran: the acknowledgement p99 of
 * `/overdue` and `/send-report`, the report against its floor, the fan-out against the rate limits, and
 * the bot's idle RSS on the bench programme (its peak beside it).
 */

interface Line {
  database: string;
  aim: string;
  figure: string;
  met: boolean;
}

function ackLines(r: AckResult): Line[] {
  return r.loads
    .filter((l) => l.command === '/overdue' || l.command === '/send-report')
    .map((l) => ({
      database: r.label,
      aim: `${l.command} ack p99 ≤ ${ACK_AIM_MS} ms at ${l.rate}/s`,
      figure: `p50 ${ms(l.ack.p50)} ms, p99 ${ms(l.ack.p99)} ms (${l.answered - l.wrongAnswers}/${l.requests} answered)`,
      met: l.ack.p99 <= ACK_AIM_MS && l.answered - l.wrongAnswers === l.requests,
    }));
}

function reportLine(r: TargetResult): Line[] {
  const row = r.rows.find((x) => x.operation.startsWith('report'));
  if (!row) return [];
  const ratio = row.appMs / row.floorMs;
  return [{ database: r.label, aim: `report compile ≤ ${AIM}× its floor`, figure: `${ms(row.appMs)} ms vs ${ms(row.floorMs)} ms: ${ratio.toFixed(1)}×`, met: ratio <= AIM }];
}

function fanOutLine(r: FanOutResult): Line {
  const ratio = r.wallMs / r.floorMs;
  const complete = r.prompts.exactlyOne === r.leads;
  return {
    database: r.label,
    aim: `fan-out of ${r.leads} ≤ ${FANOUT_AIM}× its floor`,
    figure: `${(r.wallMs / 1000).toFixed(1)} s vs ${(r.floorMs / 1000).toFixed(1)} s: ${ratio.toFixed(2)}×${complete ? '' : ` (${r.prompts.exactlyOne}/${r.leads} delivered once)`}`,
    met: ratio <= FANOUT_AIM && complete,
  };
}

function rssLine(r: AckResult): Line {
  return { database: r.label, aim: `idle RSS ≤ ${IDLE_RSS_AIM_MB} MB`, figure: `idle ${r.idle.rssMb.toFixed(0)} MB, peak ${r.peak.peakRssMb.toFixed(0)} MB (bench programme)`, met: r.idle.rssMb <= IDLE_RSS_AIM_MB };
}

export function formatAims(results: readonly TargetResult[], acks: readonly AckResult[], fanOuts: readonly FanOutResult[], asMarkdown = false): string {
  const databases = [...new Set([...acks, ...results, ...fanOuts].map((r) => r.label))];
  const lines = databases.flatMap((database) => [
    ...acks.filter((r) => r.label === database).flatMap(ackLines),
    ...results.filter((r) => r.label === database).flatMap(reportLine),
    ...fanOuts.filter((r) => r.label === database).map(fanOutLine),
    ...acks.filter((r) => r.label === database).map(rssLine),
  ]);
  if (lines.length === 0) return '';
  const cells = [['database', 'aim', 'figure', 'met'], ...lines.map((l) => [l.database, l.aim, l.figure, l.met ? 'yes' : asMarkdown ? '**no**' : 'NO'])];
  const loads = [...acks, ...results, ...fanOuts].flatMap((r) => r.load);
  const load = `One-minute load average from ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} over the parts (at their starts and ends).`;
  return `${asMarkdown ? markdown(cells, 3) : pad(cells, 3)}\n\n${load}`;
}

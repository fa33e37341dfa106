import os from 'node:os';
import type { TargetResult } from './run-target.ts';

/** The aim the Foundation issue sets: each operation within 3× of its floor. */
export const AIM = 3;

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  return cells
    .map((r) => r.map((cell, c) => (c === 0 || c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

/** One table for every database run: operation, app ms, floor ms, ratio, statements sent, and whether the 3× aim is met. */
export function formatTable(results: readonly TargetResult[]): string {
  const head = ['database', 'operation', 'app ms', 'floor ms', 'ratio', 'app stmts', `≤${AIM}×`];
  const rows = results.flatMap((t) =>
    t.rows.map((r) => {
      const ratio = r.appMs / r.floorMs;
      return [t.label, r.operation, ms(r.appMs), ms(r.floorMs), `${ratio.toFixed(1)}×`, String(r.appQueries), ratio <= AIM ? 'yes' : 'NO'];
    }),
  );
  const rss = results.map((t) => `  ${t.label}: peak RSS ${t.peakRssMb.toFixed(0)} MB (the bench's Node process${t.target === 'embedded' ? ', PGlite included' : '; the server is apart'})`);
  return [pad([head, ...rows]), '', ...rss].join('\n');
}

/** The same table as Markdown, for BENCHMARKS.md. */
export function formatMarkdown(results: readonly TargetResult[]): string {
  const lines = ['| database | operation | app ms | floor ms | ratio | app statements | within 3× |', '|---|---|---:|---:|---:|---:|---|'];
  for (const t of results) {
    for (const r of t.rows) {
      const ratio = r.appMs / r.floorMs;
      lines.push(`| ${t.label} | ${r.operation} | ${ms(r.appMs)} | ${ms(r.floorMs)} | ${ratio.toFixed(1)}× | ${r.appQueries} | ${ratio <= AIM ? 'yes' : '**no**'} |`);
    }
  }
  lines.push('', ...results.map((t) => `- ${t.label}: peak RSS ${t.peakRssMb.toFixed(0)} MB`));
  return lines.join('\n');
}

/** Each timed run, and the set-up steps, for whoever wants to see the spread. */
export function formatDetails(t: TargetResult): string {
  const lines = [`${t.label} (load average ${t.load[0].toFixed(1)} at the start, ${t.load[1].toFixed(1)} at the end, on ${os.cpus().length} cores)`];
  for (const s of t.setup) lines.push(`  set-up: ${s.step}: ${ms(s.ms)} ms`);
  for (const r of t.rows) {
    lines.push(`  ${r.operation}: app runs ${r.appRuns.map(ms).join(', ')} ms; floor runs ${r.floorRuns.map(ms).join(', ')} ms (${r.floorQueries} statement${r.floorQueries === 1 ? '' : 's'})`);
  }
  return lines.join('\n');
}

/**
 * `npm run bench`: a synthetic programme (2,000 actions, 200 people, 50,000 updates) on the embedded
 * database and on PostgreSQL; times the first import, a re-import, `overdue` and the report, each
 * beside its floor (the same answer from one hand-written SQL statement), and prints the ratios
 * (part `queries`). Then the running bot: the acknowledgement latency of `/overdue` and `/send-report`
 * under 20 signed requests a second, with the bot's idle and peak RSS (part `ack`), and a board
 * cycle's prompts to 500 leads against a fake Slack with Slack's rate limits (part `fanout`).
 * Each database and part runs in its own child process (the bot in one more), so each has its own
 * peak RSS. It ends with the aims (acknowledgement p99, report against its floor, fan-out against the
 * rate limits, idle RSS), one line each per database. Not a test: nothing asserts a time.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runAck, type AckResult } from './bench/ack-latency.ts';
import { formatAims } from './bench/aims.ts';
import { runFanOut, type FanOutResult } from './bench/fan-out.ts';
import { parseOptions, toArgs, type BenchOptions, type PartName, type TargetName } from './bench/options.ts';
import { runTarget, type TargetResult } from './bench/run-target.ts';
import { formatService, formatServiceDetails } from './bench/service-table.ts';
import { formatDetails, formatMarkdown, formatTable } from './bench/table.ts';
import { LABELS, POSTGRES_SKIPPED, postgresAdminUrl } from './bench/targets.ts';

const log = (line: string) => console.error(`[bench] ${line}`);

type PartResult = TargetResult | AckResult | FanOutResult;

/** Runs one part on one database in a child process and returns what it measured, or null when it failed. */
function runChild(target: TargetName, part: PartName, o: BenchOptions): Promise<PartResult | null> {
  return new Promise((resolve) => {
    let result: PartResult | null = null;
    const child = fork(fileURLToPath(import.meta.url), toArgs(o, target, part), { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => {
      result = m as PartResult;
    });
    child.on('exit', (code) => {
      if (code !== 0) log(`${LABELS[target]}, ${part}: the run failed (exit status ${code})`);
      resolve(result);
    });
  });
}

async function runPart(target: TargetName, part: PartName, o: BenchOptions): Promise<PartResult> {
  if (part === 'ack') return runAck(target, o, log);
  if (part === 'fanout') return runFanOut(target, o, log);
  return runTarget(target, o, log);
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  if (o.child) {
    const result = await runPart(o.targets[0]!, o.parts[0]!, o);
    // Sent, then gone: nothing left should hold the process open, but a stray handle must not keep it waiting.
    if (process.send) process.send(result, () => process.exit(0));
    else if ('rows' in result) console.log(`${formatTable([result])}\n\n${formatDetails(result)}`);
    else console.log(`${formatService(result.part === 'ack' ? [result] : [], result.part === 'fanout' ? [result] : [])}\n\n${formatServiceDetails(result.part === 'ack' ? [result] : [], result.part === 'fanout' ? [result] : [])}`);
    return;
  }

  const results: TargetResult[] = [];
  const acks: AckResult[] = [];
  const fanOuts: FanOutResult[] = [];
  const skipped: string[] = [];
  let failed = 0;
  for (const target of o.targets) {
    if (target === 'postgres' && !postgresAdminUrl()) {
      skipped.push(POSTGRES_SKIPPED);
      continue;
    }
    for (const part of o.parts) {
      const result = await runChild(target, part, o);
      if (!result) failed++;
      else if ('rows' in result) results.push(result);
      else if (result.part === 'ack') acks.push(result);
      else fanOuts.push(result);
    }
  }

  console.log(
    `\nStocktake bench: ${o.actions} actions over ${o.priorities} priorities, ${o.people} people, ${o.updates} updates; ` +
      `median of ${o.importRuns} runs per import and ${o.runs} per query, each after one warm-up. ` +
      `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}.\n`,
  );
  if (results.length) console.log(formatTable(results));
  for (const s of skipped) console.log(`\n${s}`);
  for (const r of results) console.log(`\n${formatDetails(r)}`);
  if (acks.length || fanOuts.length) {
    console.log(`\nThe running bot (its own process): slash-command acknowledgements at ${o.ackRate} a second, open loop; a fan-out of ${o.leads} prompts against a fake Slack admitting 1 message a second per channel and 20 a second in all.\n`);
    console.log(formatService(acks, fanOuts));
    console.log(`\n${formatServiceDetails(acks, fanOuts)}`);
  }
  const disagreements = results.flatMap((r) => r.disagreements.map((d) => `${r.label}: ${d}`));
  if (disagreements.length) {
    console.log('\nWARNING: the app and the floor disagree:');
    for (const d of disagreements) console.log(`  - ${d}`);
  } else if (results.length) {
    console.log('\nThe app and the floor agree on every answer (overdue refs and days, report totals, movement, readiness, latest updates).');
  }
  const aims = formatAims(results, acks, fanOuts);
  if (aims) console.log(`\nThe aims, on the bench programme:\n\n${aims}`);
  if (process.env.BENCH_MARKDOWN) {
    if (results.length) console.log(`\n${formatMarkdown(results)}`);
    if (acks.length || fanOuts.length) console.log(`\n${formatService(acks, fanOuts, true)}`);
    if (aims) console.log(`\n${formatAims(results, acks, fanOuts, true)}`);
  }
  if (failed > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

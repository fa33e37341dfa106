/**
 * `npm run bench`: a synthetic programme (2,000 actions, 200 people, 50,000 updates) on the embedded
 * database and on PostgreSQL; times the first import, a re-import, `overdue` and the report, each
 * beside its floor (the same answer from one hand-written SQL statement), and prints the ratios.
 * Each database runs in its own child process, so each has its own peak RSS. Not a test: nothing asserts a time.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseOptions, toArgs, type BenchOptions, type TargetName } from './bench/options.ts';
import { runTarget, type TargetResult } from './bench/run-target.ts';
import { formatDetails, formatMarkdown, formatTable } from './bench/table.ts';
import { LABELS, POSTGRES_SKIPPED, postgresAdminUrl } from './bench/targets.ts';

const log = (line: string) => console.error(`[bench] ${line}`);

/** Runs one database in a child process and returns what it measured, or null when it failed. */
function runChild(target: TargetName, o: BenchOptions): Promise<TargetResult | null> {
  return new Promise((resolve) => {
    let result: TargetResult | null = null;
    const child = fork(fileURLToPath(import.meta.url), toArgs(o, target), { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => {
      result = m as TargetResult;
    });
    child.on('exit', (code) => {
      if (code !== 0) log(`${LABELS[target]}: the run failed (exit status ${code})`);
      resolve(result);
    });
  });
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  if (o.child) {
    const result = await runTarget(o.targets[0]!, o, log);
    if (process.send) process.send(result);
    else console.log(`${formatTable([result])}\n\n${formatDetails(result)}`);
    return;
  }

  const results: TargetResult[] = [];
  const skipped: string[] = [];
  for (const target of o.targets) {
    if (target === 'postgres' && !postgresAdminUrl()) {
      skipped.push(POSTGRES_SKIPPED);
      continue;
    }
    const result = await runChild(target, o);
    if (result) results.push(result);
  }

  console.log(
    `\nStocktake bench: ${o.actions} actions over ${o.priorities} priorities, ${o.people} people, ${o.updates} updates; ` +
      `median of ${o.importRuns} runs per import and ${o.runs} per query, each after one warm-up. ` +
      `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}.\n`,
  );
  if (results.length) console.log(formatTable(results));
  for (const s of skipped) console.log(`\n${s}`);
  for (const r of results) console.log(`\n${formatDetails(r)}`);
  const disagreements = results.flatMap((r) => r.disagreements.map((d) => `${r.label}: ${d}`));
  if (disagreements.length) {
    console.log('\nWARNING: the app and the floor disagree:');
    for (const d of disagreements) console.log(`  - ${d}`);
  } else if (results.length) {
    console.log('\nThe app and the floor agree on every answer (overdue refs and days, report totals, movement, readiness, latest updates).');
  }
  if (process.env.BENCH_MARKDOWN) console.log(`\n${formatMarkdown(results)}`);
  if (results.length < o.targets.length - skipped.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

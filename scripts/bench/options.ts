/** The bench's knobs. The defaults are the Foundation issue's programme: 2,000 actions, 200 people, 50,000 updates. */
export interface BenchOptions {
  actions: number;
  people: number;
  updates: number;
  priorities: number;
  /** Timed runs of `overdue` and the report (after one warm-up); the median is reported. */
  runs: number;
  /** Timed runs of each import (after one warm-up): imports are heavy, so fewer. */
  importRuns: number;
  /** Which databases: both by default. */
  targets: TargetName[];
  /** Which parts of the bench: all by default. */
  parts: PartName[];
  /** `/overdue` requests sent for the acknowledgement latency (Slack issue: 1,000). */
  ackRequests: number;
  /** `/send-report` requests (each compiles the report: fewer); as many `/stocktake help` are sent first, for the ack path alone. */
  reportRequests: number;
  /** Requests a second, open loop (Slack issue: 20). */
  ackRate: number;
  /** Leads prompted in the fan-out (board-cycle issue: 500). */
  leads: number;
  /** Set in the child process that runs one database and one part, so each has its own peak RSS. */
  child: boolean;
}

export type TargetName = 'embedded' | 'postgres';

/** `queries`: import, re-import, overdue and report beside their floors; `ack`: slash-command acknowledgement latency and the bot's RSS; `fanout`: the board cycle's prompts under Slack's rate limits. */
export type PartName = 'queries' | 'ack' | 'fanout';
export const PARTS: readonly PartName[] = ['queries', 'ack', 'fanout'];

const DEFAULTS: BenchOptions = {
  actions: 2000,
  people: 200,
  updates: 50_000,
  priorities: 20,
  runs: 5,
  importRuns: 3,
  targets: ['embedded', 'postgres'],
  parts: [...PARTS],
  ackRequests: 1000,
  reportRequests: 200,
  ackRate: 20,
  leads: 500,
  child: false,
};

export const USAGE = `npm run bench [-- options]

  --actions N       actions in the synthetic register (${DEFAULTS.actions})
  --people N        people in the directory (${DEFAULTS.people})
  --updates N       status updates written in bulk after the import (${DEFAULTS.updates})
  --priorities N    workstreams the actions are spread over (${DEFAULTS.priorities})
  --runs N          timed runs of overdue and the report, after one warm-up (${DEFAULTS.runs})
  --import-runs N   timed runs of each import, after one warm-up (${DEFAULTS.importRuns})
  --target T        embedded or postgres (default: both, each in its own process)
  --only P[,P…]     parts to run (default all): queries (import, re-import, overdue, report vs floors),
                    ack (/overdue and /send-report acknowledgement latency, the bot's idle and peak RSS),
                    fanout (a board cycle's prompts to N leads under Slack's rate limits)
  --ack-requests N  /overdue requests for the acknowledgement latency (${DEFAULTS.ackRequests})
  --report-requests N  /send-report requests, and /stocktake help requests (the ack path alone) (${DEFAULTS.reportRequests})
  --ack-rate N      slash commands a second, open loop (${DEFAULTS.ackRate})
  --leads N         leads prompted in the fan-out (${DEFAULTS.leads})

PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a role that may CREATE DATABASE;
the bench creates a throwaway database stocktake_bench_<random> there and drops it afterwards.
BENCH_MARKDOWN=1 also prints the table as Markdown (for BENCHMARKS.md); BENCH_SLOW_MS=N names every
SQL statement slower than N milliseconds. BENCH_CPU_PROF=DIR writes a V8 CPU profile of each bot
process (ack and fan-out parts; one per thread) into DIR/bot-<part>-<database>/; summarise one with
npx tsx scripts/bench/cpu-profile.ts FILE.`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS, targets: [...DEFAULTS.targets] };
  const numbers: Record<string, keyof BenchOptions> = {
    '--actions': 'actions',
    '--people': 'people',
    '--updates': 'updates',
    '--priorities': 'priorities',
    '--runs': 'runs',
    '--import-runs': 'importRuns',
    '--ack-requests': 'ackRequests',
    '--report-requests': 'reportRequests',
    '--ack-rate': 'ackRate',
    '--leads': 'leads',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag === '--child') {
      options.child = true;
    } else if (flag === '--target') {
      const t = value();
      if (t !== 'embedded' && t !== 'postgres') throw new Error(`--target must be embedded or postgres, not "${t}"`);
      options.targets = [t];
    } else if (flag === '--only') {
      const parts = value().split(',').map((p) => p.trim()).filter(Boolean);
      const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
      if (parts.length === 0 || unknown.length) throw new Error(`--only takes a comma-separated list of ${PARTS.join(', ')}, not "${unknown.join(',')}"`);
      options.parts = PARTS.filter((p) => parts.includes(p));
    } else if (numbers[flag]) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number of at least 1`);
      (options as unknown as Record<string, number>)[numbers[flag]] = n;
    } else {
      throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
    }
  }
  if (options.people < 2) throw new Error('--people must be at least 2');
  return options;
}

/** The options again as arguments, for the child process that runs one database and one part. */
export function toArgs(o: BenchOptions, target: TargetName, part: PartName): string[] {
  return [
    '--child', '--target', target, '--only', part,
    '--actions', String(o.actions), '--people', String(o.people), '--updates', String(o.updates),
    '--priorities', String(o.priorities), '--runs', String(o.runs), '--import-runs', String(o.importRuns),
    '--ack-requests', String(o.ackRequests), '--report-requests', String(o.reportRequests), '--ack-rate', String(o.ackRate),
    '--leads', String(o.leads),
  ];
}

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
  /** Set in the child process that runs one database, so each database has its own peak RSS. */
  child: boolean;
}

export type TargetName = 'embedded' | 'postgres';

const DEFAULTS: BenchOptions = {
  actions: 2000,
  people: 200,
  updates: 50_000,
  priorities: 20,
  runs: 5,
  importRuns: 3,
  targets: ['embedded', 'postgres'],
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

PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a role that may CREATE DATABASE;
the bench creates a throwaway database stocktake_bench_<random> there and drops it afterwards.
BENCH_MARKDOWN=1 also prints the table as Markdown (for BENCHMARKS.md); BENCH_SLOW_MS=N names every
SQL statement slower than N milliseconds.`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS, targets: [...DEFAULTS.targets] };
  const numbers: Record<string, keyof BenchOptions> = {
    '--actions': 'actions',
    '--people': 'people',
    '--updates': 'updates',
    '--priorities': 'priorities',
    '--runs': 'runs',
    '--import-runs': 'importRuns',
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

/** The options again as arguments, for the child process that runs one database. */
export function toArgs(o: BenchOptions, target: TargetName): string[] {
  return [
    '--child', '--target', target,
    '--actions', String(o.actions), '--people', String(o.people), '--updates', String(o.updates),
    '--priorities', String(o.priorities), '--runs', String(o.runs), '--import-runs', String(o.importRuns),
  ];
}

import pg from 'pg';

export interface Timing<T> {
  /** Every timed run, in order (the warm-up is not among them). */
  ms: number[];
  median: number;
  /** SQL statements sent during one timed run (the last). */
  queries: number;
  /** What the last timed run returned. */
  last: T;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let statements = 0;
let counting = false;

/**
 * Counts the statements every pg client sends (Prisma's driver adapter and the bench's own SQL
 * go through the same `pg` package), so the table can say how many round trips an operation makes.
 * With BENCH_SLOW_MS set, it also names every statement slower than that many milliseconds.
 */
export function countStatements(): void {
  if (counting) return;
  counting = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const slowMs = Number(process.env.BENCH_SLOW_MS ?? 0);
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    const started = performance.now();
    const result = original.apply(this, args);
    if (slowMs > 0 && result instanceof Promise) {
      void result.then(() => {
        const elapsed = performance.now() - started;
        if (elapsed < slowMs) return;
        const first = args[0] as string | { text?: string };
        const text = typeof first === 'string' ? first : (first?.text ?? '');
        console.error(`[bench] slow statement, ${elapsed.toFixed(0)} ms: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
      }, () => {});
    }
    return result;
  };
}

export interface Side<T> {
  run: (i: number) => Promise<T>;
  /** Untimed, before each run of this side (warm-up included). */
  prepare?: (i: number) => Promise<void>;
}

/**
 * The app and its floor, measured turn about (app, floor, app, floor…), each after one warm-up,
 * so that load from elsewhere on the machine falls on both sides alike rather than on one.
 */
export async function measurePair<A, F>(runs: number, app: Side<A>, floor: Side<F>): Promise<[Timing<A>, Timing<F>]> {
  const a = { ms: [] as number[], queries: 0, last: undefined as A | undefined };
  const f = { ms: [] as number[], queries: 0, last: undefined as F | undefined };
  const once = async <T>(side: Side<T>, into: { ms: number[]; queries: number; last: T | undefined }, i: number) => {
    if (side.prepare) await side.prepare(i);
    const before = statements;
    const started = performance.now();
    const value = await side.run(i);
    const elapsed = performance.now() - started;
    if (i < 0) return;
    into.ms.push(elapsed);
    into.queries = statements - before;
    into.last = value;
  };
  for (let i = -1; i < runs; i++) {
    await once(app, a, i);
    await once(floor, f, i);
  }
  return [
    { ms: a.ms, median: median(a.ms), queries: a.queries, last: a.last as A },
    { ms: f.ms, median: median(f.ms), queries: f.queries, last: f.last as F },
  ];
}

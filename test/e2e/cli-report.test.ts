import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDataDir, killAll, removeDataDir, show, stocktake, type CliResult } from './cli-harness.ts';

// Each command is a fresh Node process that loads the sources through tsx and opens PGlite: seconds each, more on a busy machine.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// One data directory for the file: `demo` loads it once and the report tests read it, in order.
let dataDir: string;
const run = (...args: string[]) => stocktake(dataDir, args);
const AS_OF = '2024-03-06';
const COLOURS = ['blue', 'green', 'amber', 'red', 'grey'] as const;

function expectExit(r: CliResult, code: number): void {
  expect(r.code, show(r)).toBe(code);
}

/** Compares refs such as 3.2 and 3.14 as people number them. */
const byRef = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

beforeAll(async () => {
  dataDir = await freshDataDir();
});

afterAll(async () => {
  await killAll();
  await removeDataDir(dataDir);
});

describe('stocktake demo and report, run as the real command line', () => {
  let markdown: string;

  it("loads the demo: Hull's people, its 63 actions, a board and a programme manager", async () => {
    const r = await run('demo');
    expectExit(r, 0);
    expect(r.stdout).toContain('People: 12 new, 0 updated.');
    expect(r.stdout).toMatch(/63 actions under 6 workstreams: 63 new/);
    expect(r.stdout).toMatch(/Board: SEND Partnership Board, chaired by Dr Helen Carter/);
    expect(r.stdout).toContain('Nadia Hussain is now programme manager.');
  });

  it('compiles the highlight report as Markdown with a title and a summary table of every workstream', async () => {
    const r = await run('report', '--programme', 'Hull', '--as-of', AS_OF, '--format', 'markdown');
    expectExit(r, 0);
    markdown = r.stdout;
    expect(markdown).toMatch(/^# Highlight report — Hull$/m);
    expect(markdown).toMatch(/^## Summary$/m);
    const table = markdown.split('\n').filter((line) => line.startsWith('|'));
    expect(table[0]).toMatch(/^\| Workstream \|.*Total/);
    expect(table[1]).toMatch(/^\| ---/);
    // One row per workstream (each named "1. …" to "6. …") and a total of all 63 actions.
    for (let n = 1; n <= 6; n += 1) expect(table.some((line) => line.startsWith(`| ${n}. `)), `workstream ${n}`).toBe(true);
    expect(table.find((line) => line.startsWith('| **Total**'))).toContain('**63**');
  });

  it('compiles the report as JSON with the keys DESIGN promises, its items in its shape', async () => {
    const r = await run('report', '--programme', 'Hull', '--as-of', AS_OF, '--format', 'json');
    expectExit(r, 0);
    const report = JSON.parse(r.stdout) as Record<string, unknown> & {
      programme: string;
      board: string | null;
      asOf: string;
      totals: Record<string, number>;
      workstreams: { name: string; totals: Record<string, number>; items: Record<string, unknown>[] }[];
      overdue: { ref: string; due: string | null; status: string }[];
      missingUpdates: { lead: string; actions: string[] }[];
      dueNext: unknown[];
    };
    for (const key of ['programme', 'board', 'asOf', 'totals', 'workstreams', 'overdue', 'missingUpdates', 'dueNext']) expect(report).toHaveProperty(key);
    expect(report).toMatchObject({ programme: 'Hull', board: 'SEND Partnership Board', asOf: AS_OF });
    expect(Object.keys(report.totals).sort()).toEqual([...COLOURS].sort());
    expect(COLOURS.reduce((sum, c) => sum + report.totals[c]!, 0)).toBe(63);

    expect(report.workstreams).toHaveLength(6);
    for (const ws of report.workstreams) {
      expect(ws.name).not.toBe('');
      expect(Object.keys(ws.totals).sort()).toEqual([...COLOURS].sort());
      for (const item of ws.items) {
        expect(item).toEqual({
          ref: expect.any(String),
          title: expect.any(String),
          workstream: ws.name,
          leads: expect.any(Array),
          due: expect.toSatisfy((d: unknown) => d === null || (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))),
          duePrecision: expect.toSatisfy((p: unknown) => p === 'day' || p === 'month' || (p === null && item.due === null)),
          status: expect.toSatisfy((s: unknown) => (COLOURS as readonly unknown[]).includes(s)),
          statusWord: expect.any(String),
          direction: expect.toSatisfy((d: unknown) => ['up', 'down', 'same', 'new'].includes(d as string)),
          latestUpdate: expect.toSatisfy((u: unknown) => u === null || (typeof u === 'object' && ['status', 'note', 'author', 'at'].every((k) => k in (u as object)))),
        });
      }
    }
    expect(report.workstreams.flatMap((ws) => ws.items)).toHaveLength(63);

    expect(report.overdue.length).toBeGreaterThan(0);
    for (const item of report.overdue) {
      expect(item.due! < AS_OF).toBe(true);
      expect(item.status).not.toBe('blue');
    }
    // Items are ordered by workstream, then ref.
    const refs = report.overdue.map((i) => i.ref);
    expect(refs).toEqual([...refs].sort(byRef));

    for (const missing of report.missingUpdates) {
      expect(missing.lead).not.toBe('');
      expect(missing.actions.length).toBeGreaterThan(0);
    }
    expect(Array.isArray(report.dueNext)).toBe(true);

    // The report's exceptions and `overdue` agree on the same day.
    const overdue = await run('overdue', '--programme', 'Hull', '--as-of', AS_OF, '--format', 'json');
    expectExit(overdue, 0);
    const listed = (JSON.parse(overdue.stdout) as { items: { ref: string }[] }).items.map((i) => i.ref);
    expect([...listed].sort(byRef)).toEqual(refs);
  });

  it('writes the report to the file given with --out and says where, instead of printing it', async () => {
    const out = path.join(dataDir, 'report.md');
    const r = await run('report', '--programme', 'Hull', '--as-of', AS_OF, '--format', 'markdown', '--out', out);
    expectExit(r, 0);
    expect(r.stdout).toContain(out);
    expect(r.stdout).not.toContain('# Highlight report');
    const written = await readFile(out, 'utf8');
    expect(written).toMatch(/^# Highlight report — Hull$/m);
    expect(written.trimEnd()).toBe(markdown.trimEnd());
  });

  it('runs the demo again without duplicating people, actions or the board', async () => {
    const r = await run('demo');
    expectExit(r, 0);
    expect(r.stdout).toContain('People: 0 new, 12 updated.');
    expect(r.stdout).toMatch(/63 actions under 6 workstreams: 0 new, 0 updated, 63 unchanged/);
    expect(r.stdout).toMatch(/Board: SEND Partnership Board/);
  });
});

import type { ChildProcess } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDataDir, killAll, removeDataDir, show, startStocktake, stocktake, type CliResult } from './cli-harness.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

let dataDir: string;
let server: ChildProcess;
let port: number;
let stdout = '';
let stderr = '';
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

const exists = (file: string) => access(path.join(dataDir, file)).then(() => true, () => false);

function expectExit(r: CliResult, code: number): void {
  expect(r.code, show(r)).toBe(code);
}

/** The port from the structured start-up line, e.g. {"port":41597,"msg":"Stocktake is listening on …"}. */
async function listeningPort(timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { port?: unknown; msg?: string };
      if (typeof entry.port === 'number' && entry.msg?.includes('listening')) return entry.port;
    }
    if (server.exitCode !== null) throw new Error(`serve exited with ${server.exitCode}\n${stdout}\n${stderr}`);
    await sleep(100);
  }
  throw new Error(`serve did not say which port it listens on within ${timeoutMs} ms\n${stdout}\n${stderr}`);
}

async function get(route: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}${route}`, { signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  dataDir = await freshDataDir();
  // PORT=0: the operating system picks a free port, and the start-up log says which.
  server = startStocktake(dataDir, ['serve'], { PORT: '0', LOG_LEVEL: 'info' });
  server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  port = await listeningPort(180_000);
});

afterAll(async () => {
  await killAll();
  await removeDataDir(dataDir);
});

describe('stocktake serve, with command-line commands sharing its database', () => {
  it('answers /healthz with 200 {"status":"ok"} and /readyz with 200', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready' });
  });

  it('publishes server.json (port and pid) in the data directory, under the lock', async () => {
    const info = JSON.parse(await readFile(path.join(dataDir, 'server.json'), 'utf8')) as { port: unknown; pid: unknown };
    expect(info.pid).toBe(server.pid);
    expect(typeof info.port).toBe('number');
    expect(await exists('stocktake.lock')).toBe(true);
  });

  it('lets `stocktake import` and `overdue` run through the server while it keeps answering', async () => {
    const imported = await stocktake(dataDir, ['import', 'examples/hull-send-plan.csv', '--programme', 'Hull']);
    expectExit(imported, 0);
    expect(imported.stdout).toMatch(/63 actions under 6 workstreams: 63 new/);
    expect(server.exitCode).toBeNull();
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });

    const overdue = await stocktake(dataDir, ['overdue', '--programme', 'Hull', '--as-of', '2024-03-01', '--format', 'json']);
    expectExit(overdue, 0);
    expect((JSON.parse(overdue.stdout) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    // The command joined the server rather than opening the directory: the server still owns both files.
    expect(JSON.parse(await readFile(path.join(dataDir, 'server.json'), 'utf8'))).toMatchObject({ pid: server.pid });
    expect((await readFile(path.join(dataDir, 'stocktake.lock'), 'utf8')).trim()).toBe(String(server.pid));
    expect((await get('/readyz')).status).toBe(200);
  });

  it('stops on SIGTERM with exit status 0 and removes server.json and the lock file', async () => {
    server.kill('SIGTERM');
    const { code, signal } = await exited;
    expect({ code, signal }, `${stdout}\n${stderr}`).toEqual({ code: 0, signal: null });
    expect(stdout).toMatch(/"msg":"stopped"/);
    expect(await exists('server.json')).toBe(false);
    expect(await exists('stocktake.lock')).toBe(false);
  });

  it('lets a command open the data directory itself once the server has gone, and finds what was imported through it', async () => {
    const r = await stocktake(dataDir, ['import', 'examples/hull-send-plan.csv', '--programme', 'Hull']);
    expectExit(r, 0);
    expect(r.stdout).toMatch(/0 new, 0 updated, 63 unchanged/);
    expect(await exists('server.json')).toBe(false);
    expect(await exists('stocktake.lock')).toBe(false);
  });
});

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** The project's root: the CLI runs from here, as `npx stocktake` would. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A fresh data directory holding a copy of the migrated template (`<dir>/pglite/…`), so no test pays for initdb. */
export async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-e2e-'));
  await cp(inject('embeddedTemplate'), dir, { recursive: true });
  return dir;
}

export async function removeDataDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

export function cliEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, STOCKTAKE_DATA_DIR: dataDir, DATABASE_URL: '', ...extra };
}

const running = new Set<ChildProcess>();

/** Runs `node bin/stocktake.js …args` to completion and reports its exit status and output; never rejects on a non-zero status. */
export function stocktake(dataDir: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['bin/stocktake.js', ...args],
      { cwd: ROOT, env: cliEnv(dataDir, options.env), timeout: options.timeoutMs ?? 90_000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        running.delete(child);
        // A string code is a failure to run at all (ENOENT, output too large), not an exit status.
        if (error && typeof error.code === 'string') {
          reject(error);
          return;
        }
        resolve({ code: child.exitCode, signal: child.signalCode, stdout, stderr });
      },
    );
    running.add(child);
  });
}

/** Starts a long-running `node bin/stocktake.js …args` (e.g. `serve`); `killAll` ends it if a test does not. */
export function startStocktake(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, ['bin/stocktake.js', ...args], { cwd: ROOT, env: cliEnv(dataDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Kills every child this harness started that is still running (by its own handle, never by name). */
export async function killAll(): Promise<void> {
  const alive = [...running].filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    alive.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  running.clear();
}

/** Describes a run for assertion messages, so a failure shows what the command said. */
export const show = (r: CliResult) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project's root: the child runs the real command line from here, exactly as `npx stocktake` would. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/stocktake.js', import.meta.url));

export interface TickProcessOptions {
  /** The `--now` instant handed to `tick`. */
  now: Date | string;
  /** Where Slack's Web API is: the loopback fake's `url`. */
  slackApiUrl: string;
  slackToken: string;
  /** Exactly one of these: an embedded data directory (its PGlite is under `<dataDir>/pglite`) or a PostgreSQL URL. */
  dataDir?: string;
  databaseUrl?: string;
  /** Further settings for the child (they win over the ones above). */
  env?: Record<string, string>;
}

export interface TickOutcome {
  /** The exit status, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface TickProcess {
  child: ChildProcess;
  /** Settles when the process has exited (never rejects: a failed start is reported as code null with the error in stderr). */
  done: Promise<TickOutcome>;
}

// Settings the parent may carry that would point the child somewhere else or make it talk.
const INHERITED_AWAY = ['DATABASE_URL', 'STOCKTAKE_DATA_DIR', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID', 'LOG_LEVEL', 'NODE_OPTIONS'];

/** Starts `node bin/stocktake.js tick --now <iso>` as a separate process, so that it can be killed like a real one. */
export function startTick(options: TickProcessOptions): TickProcess {
  if (Boolean(options.dataDir) === Boolean(options.databaseUrl)) throw new Error('startTick: give exactly one of dataDir and databaseUrl');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_AWAY) delete env[name];
  Object.assign(env, {
    SLACK_API_URL: options.slackApiUrl,
    SLACK_BOT_TOKEN: options.slackToken,
    LOG_LEVEL: 'silent',
    STOCKTAKE_SCHEDULER: 'off',
    ...(options.dataDir ? { STOCKTAKE_DATA_DIR: options.dataDir } : { DATABASE_URL: options.databaseUrl! }),
    ...options.env,
  });
  const now = typeof options.now === 'string' ? options.now : options.now.toISOString();
  const child = spawn(process.execPath, [BIN, 'tick', '--now', now], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<TickOutcome>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, stdout, stderr: `${stderr}${error.message}\n` }));
    // 'close' rather than 'exit': by then both pipes are drained.
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs one tick to the end and returns what it said; throws with its output when it did not exit 0. */
export async function runTick(options: TickProcessOptions & { timeoutMs?: number }): Promise<TickOutcome> {
  const { child, done } = startTick(options);
  const now = typeof options.now === 'string' ? options.now : options.now.toISOString();
  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([done, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    const last = await killHard(child, done);
    throw new Error(`tick --now ${now} did not finish within ${timeoutMs} ms and was killed.\nstdout: ${last.stdout}\nstderr: ${last.stderr}`);
  }
  if (outcome.code !== 0) throw new Error(`tick --now ${now} exited with ${outcome.code ?? outcome.signal}.\nstdout: ${outcome.stdout}\nstderr: ${outcome.stderr}`);
  return outcome;
}

/**
 * Kills the process with SIGKILL (no handlers, no clean-up: what a crash or an OOM kill does) and
 * resolves once it has gone. Pass its `done` to get its outcome back.
 */
export async function killHard(child: ChildProcess, done?: Promise<TickOutcome>): Promise<TickOutcome> {
  const exited =
    done ??
    new Promise<TickOutcome>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode, stdout: '', stderr: '' });
      else child.once('exit', (code, signal) => resolve({ code, signal, stdout: '', stderr: '' }));
    });
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  return exited;
}

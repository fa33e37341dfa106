import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ROOT } from './cli-harness.ts';

/** Debian's Chromium (`apt-get install chromium`): playwright-core drives it and never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the browser tests can run here. CI installs Chromium (.ci/run), so there a missing browser is a
 * failure, not a reason to skip; on a developer's machine the tests skip and say how to get it.
 */
export function chromiumPresent(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: in CI the Agents Playground check must run (apt-get install chromium).`);
  console.warn(`Skipping the Agents Playground check: ${CHROMIUM} is not installed (apt-get install chromium).`);
  return false;
}

/**
 * Headless Chromium with a fresh profile. The flags are the ones this machine needs: root needs --no-sandbox,
 * and with no internet the background services (updates, sync, QUIC probes) only fail noisily.
 */
export function launchChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1600 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Playground {
  child: ChildProcess;
  /** The Playground's chat page. */
  url: string;
  output: () => string;
}

/**
 * Runs a command as printed for people to paste (`NAME=value npx BIN args…`) from the project's root, with
 * `extraArgs` after it: npx would run the package's bin from node_modules/.bin, so this runs that same file,
 * as a child this test owns and can kill by its id.
 */
export function runPrintedCommand(command: string, extraArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const words = command.split(/\s+/).filter(Boolean);
  const firstWord = words.findIndex((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w));
  const assignments = words.slice(0, firstWord);
  const [npx, bin, ...args] = words.slice(firstWord);
  if (npx !== 'npx' || !bin) throw new Error(`Expected "NAME=value npx BIN …", got: ${command}`);
  const fromCommand = Object.fromEntries(assignments.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  return spawn(path.join(ROOT, 'node_modules', '.bin', bin), [...args, ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, ...env, ...fromCommand },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the first match of `pattern` in a child's output (stdout and stderr), or rejects when it exits or time runs out. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<{ match: RegExpMatchArray; output: () => string }> {
  let text = '';
  const output = () => text;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`No output matching ${pattern} within ${timeoutMs} ms:\n${text}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = text.match(pattern);
      if (match) finish(null, match);
    };
    const onExit = (code: number | null, signal: string | null) => finish(new Error(`Exited (${code ?? signal}) before printing ${pattern}:\n${text}`));
    function finish(error: Error | null, match?: RegExpMatchArray) {
      clearTimeout(timer);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve({ match: match!, output });
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Starts the Agents Playground from the command the bot printed, on a port the system picks (`-p 0`). */
export async function startPlayground(command: string, logFile: string): Promise<Playground> {
  // The Playground writes its log under the folder it runs in unless told otherwise.
  const child = runPrintedCommand(command, ['-p', '0'], { M365_AGENTS_PLAYGROUND_LOGFILE: logFile });
  try {
    const { match, output } = await waitForOutput(child, /Listening on (\d+)/, 60_000);
    return { child, url: `http://127.0.0.1:${match[1]}/`, output };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Kills a child by its own handle and waits until it has gone. */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

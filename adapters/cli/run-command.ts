import type { Result } from '../../src/app/result.ts';
import { RegisterFileError } from '../files/register-file-error.ts';
import { DatabaseBusyError } from '../store/open-database.ts';
import { ConfigError } from '../../src/config.ts';
import { openCliApp, type CliApp } from './app-context.ts';
import { describeIssue, fromFailure, UserError } from './exit.ts';

/** Unwraps a use case's result, turning an expected failure into a user error. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw fromFailure(result.error);
  return result.value;
}

/**
 * Runs one command with the database open, and maps what happens to DESIGN's exit statuses:
 * 0 success, 1 a user's error (stderr says what and where), 2 an internal fault.
 */
export async function runCommand(body: (app: CliApp) => Promise<void>, options: { migrate?: boolean } = {}): Promise<void> {
  let app: CliApp | undefined;
  try {
    app = await openCliApp(options);
    await body(app);
  } catch (error) {
    process.exitCode = reportError(error);
  } finally {
    await app?.db.close().catch(() => {});
  }
}

export function reportError(error: unknown): number {
  if (error instanceof UserError) {
    process.stderr.write(`${error.message}\n`);
    for (const issue of error.issues) process.stderr.write(`  ${describeIssue(issue)}\n`);
    return 1;
  }
  if (error instanceof RegisterFileError || error instanceof DatabaseBusyError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const unreachable = databaseUnreachable(error);
  if (unreachable) {
    // Not the user's mistake, nor a fault in the code: said plainly, without a stack trace.
    process.stderr.write(`The database cannot be reached (${unreachable}): the command did not finish. Try again once the database is back.\n`);
    return 2;
  }
  process.stderr.write(`Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 2;
}

// Node's codes for a server that refuses, drops or cannot be found; pg's words for a connection that went away.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const CONNECTION_LOST = /Connection terminated|connection timeout|Can't reach database server/i;

/** What went wrong, when it is the database's connection that failed (through any wrapping); else null. */
function databaseUnreachable(error: unknown): string | null {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const message = typeof e.message === 'string' ? e.message : '';
    if ((typeof e.code === 'string' && NETWORK_CODES.has(e.code)) || CONNECTION_LOST.test(message)) return message || String(e.code);
  }
  return null;
}

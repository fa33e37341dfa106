import type { Result } from '../../src/app/result.ts';
import { RegisterFileError } from '../files/read-register-file.ts';
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
  process.stderr.write(`Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 2;
}

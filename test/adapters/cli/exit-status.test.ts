import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeIssue, fromFailure, UserError } from '../../../adapters/cli/exit.ts';
import { reportError, unwrap } from '../../../adapters/cli/run-command.ts';
import { RegisterFileError } from '../../../adapters/files/read-register-file.ts';
import { DatabaseBusyError } from '../../../adapters/store/open-database.ts';
import { ConfigError } from '../../../src/config.ts';
import { fail, ok } from '../../../src/app/result.ts';

function stderrOf(body: () => number): { status: number; stderr: string } {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { status: body(), stderr };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the command line's exit statuses", () => {
  it('gives 1 for a user error and says what and where: file, row and column', () => {
    const error = new UserError('plan.csv cannot be imported: nothing was written.', [
      { row: 3, column: 'Ref', message: 'ref "1.1" is given to rows 2 and 3' },
      { row: 0, message: 'the sheet is empty' },
    ]);
    const { status, stderr } = stderrOf(() => reportError(error));
    expect(status).toBe(1);
    expect(stderr).toBe('plan.csv cannot be imported: nothing was written.\n  row 3, column "Ref": ref "1.1" is given to rows 2 and 3\n  the sheet is empty\n');
  });

  it.each([
    ['an unreadable register file', new RegisterFileError('missing', 'plan.csv', '"plan.csv" does not exist')],
    ['a data directory held by another process', new DatabaseBusyError('The data directory ./data is in use by process 42')],
    ['invalid settings', new ConfigError('Invalid settings: PORT: Expected number')],
  ])('gives 1 for %s, with its message and no stack trace', (_what, error) => {
    const { status, stderr } = stderrOf(() => reportError(error));
    expect(status).toBe(1);
    expect(stderr).toBe(`${error.message}\n`);
  });

  it('gives 2 for an internal fault and says it is one', () => {
    const { status, stderr } = stderrOf(() => reportError(new TypeError('boom')));
    expect(status).toBe(2);
    expect(stderr).toMatch(/^Internal error: TypeError: boom/);
  });

  it('gives 2 for a database that cannot be reached, saying so plainly, without a stack trace', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { status, stderr } = stderrOf(() => reportError(refused));
    expect(status).toBe(2);
    expect(stderr).toBe('The database cannot be reached (connect ECONNREFUSED 127.0.0.1:5432): the command did not finish. Try again once the database is back.\n');
    const wrapped = stderrOf(() => reportError(new Error('Invalid `prisma.outbox.update()` invocation', { cause: new Error('Connection terminated unexpectedly') })));
    expect(wrapped.stderr).toMatch(/^The database cannot be reached \(Connection terminated unexpectedly\)/);
  });

  it("turns a use case's expected failure into a user error carrying its issues", () => {
    expect(unwrap(ok(7))).toBe(7);
    const failure = fail('programme-not-found', 'There is no programme called "Nowhere". Programmes: Hull.');
    expect(() => unwrap(failure)).toThrow(UserError);
    expect(() => unwrap(failure)).toThrow('There is no programme called "Nowhere". Programmes: Hull.');
    const withIssues = fromFailure({ code: 'register-invalid', message: 'bad', issues: [{ row: 2, message: 'no title' }] });
    expect(withIssues.issues).toEqual([{ row: 2, message: 'no title' }]);
  });

  it('names the file before the row and column when it knows it', () => {
    expect(describeIssue({ row: 10, column: 'Due Date', message: 'no date yet ("TBC")' }, 'hull.csv')).toBe('hull.csv, row 10, column "Due Date": no date yet ("TBC")');
    expect(describeIssue({ row: 0, message: 'no rows' })).toBe('no rows');
  });
});

import type { Failure } from '../../src/app/result.ts';
import type { Issue } from '../../src/domain/register/interpret.ts';

/** A user's mistake: exit status 1 and a message on stderr saying what and where. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

export const fromFailure = (failure: Failure) => new UserError(failure.message, failure.issues ?? []);

export function describeIssue(issue: Issue, file?: string): string {
  const where = [file, issue.row > 0 ? `row ${issue.row}` : null, issue.column ? `column "${issue.column}"` : null]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

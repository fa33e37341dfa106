import type { Issue } from '../domain/register/interpret.ts';

/** Expected failures are values with codes; each entry point words them for its users (DESIGN, "Houses worth copying"). */
export type FailureCode =
  | 'programme-not-found'
  | 'programme-ambiguous'
  | 'programme-exists'
  | 'board-not-found'
  | 'board-exists'
  | 'person-not-found'
  | 'workstream-not-found'
  | 'invalid-input'
  | 'register-invalid'
  | 'forbidden';

export interface Failure {
  code: FailureCode;
  message: string;
  issues?: Issue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: FailureCode, message: string, issues?: Issue[]): Result<T> => ({
  ok: false,
  error: { code, message, ...(issues ? { issues } : {}) },
});

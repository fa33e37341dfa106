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
  | 'forbidden'
  | 'unknown-user'
  | 'action-not-found';

export interface Failure {
  code: FailureCode;
  message: string;
  issues?: Issue[];
  /** Per-field messages, for a form to show beside its fields. */
  fieldErrors?: Record<string, string>;
  /** When the caller must pick (e.g. which programme), what they can pick from. */
  choices?: { id: string; label: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: FailureCode, message: string, issues?: Issue[]): Result<T> => ({
  ok: false,
  error: { code, message, ...(issues ? { issues } : {}) },
});

export const failWith = <T = never>(error: Failure): Result<T> => ({ ok: false, error });

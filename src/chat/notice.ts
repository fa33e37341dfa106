import type { Failure } from '../app/result.ts';
import type { Message } from './message.ts';

/** A short answer: a refusal, a problem, a confirmation. */
export function notice(text: string, detail?: string): Message {
  return { text, blocks: [{ type: 'section', text }, ...(detail ? [{ type: 'context' as const, text: detail }] : [])] };
}

/** An expected failure, worded for chat: what went wrong and, where it helps, what to do. */
export function failureMessage(failure: Failure): Message {
  const detail = failure.issues?.map((i) => (i.row > 0 ? `Row ${i.row}: ${i.message}` : i.message)).join('\n');
  return notice(failure.message, detail || undefined);
}

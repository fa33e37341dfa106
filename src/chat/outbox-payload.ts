import type { Message } from './message.ts';

/**
 * What an outbox row carries for a gateway to render: a message, the details for its thread, and a
 * text file. Stored as JSON, so an attachment here is text (the Markdown report), never bytes.
 */
export interface OutboxPayload {
  message: Message;
  thread?: Message[];
  attachment?: { filename: string; title: string; content: string };
}

import type { Form, Message } from './message.ts';

/** A file to attach (the full report as Markdown, a board paper). */
export interface Attachment {
  filename: string;
  title: string;
  content: string | Uint8Array;
}

/** What a handler asks the adapter to do. Adapters decide how (ephemeral message, response_url, card refresh…). */
export type Reply =
  /** Seen only by the caller. */
  | { kind: 'private'; message: Message }
  /** Posted in a channel for everyone; `thread` holds the details, so the channel is not a wall of messages. */
  | { kind: 'post'; channelId: string; message: Message; thread?: Message[]; attachment?: Attachment }
  /** Replaces the message whose button was pressed (or the card that was submitted). */
  | { kind: 'replace'; message: Message }
  | { kind: 'open-form'; form: Form }
  /** The form stays open with these messages beside its fields (`form` lets a platform without modals show it again). */
  | { kind: 'form-errors'; errors: Record<string, string>; form?: Form; values?: Record<string, string | undefined> }
  /**
   * A file for the caller alone (in their direct messages with the bot). `remake` is the button press
   * that makes it again, for a platform that delivers it later (Teams uploads it only once the user
   * consents), so no bytes are held in between.
   */
  | { kind: 'file'; attachment: Attachment; message: Message; remake: { button: string; value: string } }
  /** The caller's home tab (Slack App Home). */
  | { kind: 'home'; message: Message };

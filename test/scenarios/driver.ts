import type { ChatPlatform } from '../../src/app/ports/store.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import type { Who } from './cast.ts';
import type { Seen, SeenButton, SeenForm } from './seen.ts';

/** Where a person types: their direct conversation with the bot, or the board's governance channel. */
export type Place = 'direct' | 'governance channel';

/** A word of a command's arguments, or an @mention of someone (written the platform's way). */
export type Arg = string | { mention: Who };

export interface FormOutcome {
  /** Messages shown beside the fields, by field id; null when the form was accepted. */
  errors: Record<string, string> | null;
  /** What the person saw after submitting (the form again with its errors, or the confirmation). */
  replies: Seen[];
}

/**
 * One platform as a person uses it. Each call sends what the platform would (signed Slack requests,
 * Bot Framework activities) through the real adapter and returns what the person then saw.
 */
export interface ChatDriver {
  readonly platform: ChatPlatform;
  /** `/overdue mine` on Slack; `overdue mine` to the bot in Teams (an @mention in a channel). */
  runCommand(who: Who, command: string, args?: readonly Arg[], place?: Place): Promise<Seen[]>;
  /** A message to the bot in the direct conversation. */
  sendMessage(who: Who, text: string): Promise<Seen[]>;
  clickButton(who: Who, button: SeenButton): Promise<Seen[]>;
  /** Fills in the fields named (others left as the form had them) and submits. */
  submitForm(who: Who, form: SeenForm, values: Readonly<Record<string, string>>): Promise<FormOutcome>;
  /** The person's first contact: opening the app's Home (Slack) or installing the app (Teams). */
  install(who: Who): Promise<Seen[]>;
  /** Top-level posts in the governance channel, each with its thread. */
  governancePosts(): Promise<Seen[]>;
  /** Everything the bot has sent the person in their direct conversation, oldest first. */
  inbox(who: Who): Promise<Seen[]>;
  /** One run of the scheduler at `now` (what is due is queued in the outbox, then sent). */
  runScheduler(now: Date): Promise<void>;
  /** The person's id on this platform. */
  userId(who: Who): string;
  /** How the bot will reach the person unprompted, as stored, and as it should be; null when none is stored. */
  storedAddress(who: Who): Promise<{ stored: string | null; expected: string }>;
  /** Starts each scenario from Hull as seeded, on an emptied database. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the bot over a database (emptied and seeded by `reset` before each scenario), its clock set to `clockStart`. */
export type StartDriver = (db: Database, clockStart: Date) => Promise<ChatDriver>;

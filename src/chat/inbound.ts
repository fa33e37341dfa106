/** Inbound events as neutral values: who, where, what. Adapters translate platform payloads into these. */
export type Platform = 'slack' | 'teams';

export interface Caller {
  platform: Platform;
  /** The platform's user id (Slack `U…`, Teams AAD object id). */
  userId: string;
  /** Shown in replies when the directory does not know them. */
  displayName?: string;
}

export interface Place {
  /** The channel or conversation; null where there is none (App Home). */
  channelId: string | null;
  /** A one-to-one conversation with the bot. */
  direct: boolean;
}

export type Inbound =
  | { kind: 'command'; caller: Caller; place: Place; name: string; args: string }
  | { kind: 'button'; caller: Caller; place: Place; id: string; value: string }
  | { kind: 'form'; caller: Caller; place: Place; id: string; state: string; values: Record<string, string | undefined> }
  | { kind: 'message'; caller: Caller; place: Place; text: string }
  | { kind: 'home'; caller: Caller };

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback-server.ts';
import { checkBlockKitLimits, checkViewLimits } from './block-kit-limits.ts';
import { RateLimiter, type RateLimitConfig } from './rate-limiter.ts';

/**
 * A loopback stand-in for Slack's Web API, for tests and the benchmark. It answers
 * `POST http://127.0.0.1:PORT/api/<method>` (form-encoded, JSON or multipart, token in
 * `Authorization: Bearer …` or a `token` argument) like Slack does for the methods the bot
 * uses, keeps each channel's history (with message metadata), records every call, and can be
 * made to rate-limit (HTTP 429 with `Retry-After`) or to fail on cue.
 *
 * Point a `WebClient` at it with `slackApiUrl: fake.url`, and Bolt with
 * `clientOptions: { slackApiUrl: fake.url }`.
 */

export interface FakeUser {
  id: string;
  name: string;
  email?: string;
  /** Defaults to `name`. */
  realName?: string;
  isBot?: boolean;
  tz?: string;
}

export interface FakeSlackOptions {
  /** The bot token accepted (default `test-bot-fake-token`). */
  token?: string;
  /** Further tokens accepted (e.g. a user token). */
  tokens?: readonly string[];
  botUserId?: string;
  botId?: string;
  teamId?: string;
  users?: readonly FakeUser[];
  /** Refuse payloads that break Block Kit's limits, as Slack does (default true). */
  validateBlocks?: boolean;
  /** The clock, in milliseconds (default `Date.now`): message timestamps, rate limits, response URL expiry. */
  now?: () => number;
}

export interface RecordedCall {
  method: string;
  /** The arguments as parsed: JSON-valued form fields (`blocks`, `metadata`, `view`, `files` …) are objects. */
  args: Record<string, unknown>;
  at: Date;
  /** The HTTP status answered. */
  status: number;
  ok: boolean;
  error?: string;
  token?: string;
  /** The `Retry-After` seconds of a 429. */
  retryAfter?: number;
}

export interface FakeMessage {
  type: 'message';
  ts: string;
  channel: string;
  text: string;
  user: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  thread_ts?: string;
  reply_count?: number;
  latest_reply?: string;
  subtype?: string;
  files?: { id: string; title: string; name: string }[];
  upload?: boolean;
  edited?: { user: string; ts: string };
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
}

export interface FakeFile {
  id: string;
  filename: string;
  title: string;
  length: number;
  content: Buffer | null;
  completed: boolean;
  channel_id?: string;
  thread_ts?: string;
  initial_comment?: string;
}

export interface FakeView {
  id: string;
  type: 'modal' | 'home';
  hash: string;
  /** The user a Home tab was published for. */
  user_id?: string;
  trigger_id?: string;
  view: Record<string, unknown>;
}

export interface ResponsePost {
  at: Date;
  body: Record<string, unknown>;
  status: number;
}

/** A scripted fault for the next call of a method. */
export type Fault =
  /** Rate limited: HTTP 429 with `Retry-After` (seconds, default 1). */
  | { status: 429; retryAfter?: number }
  /** A server error. `applied`: the call takes effect first (the message is sent, the answer is lost). */
  | { status: 500 | 502 | 503 | 504; applied?: boolean }
  /** Slack's own refusal: HTTP 200 with `{ ok: false, error }`. */
  | { error: string }
  /** The connection is closed without an answer; `applied` as above. */
  | { hangUp: true; applied?: boolean }
  /** Answers normally, after a pause. */
  | { delayMs: number };

export interface FakeSlack {
  /** The Web API base, ending in `/api/`: give it to `WebClient` as `slackApiUrl`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly token: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  /** Every call received, in order, including refused ones. */
  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Resolves with the `count`-th call to a method (1 = the first ever), waiting for it if need be. */
  waitForCall(method: string, options?: { count?: number; timeoutMs?: number }): Promise<RecordedCall>;
  /** A channel's messages, oldest first, thread replies included, metadata included. */
  messagesIn(channel: string): FakeMessage[];
  ephemerals(channel?: string): FakeEphemeral[];
  /** The DM channel id Slack gives a user (stable: `conversations.open` returns the same). */
  dmChannelFor(userId: string): string;
  addUser(user: FakeUser): FakeUser;
  /** Files uploaded (by `files.getUploadURLExternal`, the upload URL, `files.completeUploadExternal`). */
  readonly files: readonly FakeFile[];
  /** Modals opened, pushed or updated, and Home tabs published, latest state of each. */
  readonly views: readonly FakeView[];
  homeOf(userId: string): Record<string, unknown> | undefined;
  /** Mints a `response_url` (5 posts within 30 minutes, like Slack's). With a channel, `in_channel` replies land in its history. */
  responseUrl(options?: { channel?: string; user?: string }): string;
  /** What was posted to a response URL (its id or the whole URL). */
  responses(idOrUrl: string): ResponsePost[];
  /** Turns rate limiting on (or off with `null`). */
  rateLimit(config: RateLimitConfig | null): void;
  /**
   * Queues a fault for the next call of a method; several queue in order. With `match.channel`,
   * only a call to that channel (`channel` or `channel_id`) takes it, so other traffic cannot.
   */
  failNext(method: string, fault: Fault, match?: { channel?: string }): void;
  /**
   * Slack in trouble for a while: every call (to `methods`, default all) until `until` (ms on the
   * fake's clock) is answered with the next of `faults`, in turn. `delayMs` faults are not allowed.
   */
  outage(options: { until: number; faults: readonly Exclude<Fault, { delayMs: number }>[]; methods?: readonly string[] }): void;
  close(): Promise<void>;
}

class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

const JSON_ARGS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files', 'user_auth_blocks', 'unfurls']);
const CHANNEL = /^[CDG][A-Z0-9]{2,}$/;
const USER = /^[UW][A-Z0-9]{2,}$/;
const RESPONSE_URL_POSTS = 5;
const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const now = options.now ?? Date.now;
  const token = options.token ?? 'test-bot-fake-token';
  const tokens = new Set([token, ...(options.tokens ?? [])]);
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = options.botId ?? 'B0BOT';
  const teamId = options.teamId ?? 'T0FAKE';
  const appId = 'A0FAKE';
  const validate = options.validateBlocks ?? true;

  const calls: RecordedCall[] = [];
  const waiters: (() => void)[] = [];
  const channels = new Map<string, FakeMessage[]>();
  const ephemerals: FakeEphemeral[] = [];
  const users = new Map<string, FakeUser>();
  const dms = new Map<string, string>();
  const files = new Map<string, FakeFile>();
  const views = new Map<string, FakeView>();
  const homes = new Map<string, FakeView>();
  const responseUrls = new Map<string, { created: number; channel?: string; user?: string; posts: ResponsePost[] }>();
  const faults = new Map<string, { fault: Fault; channel?: string }[]>();
  let outage: { until: number; faults: readonly Fault[]; methods?: readonly string[]; next: number } | null = null;
  const limiter = new RateLimiter(now);
  let lastTs = 0;
  let serial = 0;

  const id = (prefix: string): string => `${prefix}${(++serial).toString(36).toUpperCase().padStart(8, '0')}`;
  const nextTs = (): string => {
    lastTs = Math.max(Math.floor(now() * 1000), lastTs + 1);
    return `${Math.floor(lastTs / 1_000_000)}.${String(lastTs % 1_000_000).padStart(6, '0')}`;
  };
  const history = (channel: string): FakeMessage[] => {
    let list = channels.get(channel);
    if (list === undefined) {
      list = [];
      channels.set(channel, list);
    }
    return list;
  };
  const dmChannelFor = (userId: string): string => {
    let dm = dms.get(userId);
    if (dm === undefined) {
      dm = `D${userId.replace(/[^A-Z0-9]/gi, '').toUpperCase()}`;
      dms.set(userId, dm);
    }
    return dm;
  };
  const addUser = (user: FakeUser): FakeUser => {
    users.set(user.id, user);
    return user;
  };
  for (const u of options.users ?? []) addUser(u);

  const userJson = (u: FakeUser) => ({
    id: u.id,
    team_id: teamId,
    name: u.name.toLowerCase().replace(/\s+/g, '.'),
    real_name: u.realName ?? u.name,
    deleted: false,
    is_bot: u.isBot ?? false,
    tz: u.tz ?? 'Europe/London',
    profile: {
      real_name: u.realName ?? u.name,
      real_name_normalized: u.realName ?? u.name,
      display_name: u.name,
      ...(u.email !== undefined ? { email: u.email } : {}),
    },
  });

  // ── Methods ──────────────────────────────────────────────────────────────

  const required = (args: Record<string, unknown>, name: string): string => {
    const v = args[name];
    if (v === undefined || v === null || v === '') throw new SlackApiError('invalid_arguments', { response_metadata: { messages: [`[ERROR] missing required field: ${name}`] } });
    return String(v);
  };
  const channelArg = (args: Record<string, unknown>, name = 'channel'): string => {
    const v = args[name];
    if (typeof v !== 'string' || v === '') throw new SlackApiError('channel_not_found');
    if (USER.test(v)) return dmChannelFor(v);
    if (!CHANNEL.test(v)) throw new SlackApiError('channel_not_found');
    return v;
  };
  const checkBlocks = (args: Record<string, unknown>): void => {
    if (!validate || args.blocks === undefined) return;
    const problems = checkBlockKitLimits({ blocks: args.blocks });
    if (problems.length > 0) throw new SlackApiError('invalid_blocks', { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
  };
  const checkView = (view: unknown): Record<string, unknown> => {
    if (view === null || typeof view !== 'object') throw new SlackApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: view'] } });
    if (validate) {
      const problems = checkViewLimits(view);
      if (problems.length > 0) throw new SlackApiError('invalid_arguments', { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
    }
    return view as Record<string, unknown>;
  };
  const metadataArg = (args: Record<string, unknown>): FakeMessage['metadata'] | undefined => {
    const m = args.metadata;
    if (m === undefined || m === null || m === '') return undefined;
    const md = m as Record<string, unknown>;
    if (typeof md !== 'object' || typeof md.event_type !== 'string' || md.event_type === '') throw new SlackApiError('invalid_metadata_format');
    const payload = md.event_payload ?? {};
    if (typeof payload !== 'object' || payload === null) throw new SlackApiError('invalid_metadata_format');
    return { event_type: md.event_type, event_payload: payload as Record<string, unknown> };
  };
  const textArgs = (args: Record<string, unknown>): { text: string; blocks?: unknown[]; attachments?: unknown[] } => {
    const text = args.text === undefined || args.text === null ? '' : String(args.text);
    const blocks = Array.isArray(args.blocks) ? args.blocks : undefined;
    const attachments = Array.isArray(args.attachments) ? args.attachments : undefined;
    if (text === '' && (blocks === undefined || blocks.length === 0) && attachments === undefined) throw new SlackApiError('no_text');
    if (text.length > 40_000) throw new SlackApiError('msg_too_long');
    checkBlocks(args);
    return { text, ...(blocks ? { blocks } : {}), ...(attachments ? { attachments } : {}) };
  };
  const withoutChannel = (m: FakeMessage): Omit<FakeMessage, 'channel'> => {
    const { channel: _channel, ...rest } = m;
    return rest;
  };
  const findMessage = (channel: string, ts: string): FakeMessage | undefined => channels.get(channel)?.find((m) => m.ts === ts);
  const saveView = (record: FakeView, view: Record<string, unknown>) => {
    record.view = { ...view, id: record.id, team_id: teamId, app_id: appId, bot_id: botId, hash: record.hash, state: { values: {} }, root_view_id: record.id };
    if (!('private_metadata' in view)) record.view.private_metadata = '';
    if (!('callback_id' in view)) record.view.callback_id = '';
    return record.view;
  };

  const methods: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
    'api.test': (args) => ({ args }),
    'auth.test': () => ({
      url: 'https://stocktake-test.slack.com/',
      team: 'Stocktake Test',
      user: 'stocktake',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (args) => {
      const channel = channelArg(args);
      const content = textArgs(args);
      const metadata = metadataArg(args);
      const message: FakeMessage = { type: 'message', ts: nextTs(), channel, user: botUserId, bot_id: botId, app_id: appId, team: teamId, ...content };
      if (metadata) message.metadata = metadata;
      const threadTs = args.thread_ts === undefined || args.thread_ts === '' ? undefined : String(args.thread_ts);
      if (threadTs !== undefined) {
        const parent = findMessage(channel, threadTs);
        if (parent === undefined) throw new SlackApiError('thread_not_found');
        message.thread_ts = threadTs;
        parent.thread_ts = parent.ts;
        parent.reply_count = (parent.reply_count ?? 0) + 1;
        parent.latest_reply = message.ts;
        if (flag(args.reply_broadcast)) message.subtype = 'thread_broadcast';
      }
      history(channel).push(message);
      return { channel, ts: message.ts, message: withoutChannel(message) };
    },
    'chat.postEphemeral': (args) => {
      const channel = channelArg(args);
      const user = required(args, 'user');
      const content = textArgs(args);
      const ts = nextTs();
      const e: FakeEphemeral = { channel, user, ts, text: content.text, ...(content.blocks ? { blocks: content.blocks } : {}) };
      if (typeof args.thread_ts === 'string' && args.thread_ts !== '') e.thread_ts = args.thread_ts;
      ephemerals.push(e);
      return { message_ts: ts };
    },
    'chat.update': (args) => {
      const channel = channelArg(args);
      const ts = required(args, 'ts');
      const message = findMessage(channel, ts);
      if (message === undefined) throw new SlackApiError('message_not_found');
      if (message.user !== botUserId) throw new SlackApiError('cant_update_message');
      if (args.text !== undefined || args.blocks !== undefined) {
        const content = textArgs({ text: args.text ?? message.text, blocks: args.blocks ?? message.blocks });
        message.text = content.text;
        if (content.blocks) message.blocks = content.blocks;
      }
      const metadata = metadataArg(args);
      if (metadata) message.metadata = metadata;
      message.edited = { user: botUserId, ts: nextTs() };
      return { channel, ts, text: message.text, message: withoutChannel(message) };
    },
    'chat.delete': (args) => {
      const channel = channelArg(args);
      const ts = required(args, 'ts');
      const list = channels.get(channel) ?? [];
      const at = list.findIndex((m) => m.ts === ts);
      if (at < 0) throw new SlackApiError('message_not_found');
      list.splice(at, 1);
      return { channel, ts };
    },
    'conversations.open': (args) => {
      if (typeof args.channel === 'string' && args.channel !== '') return { channel: { id: channelArg(args) } };
      const list = required(args, 'users').split(',').map((u) => u.trim()).filter((u) => u !== '');
      for (const u of list) if (!USER.test(u)) throw new SlackApiError('user_not_found');
      const channelId = list.length === 1 ? dmChannelFor(list[0]!) : `G${[...list].sort().join('').replace(/[^A-Z0-9]/gi, '').slice(0, 20)}`;
      const opened = channels.has(channelId);
      history(channelId);
      return flag(args.return_im)
        ? { no_op: opened, already_open: opened, channel: { id: channelId, is_im: list.length === 1, user: list[0], created: Math.floor(now() / 1000) } }
        : { no_op: opened, already_open: opened, channel: { id: channelId } };
    },
    'conversations.history': (args) => {
      const channel = channelArg(args);
      const includeMetadata = flag(args.include_all_metadata);
      const inclusive = flag(args.inclusive);
      const oldest = args.oldest === undefined || args.oldest === '' ? null : Number(args.oldest);
      const latest = args.latest === undefined || args.latest === '' ? null : Number(args.latest);
      const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 999);
      const offset = typeof args.cursor === 'string' && args.cursor !== '' ? decodeCursor(args.cursor) : 0;
      const top = (channels.get(channel) ?? [])
        .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts || m.subtype === 'thread_broadcast')
        .filter((m) => {
          const ts = Number(m.ts);
          if (oldest !== null && (inclusive ? ts < oldest : ts <= oldest)) return false;
          if (latest !== null && (inclusive ? ts > latest : ts >= latest)) return false;
          return true;
        })
        .reverse();
      const page = top.slice(offset, offset + limit).map((m) => {
        const out: Record<string, unknown> = { ...withoutChannel(m) };
        if (!includeMetadata) delete out.metadata;
        return out;
      });
      const hasMore = offset + limit < top.length;
      return {
        messages: page,
        has_more: hasMore,
        pin_count: 0,
        response_metadata: { next_cursor: hasMore ? encodeCursor(offset + limit) : '' },
      };
    },
    'conversations.replies': (args) => {
      const channel = channelArg(args);
      const ts = required(args, 'ts');
      const parent = findMessage(channel, ts);
      if (parent === undefined) throw new SlackApiError('thread_not_found');
      const includeMetadata = flag(args.include_all_metadata);
      const thread = (channels.get(channel) ?? []).filter((m) => m.ts === ts || m.thread_ts === ts);
      return {
        messages: thread.map((m) => {
          const out: Record<string, unknown> = { ...withoutChannel(m) };
          if (!includeMetadata) delete out.metadata;
          return out;
        }),
        has_more: false,
        response_metadata: { next_cursor: '' },
      };
    },
    'users.info': (args) => {
      const u = users.get(required(args, 'user'));
      if (u === undefined) throw new SlackApiError('user_not_found');
      return { user: userJson(u) };
    },
    'users.lookupByEmail': (args) => {
      const email = required(args, 'email').trim().toLowerCase();
      const u = [...users.values()].find((x) => x.email?.toLowerCase() === email);
      if (u === undefined) throw new SlackApiError('users_not_found');
      return { user: userJson(u) };
    },
    'views.open': (args) => {
      required(args, 'trigger_id');
      const view = checkView(args.view);
      const record: FakeView = { id: id('V'), type: 'modal', hash: hash(), trigger_id: String(args.trigger_id), view: {} };
      views.set(record.id, record);
      return { view: saveView(record, view) };
    },
    'views.push': (args) => {
      required(args, 'trigger_id');
      const view = checkView(args.view);
      const record: FakeView = { id: id('V'), type: 'modal', hash: hash(), trigger_id: String(args.trigger_id), view: {} };
      views.set(record.id, record);
      return { view: saveView(record, view) };
    },
    'views.update': (args) => {
      const view = checkView(args.view);
      const record =
        typeof args.view_id === 'string' && args.view_id !== ''
          ? views.get(args.view_id)
          : [...views.values()].find((v) => v.view.external_id !== undefined && v.view.external_id === args.external_id);
      if (record === undefined) throw new SlackApiError('not_found');
      if (typeof args.hash === 'string' && args.hash !== '' && args.hash !== record.hash) throw new SlackApiError('hash_conflict');
      record.hash = hash();
      return { view: saveView(record, view) };
    },
    'views.publish': (args) => {
      const userId = required(args, 'user_id');
      const view = checkView(args.view);
      if (view.type !== 'home') throw new SlackApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] view.type must be home'] } });
      let record = homes.get(userId);
      if (record !== undefined && typeof args.hash === 'string' && args.hash !== '' && args.hash !== record.hash) throw new SlackApiError('hash_conflict');
      if (record === undefined) {
        record = { id: id('V'), type: 'home', hash: hash(), user_id: userId, view: {} };
        homes.set(userId, record);
        views.set(record.id, record);
      } else record.hash = hash();
      return { view: saveView(record, view) };
    },
    'files.getUploadURLExternal': (args) => {
      const filename = required(args, 'filename');
      const length = Number(required(args, 'length'));
      if (!Number.isInteger(length) || length < 0) throw new SlackApiError('invalid_arguments');
      const file: FakeFile = { id: id('F'), filename, title: filename, length, content: null, completed: false };
      files.set(file.id, file);
      return { upload_url: `${origin}/upload/${file.id}`, file_id: file.id };
    },
    'files.completeUploadExternal': (args) => {
      const list = args.files;
      if (!Array.isArray(list) || list.length === 0) throw new SlackApiError('invalid_arguments');
      const done: FakeFile[] = [];
      for (const entry of list as { id?: string; title?: string }[]) {
        const file = entry.id === undefined ? undefined : files.get(entry.id);
        if (file === undefined || file.content === null) throw new SlackApiError('file_not_found');
        if (typeof entry.title === 'string' && entry.title !== '') file.title = entry.title;
        done.push(file);
      }
      const channel = args.channel_id === undefined || args.channel_id === '' ? undefined : channelArg(args, 'channel_id');
      const threadTs = typeof args.thread_ts === 'string' && args.thread_ts !== '' ? args.thread_ts : undefined;
      const comment = typeof args.initial_comment === 'string' ? args.initial_comment : undefined;
      for (const f of done) {
        f.completed = true;
        if (channel !== undefined) f.channel_id = channel;
        if (threadTs !== undefined) f.thread_ts = threadTs;
        if (comment !== undefined) f.initial_comment = comment;
      }
      if (channel !== undefined) {
        const message: FakeMessage = {
          type: 'message',
          ts: nextTs(),
          channel,
          text: comment ?? '',
          user: botUserId,
          bot_id: botId,
          upload: true,
          files: done.map((f) => ({ id: f.id, title: f.title, name: f.filename })),
        };
        if (threadTs !== undefined) {
          const parent = findMessage(channel, threadTs);
          if (parent === undefined) throw new SlackApiError('thread_not_found');
          message.thread_ts = threadTs;
          parent.thread_ts = parent.ts;
          parent.reply_count = (parent.reply_count ?? 0) + 1;
        }
        history(channel).push(message);
      }
      return {
        files: done.map((f) => ({
          id: f.id,
          name: f.filename,
          title: f.title,
          size: f.length,
          created: Math.floor(now() / 1000),
          channels: channel !== undefined && channel.startsWith('C') ? [channel] : [],
          ims: channel !== undefined && channel.startsWith('D') ? [channel] : [],
        })),
      };
    },
  };

  // ── HTTP ─────────────────────────────────────────────────────────────────

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const record = (call: RecordedCall): void => {
    calls.push(call);
    for (const w of waiters.splice(0)) w();
  };

  const handleApi = async (method: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const args = await readArgs(req);
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const callToken = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    delete args.token;
    const at = new Date(now());
    const answer = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}, retryAfter?: number): void => {
      const ok = body.ok === true;
      record({
        method,
        args,
        at,
        status,
        ok,
        ...(ok ? {} : { error: String(body.error ?? `http_${status}`) }),
        ...(callToken ? { token: callToken } : {}),
        ...(retryAfter !== undefined ? { retryAfter } : {}),
      });
      send(res, status, body, headers);
    };

    if (callToken === undefined || !tokens.has(callToken)) return answer(200, { ok: false, error: 'invalid_auth' });
    const handler = methods[method];
    if (handler === undefined) return answer(200, { ok: false, error: 'unknown_method', req_method: method });

    const target = typeof args.channel === 'string' ? args.channel : typeof args.channel_id === 'string' ? args.channel_id : undefined;
    const queue = faults.get(method) ?? [];
    const faultAt = queue.findIndex((q) => q.channel === undefined || q.channel === target);
    let fault = faultAt < 0 ? undefined : queue.splice(faultAt, 1)[0]!.fault;
    if (fault === undefined && outage !== null && now() < outage.until && (outage.methods ?? [method]).includes(method)) {
      fault = outage.faults[outage.next++ % outage.faults.length];
    }
    if (fault !== undefined) {
      if ('delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
      else if ('error' in fault) return answer(200, { ok: false, error: fault.error });
      else if ('status' in fault && fault.status === 429) {
        const retryAfter = fault.retryAfter ?? 1;
        return answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) }, retryAfter);
      } else {
        if (fault.applied) {
          try {
            handler(args);
          } catch {
            // The fault is the answer either way.
          }
        }
        if ('hangUp' in fault) {
          record({ method, args, at, status: 0, ok: false, error: 'hang_up', ...(callToken ? { token: callToken } : {}) });
          req.socket.destroy();
          return;
        }
        res.writeHead(fault.status, { 'content-type': 'text/plain' });
        record({ method, args, at, status: fault.status, ok: false, error: `http_${fault.status}`, ...(callToken ? { token: callToken } : {}) });
        res.end('Internal Server Error');
        return;
      }
    }

    const channel = typeof args.channel === 'string' ? args.channel : typeof args.channel_id === 'string' ? args.channel_id : undefined;
    const retryAfter = limiter.admit(method, channel);
    if (retryAfter !== null) return answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) }, retryAfter);

    try {
      return answer(200, { ok: true, ...handler(args) });
    } catch (error) {
      if (error instanceof SlackApiError) return answer(200, { ok: false, error: error.code, ...error.extra });
      return answer(500, { ok: false, error: 'fatal_error', detail: String(error) });
    }
  };

  const handleUpload = async (fileId: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const file = files.get(fileId);
    if (file === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    const raw = await readBody(req);
    const type = req.headers['content-type'] ?? '';
    let content = raw;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake/upload', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
      const part = [...form.values()].find((v): v is File => typeof v !== 'string');
      content = part ? Buffer.from(await part.arrayBuffer()) : Buffer.from(String(form.values().next().value ?? ''));
    }
    file.content = content;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${content.length}`);
  };

  const handleResponseUrl = async (hookId: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const hook = responseUrls.get(hookId);
    const raw = await readBody(req);
    let body: Record<string, unknown>;
    try {
      body = raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
    } catch {
      send(res, 400, { ok: false, error: 'invalid_payload' });
      return;
    }
    if (hook === undefined) {
      send(res, 404, { ok: false, error: 'no_active_hooks' });
      return;
    }
    const at = new Date(now());
    if (now() - hook.created > RESPONSE_URL_TTL_MS) {
      hook.posts.push({ at, body, status: 404 });
      send(res, 404, { ok: false, error: 'expired_url' });
      return;
    }
    if (hook.posts.filter((p) => p.status === 200).length >= RESPONSE_URL_POSTS) {
      hook.posts.push({ at, body, status: 404 });
      send(res, 404, { ok: false, error: 'used_url' });
      return;
    }
    if (validate) {
      const problems = checkBlockKitLimits({ text: body.text, blocks: body.blocks });
      if (problems.length > 0) {
        hook.posts.push({ at, body, status: 400 });
        send(res, 400, { ok: false, error: 'invalid_blocks', response_metadata: { messages: problems } });
        return;
      }
    }
    hook.posts.push({ at, body, status: 200 });
    if (hook.channel !== undefined && body.response_type === 'in_channel') {
      history(hook.channel).push({
        type: 'message',
        ts: nextTs(),
        channel: hook.channel,
        text: typeof body.text === 'string' ? body.text : '',
        user: botUserId,
        bot_id: botId,
        ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}),
      });
    }
    send(res, 200, { ok: true });
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = async (): Promise<void> => {
      let m: RegExpExecArray | null;
      if ((m = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path))) return handleApi(m[1]!, req, res);
      if (req.method === 'POST' && (m = /^\/upload\/([A-Z0-9]+)$/.exec(path))) return handleUpload(m[1]!, req, res);
      if (req.method === 'POST' && (m = /^\/response\/([a-z0-9]+)$/.exec(path))) return handleResponseUrl(m[1]!, req, res);
      send(res, 404, { ok: false, error: 'not_found' });
    };
    route().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: 'fatal_error', detail: String(error) });
      else res.destroy();
    });
  });
  const listening = await listenOnLoopback(server);
  const { origin } = listening;

  const fake: FakeSlack = {
    url: `${origin}/api/`,
    origin,
    token,
    botUserId,
    botId,
    teamId,
    get calls() {
      return calls;
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitForCall: (method, opts = {}) => {
      const count = opts.count ?? 1;
      const timeoutMs = opts.timeoutMs ?? 5000;
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = calls.filter((c) => c.method === method)[count - 1];
          if (found !== undefined) {
            clearTimeout(timer);
            resolve(found);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => reject(new Error(`No call ${count} to ${method} within ${timeoutMs} ms`)), timeoutMs);
        const wait = (): void => {
          if (!check()) waiters.push(wait);
        };
        wait();
      });
    },
    messagesIn: (channel) => [...(channels.get(channel) ?? [])],
    ephemerals: (channel) => ephemerals.filter((e) => channel === undefined || e.channel === channel),
    dmChannelFor,
    addUser,
    get files() {
      return [...files.values()];
    },
    get views() {
      return [...views.values()];
    },
    homeOf: (userId) => homes.get(userId)?.view,
    responseUrl: (opts = {}) => {
      const hookId = randomBytes(8).toString('hex');
      responseUrls.set(hookId, { created: now(), posts: [], ...(opts.channel ? { channel: opts.channel } : {}), ...(opts.user ? { user: opts.user } : {}) });
      return `${origin}/response/${hookId}`;
    },
    responses: (idOrUrl) => responseUrls.get(idOrUrl.split('/').pop() ?? '')?.posts ?? [],
    rateLimit: (config) => limiter.configure(config),
    failNext: (method, fault, match = {}) => {
      const queue = faults.get(method) ?? [];
      queue.push({ fault, ...(match.channel !== undefined ? { channel: match.channel } : {}) });
      faults.set(method, queue);
    },
    outage: (o) => {
      outage = { ...o, next: 0 };
    },
    close: listening.close,
  };
  return fake;
}

// ── Helpers ────────────────────────────────────────────────────────────────

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A call's arguments, from the query string and a form-encoded, JSON or multipart body. */
async function readArgs(req: IncomingMessage): Promise<Record<string, unknown>> {
  const args: Record<string, unknown> = {};
  const query = (req.url ?? '').split('?')[1];
  if (query) for (const [k, v] of new URLSearchParams(query)) args[k] = v;
  const raw = await readBody(req);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (raw.length > 0) {
    if (type.startsWith('application/json')) {
      Object.assign(args, JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
    } else if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake/api', { method: 'POST', headers: { 'content-type': req.headers['content-type']! }, body: new Uint8Array(raw) }).formData();
      for (const [k, v] of form) args[k] = typeof v === 'string' ? v : Buffer.from(await v.arrayBuffer());
    } else {
      for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) args[k] = v;
    }
  }
  for (const key of JSON_ARGS) {
    const v = args[key];
    if (typeof v === 'string' && /^\s*[[{]/.test(v)) {
      try {
        args[key] = JSON.parse(v);
      } catch {
        // Left as sent: the method will refuse it.
      }
    }
  }
  return args;
}

function flag(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}

function hash(): string {
  return `${Date.now()}.${randomBytes(4).toString('hex')}`;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

function decodeCursor(cursor: string): number {
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (m === null) throw new SlackApiError('invalid_cursor');
  return Number(m[1]);
}

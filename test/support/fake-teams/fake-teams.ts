import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback-server.ts';

/**
 * A loopback stand-in for the Bot Connector REST API, the service the Bot Framework SDK calls
 * to reply and to message proactively. `botbuilder` builds its connector client on the
 * activity's `serviceUrl` (`new ConnectorClient(credentials, { baseUri: serviceUrl })`) and
 * appends `v3/conversations/…`, so a test gives inbound activities `serviceUrl: fake.serviceUrl`
 * and every reply lands here. With no app id (local mode) the SDK sends no `Authorization`
 * header, so no token endpoint is needed.
 *
 * Answered, as Teams answers them:
 *   POST /v3/conversations                                  create a conversation (1:1: the same id for the same user)
 *   POST /v3/conversations/:conversationId/activities       send to a conversation → { id }
 *   POST /v3/conversations/:conversationId/activities/:id   reply to an activity → { id }
 *   PUT  /v3/conversations/:conversationId/activities/:id   update (refresh a card) → { id }
 *   DELETE /v3/conversations/:conversationId/activities/:id delete
 *   GET  /v3/conversations/:conversationId/members          the conversation's members
 *   GET  /v3/conversations/:conversationId/members/:id      one member (TeamsInfo.getMember)
 *
 * It also plays the OneDrive upload session Teams opens when someone accepts a file from the bot:
 *   PUT  /upload-sessions/:id                               the file's bytes, with Content-Range → 201
 * (`uploadSession(name)` makes one; `uploads` holds what arrived).
 *
 * Every request is recorded (method, path, body, headers, status answered). `failNext` makes the
 * next matching request fail with 429 (and `Retry-After`), 412 or a 5xx; an activity larger than
 * Teams accepts (about 28 KB) is refused with 413, as Teams refuses it.
 */

export interface ChannelAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  /** Teams members carry these too. */
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, as sent (percent-encoded). */
  path: string;
  /** The conversation id and activity id, decoded, when the path names them. */
  conversationId?: string;
  activityId?: string;
  /** The parsed JSON body (undefined for none). */
  body: unknown;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** The HTTP status answered. */
  status: number;
  at: Date;
}

/** One activity the bot sent, as it stands now (after any updates). */
export interface StoredActivity {
  /** The id the fake gave it. */
  id: string;
  conversationId: string;
  /** Set for a reply (`POST …/activities/:id`). */
  replyToId?: string;
  /** The activity as last sent (the original or the latest update). */
  activity: Record<string, unknown>;
  /** Every version, oldest first: the original, then each update. */
  versions: Record<string, unknown>[];
  deleted: boolean;
}

export interface CreatedConversation {
  id: string;
  parameters: Record<string, unknown>;
  /** The activity sent with the creation, if any. */
  activityId?: string;
}

export type Fault =
  /** Throttled: HTTP 429 with `Retry-After` (seconds, default 1). */
  | { status: 429; retryAfter?: number }
  /** Precondition failed (Teams answers 412 under some conversation limits); retried like a 429. */
  | { status: 412 }
  /**
   * A server error. `applied`: the request takes effect first (the message is posted, the answer
   * lost), the case the outbox marks `unknown`.
   */
  | { status: 500 | 502 | 503 | 504; applied?: boolean }
  /** Refused for good: the user blocked or removed the bot (403), or the conversation is gone (404). */
  | { status: 403 | 404 }
  /** The connection is closed without an answer; `applied` as above. */
  | { hangUp: true; applied?: boolean }
  /** Answers normally, after a pause. */
  | { delayMs: number };

export interface FaultMatch {
  /** Only this HTTP method takes the fault (default: any). */
  method?: string;
  /** How many matching requests take it (default 1). */
  times?: number;
}

/** A file put into an upload session, as OneDrive would keep it. */
export interface ReceivedUpload {
  sessionId: string;
  name: string;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  content: Buffer;
}

/** What Teams puts in a `fileConsent/invoke` when someone accepts a file: where to upload it and how to show it. */
export interface UploadSession {
  name: string;
  uploadUrl: string;
  contentUrl: string;
  uniqueId: string;
  fileType: string;
}

export interface FakeTeamsOptions {
  /** The bot's channel account (default `{ id: '28:stocktake-local', name: 'Stocktake' }`). */
  bot?: ChannelAccount;
  tenantId?: string;
  /** Members returned for every conversation without its own list. */
  members?: readonly ChannelAccount[];
  /** Largest activity accepted, in bytes of JSON (default 28,000, Teams' "about 28 KB"). */
  maxActivityBytes?: number;
  /** A path under the origin, as real service URLs have (`https://smba.trafficmanager.net/uk/`); default none. */
  basePath?: string;
}

export interface FakeTeamsConnector {
  /** Put this in inbound activities' `serviceUrl`: `http://127.0.0.1:PORT/` (ends with a slash, like Teams'). */
  readonly serviceUrl: string;
  readonly origin: string;
  readonly bot: ChannelAccount;
  readonly tenantId: string;
  /** Every request received, in order, refused ones included. */
  readonly requests: readonly RecordedRequest[];
  /** The bot's activities in a conversation, oldest first, each as it stands now. */
  activitiesIn(conversationId: string): StoredActivity[];
  /** Every activity sent, in every conversation, in order. */
  readonly activities: readonly StoredActivity[];
  activity(id: string): StoredActivity | undefined;
  /** Conversations the bot created (`POST /v3/conversations`). */
  readonly conversations: readonly CreatedConversation[];
  /** The 1:1 conversation id the fake gives a user (stable: creating it again returns the same). */
  personalConversationFor(userId: string): string;
  setMembers(conversationId: string, members: readonly ChannelAccount[]): void;
  /** Opens an upload session for a file of this name, as Teams does when someone accepts a file. */
  uploadSession(name: string): UploadSession;
  /** Files received by upload sessions, in order. */
  readonly uploads: readonly ReceivedUpload[];
  /**
   * Makes the next request whose path matches fail. A string matches a path that equals it or
   * starts with it (decoded, without the base path, e.g. `/v3/conversations/a:1/activities`); a
   * RegExp is tested against the same path. Several faults queue in order.
   */
  failNext(pattern: string | RegExp, fault: Fault, match?: FaultMatch): void;
  /** Resolves when `count` activities have been accepted in a conversation (all conversations when omitted). */
  waitForActivities(count: number, conversationId?: string, timeoutMs?: number): Promise<StoredActivity[]>;
  close(): Promise<void>;
}

const DEFAULT_BOT: ChannelAccount = { id: '28:stocktake-local', name: 'Stocktake' };
const FAULT_CODES: Record<Exclude<Extract<Fault, { status: number }>['status'], 429>, string> = { 403: 'BotDisabledByAdmin', 404: 'ConversationNotFound', 412: 'PreconditionFailed', 500: 'ServiceError', 502: 'ServiceError', 503: 'ServiceError', 504: 'ServiceError' };

export async function startFakeTeamsConnector(options: FakeTeamsOptions = {}): Promise<FakeTeamsConnector> {
  const bot = options.bot ?? DEFAULT_BOT;
  const tenantId = options.tenantId ?? 'tenant-local';
  const maxBytes = options.maxActivityBytes ?? 28_000;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const defaultMembers = [...(options.members ?? [])];

  const requests: RecordedRequest[] = [];
  const activities: StoredActivity[] = [];
  const byId = new Map<string, StoredActivity>();
  const conversations: CreatedConversation[] = [];
  const members = new Map<string, ChannelAccount[]>();
  const personal = new Map<string, string>();
  const faults: { pattern: string | RegExp; fault: Fault; method?: string; left: number }[] = [];
  const waiters = new Set<() => void>();
  const sessions = new Map<string, UploadSession>();
  const uploads: ReceivedUpload[] = [];
  let nextId = 1;

  const newActivityId = (): string => String(1_700_000_000_000 + nextId++);
  const personalConversationFor = (userId: string): string => {
    let id = personal.get(userId);
    if (id === undefined) {
      id = `a:1${Buffer.from(`${tenantId}|${userId}`).toString('base64url')}`;
      personal.set(userId, id);
    }
    return id;
  };

  const notify = (): void => {
    for (const w of [...waiters]) w();
  };

  const store = (conversationId: string, activity: Record<string, unknown>, replyToId?: string): StoredActivity => {
    const id = newActivityId();
    const saved: Record<string, unknown> = { ...activity, id, conversation: { ...((activity.conversation as object | undefined) ?? {}), id: conversationId } };
    const entry: StoredActivity = { id, conversationId, activity: saved, versions: [saved], deleted: false };
    if (replyToId !== undefined) entry.replyToId = replyToId;
    activities.push(entry);
    byId.set(id, entry);
    notify();
    return entry;
  };

  const takeFault = (method: string, path: string): Fault | undefined => {
    const i = faults.findIndex((f) => (f.method === undefined || f.method.toUpperCase() === method) && (typeof f.pattern === 'string' ? path === f.pattern || path.startsWith(f.pattern) : f.pattern.test(path)));
    if (i < 0) return undefined;
    const f = faults[i]!;
    f.left -= 1;
    if (f.left <= 0) faults.splice(i, 1);
    return f.fault;
  };

  /** Handles a request once its fault (if any) allows; returns the status and body to answer. */
  const handle = (method: string, path: string, body: unknown, rec: RecordedRequest): [number, unknown] => {
    const segments = path.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
    if (segments[0] !== 'v3' || segments[1] !== 'conversations') return [404, error('NotFound', `No route for ${method} ${path}`)];
    const conversationId = segments[2];
    if (conversationId !== undefined) rec.conversationId = conversationId;
    const rest = segments.slice(3);

    if (conversationId === undefined) {
      if (method !== 'POST') return [405, error('MethodNotAllowed', `${method} /v3/conversations`)];
      return createConversation(body);
    }
    if (rest[0] === 'activities') {
      const activityId = rest[1];
      if (activityId !== undefined) rec.activityId = activityId;
      if (rest.length > 2) return [404, error('NotFound', path)];
      if (!isObject(body) && method !== 'DELETE') return [400, error('BadSyntax', 'The body must be an activity')];
      const size = Buffer.byteLength(JSON.stringify(body ?? null), 'utf8');
      if (size > maxBytes) return [413, error('MessageSizeTooBig', `The activity is ${size} bytes; at most ${maxBytes} are accepted`)];
      if (method === 'POST' && activityId === undefined) return [201, { id: store(conversationId, body as Record<string, unknown>).id }];
      if (method === 'POST') return [201, { id: store(conversationId, body as Record<string, unknown>, activityId).id }];
      const existing = activityId === undefined ? undefined : byId.get(activityId);
      if (existing === undefined || existing.conversationId !== conversationId || existing.deleted) return [404, error('NotFound', `No activity ${activityId} in ${conversationId}`)];
      if (method === 'PUT') {
        const updated: Record<string, unknown> = { ...(body as Record<string, unknown>), id: existing.id, conversation: { id: conversationId } };
        existing.activity = updated;
        existing.versions.push(updated);
        notify();
        return [200, { id: existing.id }];
      }
      if (method === 'DELETE') {
        existing.deleted = true;
        return [200, {}];
      }
      return [405, error('MethodNotAllowed', `${method} ${path}`)];
    }
    if (rest[0] === 'members' && method === 'GET') {
      const list = members.get(conversationId) ?? defaultMembers;
      if (rest[1] === undefined) return [200, list];
      const one = list.find((m) => m.id === rest[1]);
      return one === undefined ? [404, error('MemberNotFoundInConversation', `${rest[1]} is not a member of ${conversationId}`)] : [200, one];
    }
    return [404, error('NotFound', `No route for ${method} ${path}`)];
  };

  const createConversation = (body: unknown): [number, unknown] => {
    if (!isObject(body)) return [400, error('BadSyntax', 'The body must be ConversationParameters')];
    const list = Array.isArray(body.members) ? (body.members as ChannelAccount[]) : [];
    const isGroup = body.isGroup === true;
    if (list.length === 0) return [400, error('BadArgument', 'A conversation needs members')];
    if (!isGroup && list.length !== 1) return [400, error('BadArgument', 'A 1:1 conversation has exactly one member besides the bot')];
    const id = isGroup ? `19:${newActivityId()}@thread.v2` : personalConversationFor(list[0]!.id);
    // Teams knows its users: a conversation's roster carries their full profile, not just the ids the bot gave.
    const known = (m: ChannelAccount) => [...defaultMembers, ...[...members.values()].flat()].find((k) => k.id === m.id) ?? m;
    if (!members.has(id)) members.set(id, list.map(known));
    const created: CreatedConversation = { id, parameters: body };
    conversations.push(created);
    if (isObject(body.activity)) {
      created.activityId = store(id, body.activity).id;
      return [201, { id, activityId: created.activityId }];
    }
    return [201, { id }];
  };

  /** A whole file in one PUT, as Teams' upload sessions take it: Content-Range must name every byte. */
  const receiveUpload = (rec: RecordedRequest, res: ServerResponse, sessionId: string, content: Buffer): void => {
    const session = sessions.get(sessionId);
    if (rec.method !== 'PUT' || session === undefined) return answer(res, rec, 404, error('itemNotFound', 'No such upload session'));
    const range = String(rec.headers['content-range'] ?? '');
    if (range !== `bytes 0-${content.length - 1}/${content.length}`) return answer(res, rec, 400, error('invalidRange', `Content-Range "${range}" does not describe ${content.length} bytes`));
    uploads.push({ sessionId, name: session.name, headers: rec.headers, content });
    sessions.delete(sessionId);
    answer(res, rec, 201, { id: session.uniqueId, name: session.name, size: content.length });
  };

  const server: Server = createServer((req, res) => {
    const run = async (): Promise<void> => {
      const bytes = await readBody(req);
      const session = /^\/upload-sessions\/([^/?]+)/.exec(req.url ?? '')?.[1];
      if (session !== undefined) {
        const rec: RecordedRequest = { method: (req.method ?? 'GET').toUpperCase(), path: (req.url ?? '/').split('?')[0]!, body: undefined, headers: { ...req.headers }, status: 0, at: new Date() };
        requests.push(rec);
        return receiveUpload(rec, res, session, bytes);
      }
      const raw = bytes.toString('utf8');
      let body: unknown;
      let bad = false;
      if (raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          bad = true;
        }
      }
      const method = (req.method ?? 'GET').toUpperCase();
      const fullPath = (req.url ?? '/').split('?')[0]!;
      const rec: RecordedRequest = { method, path: fullPath, body, headers: { ...req.headers }, status: 0, at: new Date() };
      requests.push(rec);
      if (basePath !== '' && !fullPath.startsWith(`${basePath}/`)) return answer(res, rec, 404, error('NotFound', fullPath));
      const path = fullPath.slice(basePath.length);
      if (bad) return answer(res, rec, 400, error('BadSyntax', 'The body is not JSON'));

      const fault = takeFault(method, decodePath(path));
      if (fault !== undefined && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault !== undefined && 'hangUp' in fault) {
        if (fault.applied) handle(method, path, body, rec);
        rec.status = -1;
        req.socket.destroy();
        return;
      }
      if (fault !== undefined && 'status' in fault) {
        if (fault.status === 429) {
          res.setHeader('Retry-After', String(fault.retryAfter ?? 1));
          return answer(res, rec, 429, error('Throttled', 'Too many requests'));
        }
        if ('applied' in fault && fault.applied) handle(method, path, body, rec);
        return answer(res, rec, fault.status, error(FAULT_CODES[fault.status], `Fault ${fault.status} on cue`));
      }
      const [status, out] = handle(method, path, body, rec);
      answer(res, rec, status, out);
    };
    run().catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(error('InternalError', String(e))));
      } else res.destroy();
    });
  });
  const listening = await listenOnLoopback(server);
  const { origin } = listening;

  return {
    serviceUrl: `${origin}${basePath}/`,
    origin,
    bot,
    tenantId,
    requests,
    activities,
    activitiesIn: (conversationId) => activities.filter((a) => a.conversationId === conversationId),
    activity: (id) => byId.get(id),
    conversations,
    personalConversationFor,
    setMembers(conversationId, list) {
      members.set(conversationId, [...list]);
    },
    uploadSession(name) {
      const id = newActivityId();
      const session: UploadSession = {
        name,
        uploadUrl: `${origin}/upload-sessions/${id}`,
        contentUrl: `${origin}/personal/Documents/Applications/Stocktake/${encodeURIComponent(name)}`,
        uniqueId: `F1LE-${id}`,
        fileType: name.split('.').pop() ?? '',
      };
      sessions.set(id, session);
      return session;
    },
    uploads,
    failNext(pattern, fault, match = {}) {
      faults.push({ pattern, fault, left: match.times ?? 1, ...(match.method ? { method: match.method } : {}) });
    },
    waitForActivities(count, conversationId, timeoutMs = 10_000) {
      const current = (): StoredActivity[] => (conversationId === undefined ? activities : activities.filter((a) => a.conversationId === conversationId));
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const list = current();
          if (list.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve([...list]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${count} activities${conversationId ? ` in ${conversationId}` : ''}; have ${current().length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: listening.close,
  };
}

function answer(res: ServerResponse, rec: RecordedRequest, status: number, body: unknown): void {
  rec.status = status;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function error(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .join('/');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

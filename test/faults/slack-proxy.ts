import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../support/loopback-server.ts';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A loopback hop between the bot and the fake Slack that decides *when* posts reach Slack, so a
 * test can kill the bot at a point it chose rather than one a timer happened to hit:
 *
 * - posts (`chat.postMessage`) go on to Slack one at a time, `gapMs` apart; a post whose sender has
 *   died while it waited in line is dropped (it never left the machine);
 * - a post can be *held*: Slack stores the message and answers, but the answer is never passed back
 *   (the process is killed while the call is in flight, after Slack has acted on it).
 *
 * Every other method passes straight through.
 */
export interface SlackProxy {
  /** The Web API base to give the bot (`SLACK_API_URL`). */
  readonly url: string;
  /** The posts that reached Slack, in order. */
  readonly posts: readonly ForwardedPost[];
  /**
   * Resolves once the `count`-th post carrying an outbox key (the first part of a message; held ones
   * count too) has reached Slack and its answer has been passed back to the bot.
   */
  answeredKeyed(count: number, timeoutMs?: number): Promise<ForwardedPost>;
  /**
   * The next post that `match` accepts (it sees the posts so far, this one last) reaches Slack but its
   * answer is withheld; resolves with it once Slack has answered.
   */
  holdNext(match?: (post: ForwardedPost, posts: readonly ForwardedPost[]) => boolean, timeoutMs?: number): Promise<ForwardedPost>;
  /** Forgets the holds still waiting for a post (their promises reject), so that a later run's posts go through. */
  cancelHolds(): void;
  /** The pause after each post before the next one goes (a restarted bot need not be slowed down). */
  gapMs: number;
  close(): Promise<void>;
}

export interface ForwardedPost {
  /** The outbox key in the post's metadata; undefined for a thread reply. */
  key: string | undefined;
  channel: string;
  threadTs: string | undefined;
  /** Slack's `ts` for the message it stored (undefined if it refused it). */
  ts: string | undefined;
  /** Whether the bot was given Slack's answer. */
  answered: boolean;
}

export async function startSlackProxy(options: { /** The fake Slack's Web API base (or origin). */ target: string; gapMs: number }): Promise<SlackProxy> {
  // The bot's paths (`/api/<method>`) are kept, so only the target's origin matters.
  const target = new URL(options.target).origin;
  const posts: ForwardedPost[] = [];
  const watchers = new Set<() => void>();
  const holds: { match: (p: ForwardedPost, all: readonly ForwardedPost[]) => boolean; resolve: (p: ForwardedPost) => void; cancel: () => void }[] = [];
  let gapMs = options.gapMs;
  let line: Promise<void> = Promise.resolve();
  const changed = () => {
    for (const w of [...watchers]) w();
  };

  const readBody = (req: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });

  const forward = async (req: IncomingMessage, body: Buffer) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(name)) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const res = await fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}) });
    const out = Buffer.from(await res.arrayBuffer());
    const outHeaders: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding'].includes(name)) outHeaders[name] = value;
    });
    return { status: res.status, headers: outHeaders, body: out };
  };

  const reply = (res: ServerResponse, answer: { status: number; headers: Record<string, string>; body: Buffer }) => {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };

  /** What a post says about itself: its channel, thread and key (the WebClient sends a form or JSON). */
  const inspect = (req: IncomingMessage, body: Buffer): Pick<ForwardedPost, 'key' | 'channel' | 'threadTs'> => {
    const text = body.toString('utf8');
    let args: Record<string, unknown>;
    if ((req.headers['content-type'] ?? '').startsWith('application/json')) args = JSON.parse(text) as Record<string, unknown>;
    else args = Object.fromEntries(new URLSearchParams(text));
    let metadata = args.metadata as { event_payload?: { key?: unknown } } | string | undefined;
    if (typeof metadata === 'string') metadata = JSON.parse(metadata) as { event_payload?: { key?: unknown } };
    const key = metadata?.event_payload?.key;
    return { key: typeof key === 'string' ? key : undefined, channel: String(args.channel ?? ''), threadTs: typeof args.thread_ts === 'string' && args.thread_ts !== '' ? args.thread_ts : undefined };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    if (!/\/chat\.postMessage$/.test((req.url ?? '').split('?')[0]!)) {
      reply(res, await forward(req, body));
      return;
    }
    let senderGone = false;
    res.on('close', () => {
      if (!res.writableFinished) senderGone = true;
    });
    const described = inspect(req, body);
    const turn = line.then(async () => {
      if (senderGone || req.socket.destroyed) return;
      let answer: Awaited<ReturnType<typeof forward>>;
      try {
        answer = await forward(req, body);
      } catch {
        // Slack hung up (the fake's `hangUp` fault): so does the proxy, and the bot sees a lost connection.
        req.socket.destroy();
        await sleep(gapMs);
        return;
      }
      const parsed = JSON.parse(answer.body.toString('utf8') || '{}') as { ok?: boolean; ts?: string };
      const post: ForwardedPost = { ...described, ts: parsed.ok ? parsed.ts : undefined, answered: false };
      posts.push(post);
      const hold = holds.findIndex((h) => h.match(post, posts));
      if (hold >= 0) {
        // Slack has acted; the bot never hears of it. The connection stays open until the bot dies.
        holds.splice(hold, 1)[0]!.resolve(post);
      } else {
        reply(res, answer);
        post.answered = true;
      }
      changed();
      await sleep(gapMs);
    });
    line = turn.catch(() => undefined);
    await turn;
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${String(error)}`);
      } else res.destroy();
    });
  });
  const listening = await listenOnLoopback(server);

  return {
    url: `${listening.origin}/api/`,
    get posts() {
      return posts;
    },
    answeredKeyed(count, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = posts.filter((p) => p.key !== undefined)[count - 1];
          if (found === undefined || !found.answered) return;
          watchers.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`Keyed post ${count} was not answered within ${timeoutMs} ms (keyed posts so far: ${posts.filter((p) => p.key).length})`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
    holdNext(match = () => true, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const entry = {
          match,
          resolve: (post: ForwardedPost) => {
            clearTimeout(timer);
            resolve(post);
          },
          cancel: () => {
            clearTimeout(timer);
            reject(new Error('hold cancelled'));
          },
        };
        const timer = setTimeout(() => {
          holds.splice(holds.indexOf(entry), 1);
          reject(new Error(`No post to hold came within ${timeoutMs} ms (${posts.length} posts so far)`));
        }, timeoutMs);
        holds.push(entry);
      });
    },
    cancelHolds() {
      for (const h of holds.splice(0)) h.cancel();
    },
    get gapMs() {
      return gapMs;
    },
    set gapMs(ms: number) {
      gapMs = ms;
    },
    close: listening.close,
  };
}

import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BotMemory, BotMessage, BotRequest, BotTick } from './bot.ts';

const BOT = fileURLToPath(new URL('./bot.ts', import.meta.url));

// Settings the bench's own environment may carry that would point the bot elsewhere or make it talk.
const INHERITED_AWAY = ['DATABASE_URL', 'STOCKTAKE_DATA_DIR', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID', 'LOG_LEVEL', 'PORT', 'STOCKTAKE_SCHEDULER'];

export interface BotProcess {
  port: number;
  pid: number;
  /** From fork to `startStocktake` resolved (the bot's own measure starts when its module has loaded). */
  startMs: number;
  memory(): Promise<BotMemory>;
  /** Lines the bot logged (its LOG_LEVEL decides which): how many, and the distinct kinds, first ten. */
  errors(): { count: number; kinds: string[] };
  tick(at: Date): Promise<BotTick>;
  stop(): Promise<void>;
}

/**
 * Forks the bot (`bot.ts`: `startStocktake(env)` in a process of its own) with the given settings on
 * top of the bench's environment. With BENCH_CPU_PROF=DIR set, the bot writes V8 CPU profiles (one
 * per thread) into DIR/`profileName` when it stops.
 */
export async function startBot(settings: Record<string, string>, profileName: string): Promise<BotProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_AWAY) delete env[name];
  Object.assign(env, settings);
  // One folder per bot: each thread (the main one, the module loader's, PGlite's worker) writes its own profile there.
  const profileDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF, profileName) : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const execArgv = [...process.execArgv, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])];
  const forkedAt = performance.now();
  const child: ChildProcess = fork(BOT, [], { env, execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  // The bot's log (pino, one JSON object a line): counted, and the kinds of message kept.
  let logged = 0;
  const kinds = new Map<string, number>();
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      logged++;
      let kind = line.slice(0, 200);
      try {
        const j = JSON.parse(line) as { msg?: string; err?: { message?: string; type?: string }; error?: string };
        kind = `${j.msg ?? ''}${j.err ? `: ${j.err.type ?? ''} ${j.err.message ?? ''}` : j.error ? `: ${j.error}` : ''}`.slice(0, 200);
      } catch {
        // Not JSON: kept as it came.
      }
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  });

  let nextId = 1;
  const pending = new Map<number, { resolve: (m: BotMessage) => void; reject: (e: Error) => void }>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then((code) => {
    for (const p of pending.values()) p.reject(new Error(`the bot exited (status ${code})`));
    pending.clear();
  });

  const ready = await new Promise<Extract<BotMessage, { type: 'ready' }>>((resolve, reject) => {
    child.on('message', (m: BotMessage) => {
      if (m.type === 'ready') resolve(m);
      else if (m.type === 'failed') reject(new Error(`the bot did not start: ${m.error}`));
      else if ('id' in m) {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (!p) return;
        if (m.type === 'error') p.reject(new Error(m.error));
        else p.resolve(m);
      }
    });
    void exited.then((code) => reject(new Error(`the bot exited before it was ready (status ${code})`)));
  });
  const startMs = performance.now() - forkedAt;

  const ask = (request: Omit<BotRequest, 'id'>): Promise<BotMessage> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...request, id } as BotRequest);
    });

  return {
    port: ready.port,
    pid: child.pid!,
    startMs,
    errors: () => ({ count: logged, kinds: [...kinds.entries()].slice(0, 10).map(([k, n]) => `${n}× ${k}`) }),
    async memory() {
      const m = await ask({ type: 'memory' });
      if (m.type !== 'memory') throw new Error(`unexpected answer ${m.type}`);
      return m.memory;
    },
    async tick(at) {
      const m = await ask({ type: 'tick', at: at.toISOString() } as Omit<BotRequest, 'id'>);
      if (m.type !== 'tick') throw new Error(`unexpected answer ${m.type}`);
      return m.tick;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop', id: nextId++ } satisfies BotRequest);
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

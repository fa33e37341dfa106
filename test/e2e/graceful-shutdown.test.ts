import type { ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../adapters/store/open-database.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { eventually } from '../support/eventually.ts';
import { freshDataDir, killAll, removeDataDir, startStocktake } from './cli-harness.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const TOKEN = 'test-bot-shutdown';
const CHANNEL = 'C0SHUTDOWN';
const KEY = 'report:shutdown-test';

/** A hop in front of the fake Slack that keeps each `chat.postMessage` waiting until the test lets it through. */
async function startGate(target: string): Promise<{ url: string; held: Promise<void>; release(): void; close(): Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  const read = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    });
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await read(req);
      if (req.url?.endsWith('/chat.postMessage')) {
        arrived();
        await released;
      }
      const answer = await fetch(new URL(req.url ?? '/', target), {
        method: req.method ?? 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded', authorization: req.headers.authorization ?? '' },
        body: new Uint8Array(body),
      });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    held,
    release,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let dataDir: string | undefined;
let fake: FakeSlack | undefined;
let gate: Awaited<ReturnType<typeof startGate>> | undefined;

afterAll(async () => {
  await killAll();
  gate?.release();
  await gate?.close();
  await fake?.close();
  await removeDataDir(dataDir);
});

const lines = (out: string) => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg?: string; level?: number });

describe('serve stopping on SIGTERM', () => {
  it('finishes the send under way, records it as sent, starts no tick after the signal and exits 0', async () => {
    dataDir = await freshDataDir();
    const db = await openDatabase({ dataDir });
    await db.prisma.outbox.create({
      data: { key: KEY, kind: 'report', platform: 'slack', recipient: { channelId: CHANNEL }, payload: { message: { text: 'The highlight report is ready', blocks: [] } } },
    });
    await db.close();
    fake = await startFakeSlack({ token: TOKEN });
    gate = await startGate(fake.origin);

    // A tick every second, so a tick after the signal would show within the wait below.
    const server: ChildProcess = startStocktake(dataDir, ['serve'], {
      PORT: '0',
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_API_URL: gate.url,
      STOCKTAKE_TICK_SCHEDULE: '* * * * * *',
    });
    let stdout = '';
    server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));

    let stderr = '';
    server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await Promise.race([gate.held, exited.then((e) => Promise.reject(new Error(`serve exited (${e.code}) before posting\n${stdout}\n${stderr}`)))]);
    await eventually(() => lines(stdout).filter((l) => l.msg === 'tick started').length > 1, 30_000);
    server.kill('SIGTERM');
    await eventually(() => stdout.includes('"msg":"stopping'), 30_000);

    // No new work is taken: the listener is closed (a request on a connection still open would get 503).
    const port = Number(/"port":(\d+)/.exec(stdout)![1]);
    const late = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(late);

    // Several tick slots pass while the post is held: the process waits for the send, and no tick starts.
    await sleep(2_500);
    expect(server.exitCode, stdout).toBeNull();
    gate.release();

    expect(await exited, stdout).toEqual({ code: 0, signal: null });
    const log = lines(stdout);
    const stopping = log.findIndex((l) => l.msg?.startsWith('stopping'));
    expect(log.slice(stopping).filter((l) => l.msg === 'tick started'), stdout).toEqual([]);
    expect(log.at(-1)?.msg).toBe('stopped');

    expect(fake.messagesIn(CHANNEL).map((m) => m.text)).toEqual(['The highlight report is ready']);
    const after = await openDatabase({ dataDir, migrate: false });
    try {
      const row = await after.prisma.outbox.findUniqueOrThrow({ where: { key: KEY } });
      expect({ state: row.state, platformMessageId: row.platformMessageId }).toEqual({ state: 'sent', platformMessageId: fake.messagesIn(CHANNEL)[0]!.ts });
    } finally {
      await after.close();
    }
  });
});

import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../adapters/store/open-database.ts';
import { readServerInfo } from '../../adapters/store/embedded/data-dir-lock.ts';
import { freshDataDir, killAll, removeDataDir, show, stocktake } from './cli-harness.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

/*
 * Only `npm start` shares the embedded database (server.json); a command that finds the directory busy
 * waits for the lock and opens it itself, so a second command survives the first one ending.
 */

const ACCEPTED_CONNECTION = /^\s*\d+:\s+0100007F:([0-9A-F]{4})\s+[0-9A-F]{8}:[0-9A-F]{4}\s+01\s/;

/** Established loopback connections accepted on `port` (Linux). */
async function connectionsTo(port: number): Promise<number> {
  const table = await readFile('/proc/net/tcp', 'utf8').catch(() => '');
  return table.split('\n').filter((line) => Number.parseInt(ACCEPTED_CONNECTION.exec(line)?.[1] ?? '', 16) === port).length;
}

let dataDir: string;
let holder: Database | undefined;

beforeAll(async () => {
  dataDir = await freshDataDir();
});

afterAll(async () => {
  await killAll();
  await holder?.close().catch(() => {});
  await removeDataDir(dataDir);
});

describe('two commands on the same data directory without a server', () => {
  it('lets a second command succeed when the first finishes while it runs', async () => {
    holder = await openDatabase({ dataDir });
    const published = await readServerInfo(dataDir);
    const client = await holder.pool.connect();
    await client.query('BEGIN');
    await client.query('SELECT count(*) FROM "_prisma_migrations"');
    const baseline = published ? await connectionsTo(published.port) : 0;

    const second = stocktake(dataDir, ['programme', 'list']);
    // Wait until the second command has connected through the first one's socket (the bug), or long enough that it
    // is plainly waiting for the lock instead (the fix).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(published && (await connectionsTo(published.port)) > baseline)) await sleep(100);

    await client.query('ROLLBACK');
    client.release();
    await holder.close();
    holder = undefined;

    const r = await second;
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('No programmes yet');
  });
});

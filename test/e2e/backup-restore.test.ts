import type { ChildProcess } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readRegisterFile } from '../../adapters/files/read-register-file.ts';
import { readBackupFile } from '../../adapters/store/embedded/backup-file.ts';
import { pendingMigrations } from '../../adapters/store/migrate.ts';
import { openDatabase, type Database } from '../../adapters/store/open-database.ts';
import { importRegister } from '../../src/app/register/import-register.ts';
import { appDeps, HULL_CSV } from '../support/app.ts';
import { freshDataDir, killAll, removeDataDir, show, startStocktake, stocktake, type CliResult } from './cli-harness.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// Characters a JSON or SQL round trip could mangle.
const NOTE = 'Panel met 3 Oct — "quotes", 50% done; ünïcödé\nand a second line';

let dataDir: string;
let work: string;
let updateId: string;

function expectExit(r: CliResult, code: number): void {
  expect(r.code, show(r)).toBe(code);
}

async function withDatabase<T>(read: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir, migrate: false });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/** What a restore must bring back: the register, the lead's update with its note, and the audit trail. */
const holdings = () =>
  withDatabase(async (db) => ({
    actions: await db.prisma.action.count(),
    update: await db.prisma.statusUpdate.findUnique({ where: { id: updateId }, select: { note: true, status: true, authorName: true, createdAt: true } }),
    audit: (await db.prisma.auditEntry.findMany({ orderBy: { at: 'asc' }, select: { verb: true, entity: true, details: true } })).map((a) => `${a.verb} ${a.entity} ${JSON.stringify(a.details)}`),
    pending: await pendingMigrations(db.pool),
  }));

beforeAll(async () => {
  dataDir = await freshDataDir();
  work = await freshDataDir();
  await withDatabase(async (db) => {
    const deps = appDeps(db, new Date('2024-03-01T09:00:00Z'));
    const imported = await importRegister(deps, { programme: 'Hull', grid: await readRegisterFile(HULL_CSV), actor: 'test', file: 'hull.csv' });
    if (!imported.ok) throw new Error(imported.error.message);
    const action = await db.prisma.action.findFirstOrThrow({ where: { ref: '1.1' } });
    const lead = await db.prisma.person.create({ data: { name: 'Priya Shah', email: 'priya.shah@hull.example' } });
    const recorded = await deps.store.updates.record({
      actionId: action.id, authorId: lead.id, authorName: lead.name, onBehalfOfId: null, status: 'amber', statusWord: 'Some concerns',
      note: NOTE, nextSteps: null, evidenceUrl: null, revisedDue: null, source: 'slack', correctsId: null, at: new Date('2024-03-02T10:15:00.123Z'),
    });
    updateId = recorded.id;
  });
});

afterAll(async () => {
  await killAll();
  await removeDataDir(dataDir);
  await removeDataDir(work);
});

describe('stocktake backup and restore (embedded database)', () => {
  let before: Awaited<ReturnType<typeof holdings>>;
  const backupFile = () => path.join(work, 'hull.jsonl.gz');

  it('backs up, and after the data directory is wiped, restores the register, the update with its note, and the audit trail, with migrations current', async () => {
    before = await holdings();
    expect(before.actions).toBe(63);
    expect(before.update?.note).toBe(NOTE);
    expect(before.audit.some((a) => a.includes(updateId))).toBe(true);

    const backup = await stocktake(dataDir, ['backup', '--out', backupFile()]);
    expectExit(backup, 0);
    expect(backup.stdout).toMatch(/63 actions, 64 status updates/);

    await rm(dataDir, { recursive: true, force: true });
    const restored = await stocktake(dataDir, ['restore', backupFile()]);
    expectExit(restored, 0);
    expect(restored.stdout).toMatch(/^Restored .* rows in \d+ tables\./);
    expect(await holdings()).toEqual({ ...before, pending: [] });
  });

  it('refuses to replace a database the directory already holds unless told to (--force)', async () => {
    const r = await stocktake(dataDir, ['restore', backupFile()]);
    expectExit(r, 1);
    expect(r.stderr).toMatch(/already holds a database.*--force/);
  });

  it('refuses a truncated or damaged backup with exit status 1, leaving the data directory as it was', async () => {
    const good = await readFile(backupFile());
    const truncated = path.join(work, 'truncated.jsonl.gz');
    await writeFile(truncated, good.subarray(0, Math.floor(good.length / 2)));
    const damaged = path.join(work, 'damaged.jsonl.gz');
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    await writeFile(damaged, flipped);
    const notABackup = path.join(work, 'hull.csv');
    await writeFile(notABackup, await readFile(HULL_CSV));

    for (const file of [truncated, damaged, notABackup]) {
      const r = await stocktake(dataDir, ['restore', file, '--force']);
      expectExit(r, 1);
      expect(r.stderr).toMatch(new RegExp(`${path.basename(file)} cannot be restored: it is (damaged|not a Stocktake backup)`));
    }
    expect((await readdir(dataDir)).filter((f) => f.startsWith('pglite'))).toEqual(['pglite']);
    expect(await holdings()).toEqual({ ...before, pending: [] });
  });

  it('says to use pg_dump and pg_restore when DATABASE_URL names a PostgreSQL server', async () => {
    for (const args of [['backup'], ['restore', backupFile()]]) {
      const r = await stocktake(dataDir, args, { env: { DATABASE_URL: 'postgresql://nobody@127.0.0.1:9/nothing' } });
      expectExit(r, 1);
      expect(r.stderr).toMatch(/pg_dump .*\n.*pg_restore/);
    }
  });

  describe('while `serve` runs', () => {
    let server: ChildProcess;
    let stdout = '';

    beforeAll(async () => {
      server = startStocktake(dataDir, ['serve'], { PORT: '0', LOG_LEVEL: 'info', STOCKTAKE_SCHEDULER: 'off' });
      server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      server.stderr!.resume();
      while (!stdout.includes('listening')) {
        if (server.exitCode !== null) throw new Error(`serve exited: ${stdout}`);
        await sleep(100);
      }
    });

    it('takes a consistent backup through the running server', async () => {
      const file = path.join(work, 'live.jsonl.gz');
      const r = await stocktake(dataDir, ['backup', '--out', file]);
      expectExit(r, 0);
      expect(r.stdout).toMatch(/via the running server/);
      const backup = await readBackupFile(file);
      const updates = backup.tables.find((t) => t.name === 'StatusUpdate')!.rows.map((row) => JSON.parse(row) as { id: string; note: string | null });
      expect(updates.find((u) => u.id === updateId)?.note).toBe(NOTE);
      expect(server.exitCode).toBeNull();
    });

    it('refuses to restore while the server runs', async () => {
      const r = await stocktake(dataDir, ['restore', backupFile(), '--force']);
      expectExit(r, 1);
      expect(r.stderr).toMatch(/Stocktake is running on .* stop it, then restore/);
    });

    it('restores over the old database with --force once the server has stopped', async () => {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      const r = await stocktake(dataDir, ['restore', path.join(work, 'live.jsonl.gz'), '--force']);
      expectExit(r, 0);
      expect((await readdir(dataDir)).filter((f) => f.startsWith('pglite'))).toEqual(['pglite']);
      expect(await holdings()).toEqual({ ...before, pending: [] });
    });
  });
});

import { open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What a process hosting the embedded database publishes so that `npx stocktake` commands can connect through it. */
export interface ServerInfo {
  port: number;
  pid: number;
  startedAt: string;
}

export const serverInfoPath = (dataDir: string) => path.join(dataDir, 'server.json');
const lockPath = (dataDir: string) => path.join(dataDir, 'stocktake.lock');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readServerInfo(dataDir: string): Promise<ServerInfo | null> {
  try {
    const info = JSON.parse(await readFile(serverInfoPath(dataDir), 'utf8')) as ServerInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export async function writeServerInfo(dataDir: string, port: number): Promise<void> {
  const info: ServerInfo = { port, pid: process.pid, startedAt: new Date().toISOString() };
  await writeFile(serverInfoPath(dataDir), JSON.stringify(info, null, 2));
}

/**
 * Takes the data directory's lock, so two processes never open PGlite's files at once.
 * Returns the pid of the live holder instead when another process has it; a lock left by a dead process is taken over.
 */
export async function tryLock(dataDir: string): Promise<{ locked: true } | { locked: false; holder: number }> {
  for (;;) {
    try {
      const handle = await open(lockPath(dataDir), 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { locked: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(lockPath(dataDir), 'utf8').catch(() => '0'));
      if (holder && isAlive(holder) && holder !== process.pid) return { locked: false, holder };
      await rm(lockPath(dataDir), { force: true });
    }
  }
}

export async function releaseLock(dataDir: string): Promise<void> {
  await rm(serverInfoPath(dataDir), { force: true });
  await rm(lockPath(dataDir), { force: true });
}

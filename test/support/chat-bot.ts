import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { systemClock, type Clock } from '../../src/app/ports/clock.ts';
import { boardPaperDocx } from '../../adapters/documents/board-paper-docx.ts';
import { openDatabase, type Database } from '../../adapters/store/open-database.ts';
import { createStore } from '../../adapters/store/prisma/create-store.ts';

/** How a chat harness gets its database. */
export interface HarnessOptions {
  /** A database the caller owns (e.g. from `describeEachDatabase`): left open, and seeded only when the caller says. Default: a fresh embedded copy, seeded. */
  db?: Database;
  /** The bot's clock starts at this instant and runs on from there (default: the real time). */
  clockStart?: Date;
}

/** The bot's use-case dependencies over a database, as the server builds them. */
export function botDeps(db: Database, timezone: string, clockStart?: Date): AppDeps {
  return { store: createStore(db), clock: clockStart ? runningFrom(clockStart) : systemClock, defaultTimezone: timezone, documents: { boardPaper: boardPaperDocx } };
}

/** A clock set to `start` that then keeps time, so what happens in order is stamped in order. */
function runningFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A migrated embedded database of the harness's own, copied from the suite's template. */
export async function openEmbeddedCopy(): Promise<{ db: Database; dispose(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-chat-'));
  await cp(inject('embeddedTemplate'), dataDir, { recursive: true });
  const db = await openDatabase({ dataDir, poolSize: 8 });
  return {
    db,
    async dispose() {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

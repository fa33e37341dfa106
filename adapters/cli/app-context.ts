import { systemClock, type Clock } from '../../src/app/ports/clock.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, type Database } from '../store/open-database.ts';
import { createStore } from '../store/prisma/create-store.ts';

export interface CliApp {
  config: Config;
  db: Database;
  deps: AppDeps;
}

/** Opens the configured database (or joins the running server's embedded one) for one command. */
export async function openCliApp(options: { clock?: Clock; migrate?: boolean } = {}): Promise<CliApp> {
  const config = loadConfig();
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.STOCKTAKE_DATA_DIR,
    migrate: options.migrate ?? true,
  });
  return {
    config,
    db,
    deps: { store: createStore(db), clock: options.clock ?? systemClock, defaultTimezone: config.STOCKTAKE_TIMEZONE },
  };
}

import { createLogger } from '../adapters/logging/logger.ts';
import { json, startHttpServer } from '../adapters/http/http-server.ts';
import { openDatabase } from '../adapters/store/open-database.ts';
import { pendingMigrations } from '../adapters/store/migrate.ts';
import { loadConfig } from './config.ts';

export interface Running {
  port: number;
  stop(): Promise<void>;
}

/** The composition root: settings → database → HTTP server. */
export async function startStocktake(env: NodeJS.ProcessEnv = process.env): Promise<Running> {
  const config = loadConfig(env);
  const log = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.STOCKTAKE_DATA_DIR,
    poolSize: 8,
    onMigrated: (names) => log.info({ migrations: names }, 'applied database migrations'),
  });
  log.info({ database: db.description, ms: Date.now() - started }, 'database ready');

  const server = await startHttpServer(
    config.PORT,
    {
      '/healthz': (_req, res) => json(res, 200, { status: 'ok' }),
      '/readyz': async (_req, res) => {
        try {
          const pending = await pendingMigrations(db.pool);
          json(res, pending.length ? 503 : 200, { status: pending.length ? 'migrations pending' : 'ready', pending });
        } catch {
          json(res, 503, { status: 'database unreachable' });
        }
      },
    },
    (error) => log.error({ err: error }, 'request failed'),
  );
  log.info({ port: server.port }, `Stocktake is listening on http://127.0.0.1:${server.port} (health: /healthz)`);
  if (!config.SLACK_BOT_TOKEN || !config.SLACK_SIGNING_SECRET) log.info('Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on');

  return {
    port: server.port,
    async stop() {
      await server.close();
      await db.close();
      log.info('stopped');
    },
  };
}

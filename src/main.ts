import { createLogger } from '../adapters/logging/logger.ts';
import { json, startHttpServer } from '../adapters/http/http-server.ts';
import { openDatabase } from '../adapters/store/open-database.ts';
import { pendingMigrations } from '../adapters/store/migrate.ts';
import { createStore } from '../adapters/store/prisma/create-store.ts';
import { createGateways } from '../adapters/outbound/gateways.ts';
import { teamsEndpointOnDemand, teamsSettings } from '../adapters/teams/teams-on-demand.ts';
import { startScheduler } from '../adapters/scheduler/scheduler.ts';
import { tick } from './app/cycle/tick.ts';
import { applyRetention } from './app/updates/apply-retention.ts';
import { createComposer } from './chat/cycle/compose-intent.ts';
import { createSlackAdapter } from '../adapters/slack/slack-adapter.ts';
import type { Route } from '../adapters/http/http-server.ts';
import { systemClock } from './app/ports/clock.ts';
import type { AppDeps } from './app/deps.ts';
import type { DocumentPort } from './app/ports/documents.ts';
import { loadConfig } from './config.ts';

export interface Running {
  port: number;
  /** The use cases' ports, for the command line and for tests that seed data into a running bot. */
  deps: AppDeps;
  /** Stops taking requests and ticks, lets the send under way finish, closes the database. */
  stop(): Promise<void>;
  /** `stop()` on a signal, bounded by SHUTDOWN_GRACE_MS: resolves with the exit status (0 stopped cleanly, 1 gave up waiting or failed). */
  shutdown(signal: string): Promise<number>;
}

/** Well inside the 30 s that container platforms allow between SIGTERM and SIGKILL. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** The board paper's Word and chart libraries load with the first board paper asked for, not at start-up. */
const boardPaperOnDemand: DocumentPort['boardPaper'] = async (report, options) => (await import('../adapters/documents/board-paper-docx.ts')).boardPaperDocx(report, options);

/** The composition root: settings → database → HTTP server. */
export async function startStocktake(env: NodeJS.ProcessEnv = process.env): Promise<Running> {
  const config = loadConfig(env);
  const log = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.STOCKTAKE_DATA_DIR,
    poolSize: 8,
    share: true,
    onMigrated: (names) => log.info({ migrations: names }, 'applied database migrations'),
  });
  log.info({ database: db.description, ms: Date.now() - started }, 'database ready');
  const deps: AppDeps = { store: createStore(db), clock: systemClock, defaultTimezone: config.STOCKTAKE_TIMEZONE, documents: { boardPaper: boardPaperOnDemand } };

  const routes: Record<string, Route> = {};
  const slack =
    config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET
      ? await createSlackAdapter(
          { token: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET, appToken: config.SLACK_APP_TOKEN, apiUrl: config.SLACK_API_URL },
          deps,
          log,
        )
      : null;
  if (slack?.requestListener) routes['/slack/events'] = slack.requestListener;
  await slack?.start();
  const teams = teamsEndpointOnDemand(teamsSettings(config), deps, log);
  routes['/api/messages'] = teams.route;
  const gateways = createGateways(config, deps, log, teams.gateway);
  const scheduler =
    config.STOCKTAKE_SCHEDULER === 'off'
      ? null
      : startScheduler({
          deps,
          log,
          timezone: config.STOCKTAKE_TIMEZONE,
          jobs: [
            { name: 'tick', expression: config.STOCKTAKE_TICK_SCHEDULE, atStartup: true, run: (signal) => tick(deps, createComposer(deps), gateways, { signal }) },
            // At night, when nobody is updating: retention deletes rows.
            { name: 'retention', expression: '15 2 * * *', run: () => applyRetention(deps, config.STOCKTAKE_RETENTION_MONTHS) },
          ],
        });

  const server = await startHttpServer(
    config.PORT,
    {
      ...routes,
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
  if (!slack) log.info('Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on');
  else log.info(config.SLACK_APP_TOKEN ? 'Slack is on, over Socket Mode' : `Slack is on: events at http://127.0.0.1:${server.port}/slack/events`);
  if (teams.localMode) {
    // The Playground reads .m365agentsplayground.yml from where it is run: the project's root signs in as the demo's programme manager.
    const playground = `TEAMSAPPTESTER_BROWSER=none npx agentsplayground -e http://127.0.0.1:${server.port}/api/messages -c msteams --dt`;
    log.warn(
      { playground },
      `Teams is in LOCAL MODE: MICROSOFT_APP_ID is not set, so /api/messages does not check tokens and accepts activities from this machine only. ` +
        `Try it with the Agents Playground, from this folder: ${playground}, then open the page it prints (http://localhost:56150)`,
    );
  } else {
    log.info(`Teams is on: activities at http://127.0.0.1:${server.port}/api/messages are checked against app ${config.MICROSOFT_APP_ID}`);
  }

  const stop = async () => {
    // The listener closes first, so no new work arrives while the tick under way and the requests being answered finish.
    const serverClosed = server.close();
    await scheduler?.stop();
    await slack?.stop();
    await serverClosed;
    await db.close();
    log.info('stopped');
  };
  return {
    port: server.port,
    deps,
    stop,
    async shutdown(signal) {
      log.info({ signal }, 'stopping: no new requests or ticks; finishing the send under way');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS, 'late')));
      try {
        if ((await Promise.race([stop(), late])) !== 'late') return 0;
        log.error({ graceMs: SHUTDOWN_GRACE_MS }, `not stopped within ${SHUTDOWN_GRACE_MS / 1000} s: exiting anyway`);
        return 1;
      } catch (error) {
        log.error({ err: error }, 'stopping failed');
        return 1;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

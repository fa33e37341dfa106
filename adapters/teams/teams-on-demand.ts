import type { AppDeps } from '../../src/app/deps.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../logging/logger.ts';
import type { TeamsEndpoint, TeamsSettings } from './teams-adapter.ts';

export const teamsSettings = (config: Config): TeamsSettings => ({
  appId: config.MICROSOFT_APP_ID,
  appPassword: config.MICROSOFT_APP_PASSWORD,
  tenantId: config.MICROSOFT_APP_TENANT_ID,
  serviceUrl: config.MICROSOFT_SERVICE_URL,
});

/**
 * The Teams endpoint, with botbuilder and teams-ai (about 86 MB) loaded on the first activity or the
 * first Teams send rather than at start-up: a bot used only from Slack never pays for them. The route
 * and the gateway share one endpoint, as the gateway replies through the service URL the route last saw.
 */
export function teamsEndpointOnDemand(settings: TeamsSettings, deps: AppDeps, log: Logger): TeamsEndpoint {
  let endpoint: Promise<TeamsEndpoint> | null = null;
  const load = () => (endpoint ??= import('./teams-adapter.ts').then((m) => m.createTeamsEndpoint(settings, deps, log)));
  return {
    localMode: !settings.appId,
    route: async (req, res) => (await load()).route(req, res),
    gateway: {
      send: async (row) => (await load()).gateway.send(row),
      reconcile: async (row) => (await load()).gateway.reconcile(row),
    },
  };
}

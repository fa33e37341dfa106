import { LogLevel, WebClient } from '@slack/web-api';
import type { Gateways } from '../../src/app/outbox/dispatch-outbox.ts';
import type { ChatGateway } from '../../src/app/ports/outbox.ts';
import { teamsEndpointOnDemand, teamsSettings } from '../teams/teams-on-demand.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../logging/logger.ts';
import { slackIdentitiesFrom } from '../slack/gateway/identities.ts';
import { createSlackGateway } from '../slack/gateway/slack-gateway.ts';
import { slackDirectory } from '../slack/slack-directory.ts';

/**
 * The platforms outbound messages can go to: Slack when its token is set; Teams always (a person is
 * reachable once a conversation with them is stored). The server passes its own Teams gateway, which
 * knows the service URL of the latest activity.
 */
export function createGateways(config: Config, deps: AppDeps, log: Logger, teams?: ChatGateway): Gateways {
  const gateways: Gateways = {
    teams: teams ?? teamsEndpointOnDemand(teamsSettings(config), deps, log).gateway,
  };
  if (config.SLACK_BOT_TOKEN) {
    // No client retries and no queue pause on a 429: the outbox dispatcher owns retries and pacing.
    const client = new WebClient(config.SLACK_BOT_TOKEN, {
      ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      // The dispatcher reports outcomes; the client's own warnings would only repeat them on stderr.
      logLevel: LogLevel.ERROR,
    });
    gateways.slack = createSlackGateway({
      client,
      identities: slackIdentitiesFrom(deps.store.people),
      directory: slackDirectory(client),
      log: log.child({ component: 'slack-outbox' }),
    });
  }
  return gateways;
}

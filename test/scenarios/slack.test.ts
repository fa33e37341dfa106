import { startSlackDriver } from './drivers/slack-driver.ts';
import { runChatScenarios } from './run-scenarios.ts';

runChatScenarios('Slack', startSlackDriver);

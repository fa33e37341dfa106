import { startSlackDriver } from './drivers/slack-driver.ts';
import { runChatScenarios } from './run-scenarios.ts';

runChatScenarios('slack', startSlackDriver);

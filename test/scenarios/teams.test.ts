import { startTeamsDriver } from './drivers/teams-driver.ts';
import { runChatScenarios } from './run-scenarios.ts';

runChatScenarios('teams', startTeamsDriver);

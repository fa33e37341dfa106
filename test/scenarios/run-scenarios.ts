import { afterAll, beforeAll, beforeEach, it } from 'vitest';
import type { ChatPlatform } from '../../src/app/ports/store.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { CHAT_SCENARIOS, SCENARIO_CLOCK } from './chat-scenarios.ts';
import type { ChatDriver, StartDriver } from './driver.ts';
import { stored } from './world.ts';

/** Every chat scenario against one platform's driver, on each database under test. */
export function runChatScenarios(platform: ChatPlatform, start: StartDriver): void {
  describeEachDatabase(`chat scenarios on ${platform === 'slack' ? 'Slack' : 'Teams'}`, (db) => {
    let chat: ChatDriver;
    beforeAll(async () => {
      chat = await start(db(), SCENARIO_CLOCK);
    });
    afterAll(async () => {
      await chat?.stop();
    });
    beforeEach(async () => {
      await chat.reset();
    });
    for (const scenario of CHAT_SCENARIOS) it(scenario.name, () => scenario.run(chat, stored(db())));
  });
}

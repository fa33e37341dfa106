import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../support/fake-slack/index.ts';
import { runTick } from '../support/tick-process.ts';
import { LEADS_PROMPTED } from '../support/hull-board-cycle.ts';
import { describePrompts, expectOnePromptPerLead, outboxStates, PROMPTS_DUE, readDatabase, seededDataDir, startHullSlack, tickSummary, TOKEN } from './hull-cycle.ts';

/**
 * DESIGN decision 3: dispatch honours 429 Retry-After and backs off on 5xx. `tick --now` is how a
 * tick is run by hand or in a test; a send that Slack turns away once must still go out in the same
 * tick (the retry falls due within the dispatcher's wait horizon), and the command must end.
 */
describe('a tick whose sends Slack turns away once (embedded PGlite)', () => {
  let seeded: { dir: string; dispose(): Promise<void> };
  let fake: FakeSlack;

  beforeAll(async () => {
    seeded = await seededDataDir();
    fake = await startHullSlack();
  });
  afterAll(async () => {
    await fake?.close();
    await seeded?.dispose();
  });

  it('retries a post rate-limited with Retry-After and one that failed with HTTP 500, sends each prompt once, and finishes', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, { channel: fake.dmChannelFor('U0PRIYA') });
    fake.failNext('chat.postMessage', { status: 500 }, { channel: fake.dmChannelFor('U0SAM') });

    // A retry due in a second or two: the whole tick needs start-up time and a few seconds more.
    const outcome = await runTick({ now: PROMPTS_DUE, slackApiUrl: fake.url, slackToken: TOKEN, dataDir: seeded.dir, timeoutMs: 40_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\nBy then Slack held prompts for ${expectOnePromptPerLead(fake).leads} of ${LEADS_PROMPTED} leads.`);
    });
    const summary = tickSummary(outcome.stdout);
    expect(summary.sent).toBe(LEADS_PROMPTED);
    expect(summary.failed).toBe(0);

    const { leads, duplicates } = expectOnePromptPerLead(fake);
    expect(duplicates, describePrompts(fake).join('\n')).toEqual([]);
    expect(leads).toBe(LEADS_PROMPTED);
    const states = await readDatabase({ dataDir: seeded.dir }, (db) => outboxStates(db, 'prompt:'));
    expect([...states.values()].every((s) => s === 'sent')).toBe(true);
  }, 90_000);
});

import { WebClient } from '@slack/web-api';
import { afterAll, expect } from 'vitest';
import { tick } from '../../../src/app/cycle/tick.ts';
import type { AppDeps } from '../../../src/app/deps.ts';
import type { Gateways } from '../../../src/app/outbox/dispatch-outbox.ts';
import { recordUpdate } from '../../../src/app/updates/record-update.ts';
import { createComposer } from '../../../src/chat/cycle/compose-intent.ts';
import { slackIdentitiesFrom } from '../../../adapters/slack/gateway/identities.ts';
import { createSlackGateway } from '../../../adapters/slack/gateway/slack-gateway.ts';
import { slackDirectory } from '../../../adapters/slack/slack-directory.ts';
import type { Database } from '../../../adapters/store/open-database.ts';
import { appDeps } from '../../support/app.ts';
import { describeEachDatabase, it } from '../../support/databases.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack/index.ts';
import { HULL_SLACK_PEOPLE, hullSlackUsers, LEADS_PROMPTED, seedHullBoardCycle } from '../../support/hull-board-cycle.ts';

// A fresh Slack for each database's run, so counts never mix.
let fake: FakeSlack;
const freshSlack = async () => {
  await fake?.close();
  fake = await startFakeSlack({ token: 'test-bot-cycle', users: hullSlackUsers() });
};
afterAll(async () => fake?.close());

function gateways(deps: AppDeps): Gateways {
  const client = new WebClient('test-bot-cycle', { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  return { slack: createSlackGateway({ client, identities: slackIdentitiesFrom(deps.store.people), directory: slackDirectory(client) }) };
}

const at = (db: Database, iso: string) => appDeps(db, new Date(iso));
const runTick = (deps: AppDeps) => tick(deps, createComposer(deps), gateways(deps), { sleep: async () => {} });

/** Messages the fake holds whose outbox key starts with a prefix, per key. */
function sentKeys(prefix: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const channel of HULL_SLACK_PEOPLE.map(([id]) => fake.dmChannelFor(id))) {
    for (const m of fake.messagesIn(channel)) {
      const key = m.metadata?.event_payload?.key as string | undefined;
      if (key?.startsWith(prefix)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

describeEachDatabase('a board cycle walked with the clock', (db) => {
  it('prompts every lead once, chases only the silent, and escalates at the cut-off', async () => {
    await freshSlack();
    await seedHullBoardCycle(db());
    const before = await runTick(at(db(), '2024-05-07T08:29:00Z'));
    expect(before.dispatched.sent).toBe(0);

    await runTick(at(db(), '2024-05-07T08:30:00Z'));
    const prompts = sentKeys('prompt:');
    expect(prompts.size).toBe(LEADS_PROMPTED);
    expect([...prompts.values()].every((n) => n === 1)).toBe(true);

    // A second tick, a restart or a re-run sends nothing again.
    const again = await runTick(at(db(), '2024-05-07T08:35:00Z'));
    expect(again.queued).toBe(0);
    expect([...sentKeys('prompt:').values()].every((n) => n === 1)).toBe(true);

    // Priya answers for every open action she leads.
    const priya = (await db().prisma.person.findFirstOrThrow({ where: { email: 'priya.shah@hull.example' } }))!;
    const hers = await db().prisma.action.findMany({ where: { leads: { some: { personId: priya.id } }, status: { not: 'blue' }, inRegister: true } });
    for (const a of hers) {
      const r = await recordUpdate(at(db(), '2024-05-08T10:00:00Z'), { person: { id: priya.id, name: priya.name }, actionId: a.id, draft: { status: 'green', note: 'On plan' }, source: 'slack' });
      expect(r.ok).toBe(true);
    }

    await runTick(at(db(), '2024-05-09T08:30:00Z'));
    const chased = [...sentKeys('chase:').keys()];
    expect(chased).toHaveLength(9);
    expect(chased.some((k) => k.endsWith(priya.id))).toBe(false);

    await runTick(at(db(), '2024-05-10T11:00:00Z'));
    const nadiaDm = fake.dmChannelFor('U0NADIA');
    const escalation = fake.messagesIn(nadiaDm).find((m) => String(m.metadata?.event_payload?.key).startsWith('escalate:'));
    expect(escalation).toBeDefined();
    expect(JSON.stringify(escalation)).not.toContain('Priya Shah');
    expect(JSON.stringify(escalation)).toContain('Alex Morgan');

    // After the cut-off nobody is asked or chased again.
    const late = await runTick(at(db(), '2024-05-10T15:00:00Z'));
    expect([...sentKeys('prompt:').values(), ...sentKeys('chase:').values()].every((n) => n === 1)).toBe(true);
    expect(late.dispatched.failed).toBe(0);
  });
});

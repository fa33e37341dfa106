import { WebClient } from '@slack/web-api';
import { afterAll, expect } from 'vitest';
import { addBoard } from '../../../src/app/boards/manage-boards.ts';
import { tick } from '../../../src/app/cycle/tick.ts';
import type { AppDeps } from '../../../src/app/deps.ts';
import type { Gateways } from '../../../src/app/outbox/dispatch-outbox.ts';
import { importPeople } from '../../../src/app/people/import-people.ts';
import { importRegister } from '../../../src/app/register/import-register.ts';
import { grantRole } from '../../../src/app/roles/grant-role.ts';
import { recordUpdate } from '../../../src/app/updates/record-update.ts';
import { createComposer } from '../../../src/chat/cycle/compose-intent.ts';
import { readRegisterFile } from '../../../adapters/files/read-register-file.ts';
import { slackIdentitiesFrom } from '../../../adapters/slack/gateway/identities.ts';
import { createSlackGateway } from '../../../adapters/slack/gateway/slack-gateway.ts';
import { slackDirectory } from '../../../adapters/slack/slack-directory.ts';
import type { Database } from '../../../adapters/store/open-database.ts';
import { appDeps, HULL_CSV, HULL_PEOPLE_CSV } from '../../support/app.ts';
import { describeEachDatabase, it } from '../../support/databases.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack/index.ts';

const PEOPLE = [
  ['U0ALEX', 'Alex Morgan', 'alex.morgan@hull.example'],
  ['U0PRIYA', 'Priya Shah', 'priya.shah@hull.example'],
  ['U0JORDAN', 'Jordan Ellis', 'jordan.ellis@hull.example'],
  ['U0SAM', 'Sam Okafor', 'sam.okafor@hull.example'],
  ['U0CHRIS', 'Chris Patel', 'chris.patel@hull.example'],
  ['U0ROBIN', 'Robin Hughes', 'robin.hughes@hull.example'],
  ['U0TAYLOR', 'Taylor Brooks', 'taylor.brooks@hull.example'],
  ['U0MORGAN', 'Morgan Reid', 'morgan.reid@hull.example'],
  ['U0JAMIE', 'Jamie Clarke', 'jamie.clarke@hull.example'],
  ['U0CASEY', 'Casey Wright', 'casey.wright@hull.example'],
  ['U0HELEN', 'Helen Carter', 'helen.carter@hull.example'],
  ['U0NADIA', 'Nadia Hussain', 'nadia.hussain@hull.example'],
] as const;

// A fresh Slack for each database's run, so counts never mix.
let fake: FakeSlack;
const freshSlack = async () => {
  await fake?.close();
  fake = await startFakeSlack({ token: 'test-bot-cycle', users: PEOPLE.map(([id, name, email]) => ({ id, name, email })) });
};
afterAll(async () => fake?.close());

function gateways(deps: AppDeps): Gateways {
  const client = new WebClient('test-bot-cycle', { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  return { slack: createSlackGateway({ client, identities: slackIdentitiesFrom(deps.store.people), directory: slackDirectory(client) }) };
}

async function seed(db: Database) {
  const deps = appDeps(db, new Date('2024-04-01T09:00:00Z'));
  await importPeople(deps, await readRegisterFile(HULL_PEOPLE_CSV), 'test');
  await importRegister(deps, { programme: 'Hull', grid: await readRegisterFile(HULL_CSV), actor: 'test', file: 'hull.csv' });
  // Tue 14 May 2024: asked Tue 7 May 09:30, chased Thu 9 May, cut-off Fri 10 May 12:00 (BST).
  await addBoard(deps, 'Hull', 'SEND Partnership Board', { meetings: ['2024-05-14'], chair: 'helen.carter@hull.example' }, 'test');
  await grantRole(deps, { email: 'nadia.hussain@hull.example', role: 'programme-manager', programme: 'Hull', actor: 'test' });
}

const at = (db: Database, iso: string) => appDeps(db, new Date(iso));
const runTick = (deps: AppDeps) => tick(deps, createComposer(deps), gateways(deps), { sleep: async () => {} });

/** Messages the fake holds whose outbox key starts with a prefix, per key. */
function sentKeys(prefix: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const channel of PEOPLE.map(([id]) => fake.dmChannelFor(id))) {
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
    await seed(db());
    const before = await runTick(at(db(), '2024-05-07T08:29:00Z'));
    expect(before.dispatched.sent).toBe(0);

    await runTick(at(db(), '2024-05-07T08:30:00Z'));
    const prompts = sentKeys('prompt:');
    // Every lead of an open action whom the directory resolves: ten people in Hull's.
    expect(prompts.size).toBe(10);
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

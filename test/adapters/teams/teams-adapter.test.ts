import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tick } from '../../../src/app/cycle/tick.ts';
import { createComposer } from '../../../src/chat/cycle/compose-intent.ts';
import { createLogger } from '../../../adapters/logging/logger.ts';
import { createTeamsEndpoint } from '../../../adapters/teams/teams-adapter.ts';
import { eventually } from '../../support/eventually.ts';
import { personalConversationId } from '../../support/fake-teams/index.ts';
import { MEMBERS, startTeamsHarness, TEAMS_GOVERNANCE, type TeamsHarness } from '../../support/teams-harness.ts';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => {
  await h?.stop();
});

const where = (member: keyof typeof MEMBERS) => ({ serviceUrl: h.connector.serviceUrl, from: MEMBERS[member] });
const words = (value: unknown) => JSON.stringify(value);

/** The bot's replies in a member's 1:1 chat after `since` replies, once they stop arriving. */
async function repliesTo(member: keyof typeof MEMBERS, since: number, contains: string) {
  const conversation = personalConversationId(MEMBERS[member].id);
  return eventually(() => {
    const all = h.connector.activitiesIn(conversation).slice(since);
    return all.some((a) => words(a).includes(contains)) ? all : null;
  });
}

const countIn = (member: keyof typeof MEMBERS) => h.connector.activitiesIn(personalConversationId(MEMBERS[member].id)).length;

describe('Teams activities through the real botbuilder adapter', () => {
  it('answers "overdue" in a 1:1 chat with a card of the overdue actions', async () => {
    const before = countIn('alex');
    const res = await h.send({ kind: 'message', text: 'overdue', ...where('alex') });
    expect(res.status).toBe(200);
    const replies = await repliesTo('alex', before, 'Overdue actions');
    expect(words(replies)).toContain('application/vnd.microsoft.card.adaptive');
    expect(words(replies)).toContain('1.1');
  });

  it('answers an @mention in a channel, narrowed to a workstream', async () => {
    const res = await h.send({ kind: 'mention', text: 'overdue 3', ...where('alex') });
    expect(res.status).toBe(200);
    const posted = await eventually(() => h.connector.activities.find((a) => words(a).includes('Only actions in 3.')));
    expect(words(posted)).toContain('3.1');
  });

  it('refuses send-report to a lead and previews it to the chair', async () => {
    const before = countIn('alex');
    await h.send({ kind: 'message', text: 'send-report', ...where('alex') });
    expect(words(await repliesTo('alex', before, 'Only the chair'))).toContain('Only the chair of SEND Partnership Board or a programme manager can send its report.');
    const chairBefore = countIn('helen');
    await h.send({ kind: 'message', text: 'send-report', ...where('helen') });
    const preview = await repliesTo('helen', chairBefore, 'report.post');
    expect(words(preview)).toContain('Post to the governance channel');
  });

  it('tells someone the directory does not know how to get access', async () => {
    const before = countIn('stranger');
    await h.send({ kind: 'message', text: 'overdue', ...where('stranger') });
    expect(words(await repliesTo('stranger', before, 'does not know you yet'))).toContain('Ask your programme manager');
  });

  it('opens the update form as a card, shows errors in the card, and records a good update', async () => {
    const programme = (await h.deps.store.programmes.findByName('Hull'))!;
    const action = (await h.deps.store.updates.actionForUpdate({ programmeId: programme.id, ref: '1.2' }))!;
    const before = countIn('priya');
    const open = await h.send({ kind: 'card-action', verb: 'update.open', data: { value: action.id }, ...where('priya') });
    expect(open.status).toBe(200);
    expect(words(await repliesTo('priya', before, 'Save update'))).toContain('form:update');

    const refused = await h.send({ kind: 'card-action', verb: 'form:update', data: { state: action.id, status: 'red', note: '' }, ...where('priya') });
    const refusedCard = await refused.json();
    expect(refusedCard.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(words(refusedCard)).toContain('amber and red need a note');

    const saved = await h.send({ kind: 'card-action', verb: 'form:update', data: { state: action.id, status: 'amber', note: 'Analyst post vacant', nextSteps: 'Recruiting in March' }, ...where('priya') });
    const savedCard = await saved.json();
    expect(words(savedCard)).toContain('Recorded');
    const report = await h.deps.store.register.reportActions(programme.id, { previousCutoff: null, cycleStart: null });
    const latest = report.find((a) => a.ref === '1.2')!.updates.sort((a, b) => b.at.getTime() - a.at.getTime())[0]!;
    expect(latest).toMatchObject({ status: 'amber', note: 'Analyst post vacant', author: 'Priya Shah', source: 'teams' });
  });

  it('remembers where to reach a person when they install the app, for proactive messages', async () => {
    const res = await h.send({ kind: 'install', ...where('nadia') });
    expect(res.status).toBe(200);
    const person = await h.deps.store.people.findByEmail('nadia.hussain@hull.example');
    const contact = await eventually(async () => {
      const c = await h.deps.store.people.contact(person!.id);
      return c?.teamsConversation ? c : null;
    });
    expect(words(contact.teamsConversation)).toContain(h.connector.serviceUrl.replace(/\/$/, ''));
  });

  it('posts the report to the governance channel when the chair confirms', async () => {
    const board = (await h.deps.store.boards.findByName((await h.deps.store.programmes.findByName('Hull'))!.id, 'SEND Partnership Board'))!;
    const res = await h.send({ kind: 'card-action', verb: 'report.post', data: { value: JSON.stringify({ p: board.programmeId, b: board.id, c: null }) }, ...where('helen') });
    expect(res.status).toBe(200);
    const posted = await eventually(() => h.connector.activitiesIn(TEAMS_GOVERNANCE).find((a) => words(a).includes('Highlight report')));
    expect(posted).toBeDefined();
  });
});

describe('proactive messages on Teams', () => {
  it('asks a lead who last answered on Teams there, through their stored conversation, once', async () => {
    // Priya has talked to the bot in Teams (earlier tests), so her prompt goes to Teams.
    const log = createLogger('silent');
    const at = new Date('2024-05-07T08:30:00Z');
    const deps = { ...h.deps, clock: { now: () => at } };
    const gateways = { teams: createTeamsEndpoint({}, deps, log).gateway };
    const before = countIn('priya');
    await tick(deps, createComposer(deps), gateways, { sleep: async () => {} });
    await tick(deps, createComposer(deps), gateways, { sleep: async () => {} });
    const prompts = h.connector.activitiesIn(personalConversationId(MEMBERS.priya.id)).slice(before).filter((a) => words(a).includes('meets on 14 May 2024'));
    expect(prompts).toHaveLength(1);
    expect(words(prompts[0])).toContain('update.no-change');
  });
});

describe('Teams with credentials configured', () => {
  it('rejects an activity with no valid token and records nothing', async () => {
    const secured = await startTeamsHarness({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
    try {
      const before = secured.connector.activities.length;
      const res = await secured.send({ kind: 'message', text: 'overdue', serviceUrl: secured.connector.serviceUrl, from: MEMBERS.alex });
      expect(res.status).toBe(401);
      await new Promise((r) => setTimeout(r, 300));
      expect(secured.connector.activities.length).toBe(before);
      const alex = await secured.deps.store.people.findByEmail('alex.morgan@hull.example');
      expect(alex?.teamsUserId ?? null).toBeNull();
    } finally {
      await secured.stop();
    }
  });
});

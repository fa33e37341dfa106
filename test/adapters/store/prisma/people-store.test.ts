import { expect } from 'vitest';
import { createStore } from '../../../../adapters/store/prisma/create-store.ts';
import { describeEachDatabase, it } from '../../../support/databases.ts';

describeEachDatabase('the people store', (db) => {
  it('reads everyone’s contact at once, the same as one at a time', async () => {
    const store = createStore(db());
    await store.people.upsertMany([
      { name: 'Ann Lee', email: 'ann@council.example', jobTitle: null, aliases: [], slackUserId: 'U0ANN', teamsUserId: null },
      { name: 'Ben Ode', email: 'ben@council.example', jobTitle: null, aliases: [], slackUserId: null, teamsUserId: 'teams-ben' },
    ]);
    const ben = (await store.people.findByEmail('ben@council.example'))!;
    await store.people.linkPlatformUser(ben.id, 'teams', 'teams-ben');
    await store.people.setTeamsConversation(ben.id, { conversationId: 'a:ben', serviceUrl: 'https://smba.example/', tenantId: 't1' });

    const all = await store.people.contacts();

    expect(all).toHaveLength(2);
    for (const contact of all) expect(contact).toEqual(await store.people.contact(contact.personId));
    expect(all.find((c) => c.personId === ben.id)).toMatchObject({ name: 'Ben Ode', teamsUserId: 'teams-ben', lastPlatform: 'teams', teamsConversation: { conversationId: 'a:ben' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalConversationId } from '../../support/fake-teams/index.ts';
import { MEMBERS, startTeamsHarness, type TeamsHarness } from '../../support/teams-harness.ts';

/*
 * What only Teams has. What people do and what must follow is in test/scenarios, run against
 * Slack and Teams alike; this file keeps Teams' own mechanics: cards with their text fallback,
 * and tokens once credentials are set.
 */

describe('Teams in local mode', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('answers with Adaptive Cards, each with a plain-text fallback for notifications', async () => {
    const res = await h.send({ kind: 'message', text: 'overdue', serviceUrl: h.connector.serviceUrl, from: MEMBERS.alex });
    expect(res.status).toBe(200);
    const [answer] = h.connector.activitiesIn(personalConversationId(MEMBERS.alex.id));
    expect(answer!.activity).toMatchObject({ type: 'message', textFormat: 'plain', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    expect(answer!.activity.text).toContain('actions overdue in Hull');
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

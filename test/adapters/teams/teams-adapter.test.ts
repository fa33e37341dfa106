import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalConversationId } from '../../support/fake-teams/index.ts';
import { MEMBERS, startTeamsHarness, type TeamsHarness } from '../../support/teams-harness.ts';

/*
 * What only Teams has. What people do and what must follow is in test/scenarios, run against
 * Slack and Teams alike; this file keeps Teams' own mechanics: cards with their text fallback.
 * Tokens, once credentials are set, are in test/security.
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

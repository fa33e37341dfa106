import type { PeopleStore } from '../../../src/app/ports/store.ts';

/** What the gateway needs to know about a person to reach them on Slack. */
export interface SlackIdentities {
  /** The Slack user id stored for a person, if any. */
  slackIdOf(personId: string): Promise<string | null>;
  emailOf(personId: string): Promise<string | null>;
  /** Stores a Slack user id found by email, so the lookup (Tier 3) happens once per person. */
  remember(personId: string, slackUserId: string): Promise<void>;
}

/**
 * Backed by today's PeopleStore: the stored Slack id is reached through `findByEmail`, so a person
 * with a Slack id and no email is not found. A `slackUserIdOf(personId)` store method would do it
 * in one query and for everyone.
 */
export function slackIdentitiesFrom(people: Pick<PeopleStore, 'findById' | 'findByEmail' | 'linkPlatformUser'>): SlackIdentities {
  return {
    async slackIdOf(personId) {
      const email = (await people.findById(personId))?.email;
      if (!email) return null;
      const found = await people.findByEmail(email);
      return found?.id === personId ? found.slackUserId : null;
    },
    async emailOf(personId) {
      return (await people.findById(personId))?.email ?? null;
    },
    async remember(personId, slackUserId) {
      await people.linkPlatformUser(personId, 'slack', slackUserId);
    },
  };
}

import type { PeopleStore } from '../../../src/app/ports/store.ts';

/** What the gateway needs to know about a person to reach them on Slack. */
export interface SlackIdentities {
  /** The Slack user id stored for a person, if any. */
  slackIdOf(personId: string): Promise<string | null>;
  emailOf(personId: string): Promise<string | null>;
  /** Stores a Slack user id found by email, so the lookup (Tier 3) happens once per person. */
  remember(personId: string, slackUserId: string): Promise<void>;
}

/** Backed by the people store: one read for a person's Slack id or email; a Slack id found by email is kept. */
export function slackIdentitiesFrom(people: Pick<PeopleStore, 'contact' | 'rememberPlatformUser'>): SlackIdentities {
  return {
    async slackIdOf(personId) {
      return (await people.contact(personId))?.slackUserId ?? null;
    },
    async emailOf(personId) {
      return (await people.contact(personId))?.email ?? null;
    },
    async remember(personId, slackUserId) {
      await people.rememberPlatformUser(personId, 'slack', slackUserId);
    },
  };
}

import type { WebClient } from '@slack/web-api';
import type { PlatformDirectory } from '../../src/app/ports/platform-directory.ts';

/**
 * Slack's users.info and users.lookupByEmail (Tier 3: cached). A person found once is linked in the
 * database, so these calls happen on first contact only.
 */
export function slackDirectory(client: WebClient): PlatformDirectory {
  const emails = new Map<string, string | null>();
  const ids = new Map<string, string | null>();
  return {
    async emailOf(userId) {
      if (!emails.has(userId)) {
        const info = await client.users.info({ user: userId }).catch(() => null);
        emails.set(userId, info?.user?.profile?.email?.toLowerCase() ?? null);
      }
      return emails.get(userId) ?? null;
    },
    async userIdForEmail(email) {
      const key = email.toLowerCase();
      if (!ids.has(key)) {
        // Only "no such user" is an answer worth keeping; a 429 or an outage must not stick as one.
        const found = await client.users.lookupByEmail({ email: key }).catch((error: { data?: { error?: string } }) => {
          if (error.data?.error === 'users_not_found') return null;
          throw error;
        });
        ids.set(key, found?.user?.id ?? null);
      }
      return ids.get(key) ?? null;
    },
  };
}

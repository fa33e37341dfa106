import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { PlatformDirectory } from '../../src/app/ports/platform-directory.ts';

/** Teams' roster, through the turn's connector: a member's email by their id (AAD object id or `29:` id). */
export function teamsDirectory(context: TurnContext): PlatformDirectory {
  const emails = new Map<string, string | null>();
  return {
    async emailOf(userId) {
      if (!emails.has(userId)) {
        // The caller is known by AAD object id; the roster is asked by the id the channel gave them.
        const from = context.activity.from;
        const rosterId = from && userId === from.aadObjectId ? from.id : userId;
        const member = await TeamsInfo.getMember(context, rosterId).catch(() => null);
        emails.set(userId, (member?.email ?? member?.userPrincipalName ?? null)?.toLowerCase() ?? null);
      }
      return emails.get(userId) ?? null;
    },
    // Teams offers no lookup by email without Microsoft Graph; people are reached by stored conversation references.
    async userIdForEmail() {
      return null;
    },
  };
}

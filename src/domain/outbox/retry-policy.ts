import type { ChatPlatform } from '../platform.ts';

export const MAX_ATTEMPTS = 6;
const BASE_MS = 2_000;
const CAP_MS = 5 * 60_000;

/**
 * When to try a failed send again: when the platform said (429 Retry-After), else exponential backoff
 * with jitter so that replicas and retries do not arrive together.
 */
export function retryDelayMs(attempts: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  if (retryAfterMs !== null) return retryAfterMs;
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/**
 * However many tries have failed, a send is kept going this long after it was queued: a platform down
 * or throttling for a minute (or ten) costs a delay, not a message a programme manager must chase.
 */
export const KEEP_TRYING_MS = 15 * 60_000;

/** Given up when the platform refused the message itself, or when it has failed often and for long. */
export function shouldGiveUp(attempts: number, permanent: boolean, tryingForMs: number): boolean {
  return permanent || (attempts >= MAX_ATTEMPTS && tryingForMs >= KEEP_TRYING_MS);
}

/** DESIGN, "One person, two platforms": asked where they last answered; Slack if they never have. */
export function platformFor(person: { lastPlatform: ChatPlatform | null; slackUserId: string | null; teamsUserId: string | null; hasTeamsConversation: boolean }): ChatPlatform {
  if (person.lastPlatform) return person.lastPlatform;
  if (!person.slackUserId && (person.teamsUserId || person.hasTeamsConversation)) return 'teams';
  return 'slack';
}

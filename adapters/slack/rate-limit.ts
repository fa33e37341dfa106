import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode } from '@slack/web-api';

const ATTEMPTS = 4;

/**
 * The WebClient is set to reject rate-limited calls rather than pause its whole queue (DESIGN, platform
 * facts); an interactive reply waits the Retry-After Slack asked for and tries again, a few times at most.
 */
export async function withRateLimitRetry<T>(call: () => Promise<T>, wait: (ms: number) => Promise<unknown> = sleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const e = error as { code?: string; retryAfter?: number };
      if (e.code !== ErrorCode.RateLimitedError || attempt >= ATTEMPTS) throw error;
      await wait(Math.max(1, e.retryAfter ?? 1) * 1000);
    }
  }
}

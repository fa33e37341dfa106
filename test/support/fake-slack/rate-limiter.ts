/**
 * Slack-like rate limits for the fake: token buckets refilled continuously, one per channel
 * and one for the whole workspace. Slack allows about one message a second per channel, with
 * short bursts; a refused call gets HTTP 429 and `Retry-After` in whole seconds.
 */
export interface RateLimitConfig {
  /** Calls a second per channel (Slack: about 1 for chat.postMessage). */
  perChannelPerSecond?: number;
  /** Calls a second in all. */
  globalPerSecond?: number;
  /** How many calls may go at once before the rate applies (default: one second's worth, at least 1). */
  burst?: number;
  /** The methods counted (default `['chat.postMessage']`). */
  methods?: readonly string[];
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private config: RateLimitConfig | null = null;
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number) {}

  configure(config: RateLimitConfig | null): void {
    this.config = config;
    this.buckets.clear();
  }

  /** Null when the call may go (and it is counted); else the seconds to wait. */
  admit(method: string, channel: string | undefined): number | null {
    const c = this.config;
    if (c === null || !(c.methods ?? ['chat.postMessage']).includes(method)) return null;
    const checks: { key: string; rate: number }[] = [];
    if (c.globalPerSecond !== undefined) checks.push({ key: 'global', rate: c.globalPerSecond });
    if (c.perChannelPerSecond !== undefined && channel !== undefined) checks.push({ key: `channel:${channel}`, rate: c.perChannelPerSecond });
    const now = this.now();
    let wait = 0;
    const buckets = checks.map(({ key, rate }) => {
      const capacity = c.burst ?? Math.max(1, rate);
      const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
      const tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rate);
      if (tokens < 1) wait = Math.max(wait, (1 - tokens) / rate);
      return { key, tokens };
    });
    if (wait > 0) return Math.max(1, Math.ceil(wait));
    for (const { key, tokens } of buckets) this.buckets.set(key, { tokens: tokens - 1, at: now });
    return null;
  }
}

import { describe, expect, it } from 'vitest';
import { KEEP_TRYING_MS, MAX_ATTEMPTS, retryDelayMs, shouldGiveUp } from '../../../src/domain/outbox/retry-policy.ts';

describe('when the outbox gives up on a send', () => {
  it('gives up at once on a refusal of the message itself', () => {
    expect(shouldGiveUp(1, true, 0)).toBe(true);
  });

  it('keeps trying through an outage of a minute however many tries have failed', () => {
    expect(shouldGiveUp(MAX_ATTEMPTS + 4, false, 60_000)).toBe(false);
  });

  it('gives up once a send has failed often and for longer than it keeps trying', () => {
    expect(shouldGiveUp(MAX_ATTEMPTS, false, KEEP_TRYING_MS)).toBe(true);
    expect(shouldGiveUp(MAX_ATTEMPTS - 1, false, KEEP_TRYING_MS * 2)).toBe(false);
  });
});

describe('when a failed send is tried again', () => {
  it('comes back when the platform said (Retry-After)', () => {
    expect(retryDelayMs(5, 7_000)).toBe(7_000);
  });

  it('backs off exponentially, with jitter, up to five minutes', () => {
    expect(retryDelayMs(1, null, () => 0)).toBe(1_000);
    expect(retryDelayMs(3, null, () => 1)).toBe(8_000);
    expect(retryDelayMs(20, null, () => 1)).toBe(5 * 60_000);
  });
});

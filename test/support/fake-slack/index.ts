export { startFakeSlack, type FakeSlack, type FakeSlackOptions, type FakeUser, type FakeMessage, type FakeEphemeral, type FakeFile, type FakeView, type RecordedCall, type ResponsePost, type Fault } from './fake-slack.ts';
export type { RateLimitConfig } from './rate-limiter.ts';
export { checkBlockKitLimits, checkViewLimits } from './block-kit-limits.ts';

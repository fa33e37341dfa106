import type { Activity as BotActivity, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyRetries, retryAfterMs, setConnectorRetries } from '../../../adapters/teams/connector-retries.ts';
import { activity, startFakeTeamsConnector, type FakeTeamsConnector } from '../../support/fake-teams/index.ts';

/**
 * botbuilder's own connector retries, replaced (test/support/fake-teams shows what they do left alone):
 * replies wait out throttling only, and an outbox send makes exactly one request.
 */

let fake: FakeTeamsConnector;
let adapter: TeamsAdapter;
let turnErrors: unknown[];

beforeEach(async () => {
  fake = await startFakeTeamsConnector();
  adapter = new TeamsAdapter({});
  adapter.use(replyRetries);
  turnErrors = [];
  adapter.onTurnError = async (_context, error) => {
    turnErrors.push(error);
  };
});
afterEach(async () => {
  await fake.close();
});

const inbound = () => activity({ kind: 'message', text: 'overdue', serviceUrl: fake.serviceUrl });
const run = (a: ReturnType<typeof inbound>, logic: (context: TurnContext) => Promise<void>) => adapter.processActivityDirect('', a as unknown as BotActivity, logic);
const statuses = () => fake.requests.map((r) => r.status);

describe('replies in a turn', () => {
  it('are sent again after a 429’s Retry-After, and arrive once', async () => {
    const a = inbound();
    fake.failNext(`/v3/conversations/${a.conversation.id}/activities`, { status: 429, retryAfter: 0 });
    await run(a, async (context) => {
      await context.sendActivity('Nothing is overdue.');
    });
    expect(turnErrors).toEqual([]);
    expect(statuses()).toEqual([429, 201]);
    expect(fake.activitiesIn(a.conversation.id)).toHaveLength(1);
  });

  it('are never repeated after a 502, which may have posted them', async () => {
    const a = inbound();
    fake.failNext(`/v3/conversations/${a.conversation.id}/activities`, { status: 502, applied: true });
    await run(a, async (context) => {
      await context.sendActivity('once, please');
    });
    expect(turnErrors).toHaveLength(1);
    expect(statuses()).toEqual([502]);
    expect(fake.activitiesIn(a.conversation.id).map((s) => s.activity.text)).toEqual(['once, please']);
  });

  it('are never repeated after a dropped connection', async () => {
    const a = inbound();
    fake.failNext(`/v3/conversations/${a.conversation.id}/activities`, { hangUp: true, applied: true }, { times: 5 });
    await run(a, async (context) => {
      await context.sendActivity('once, please');
    });
    expect(turnErrors).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
  });

  it('give up waiting when Teams asks for longer than a turn can wait', async () => {
    const a = inbound();
    fake.failNext(`/v3/conversations/${a.conversation.id}/activities`, { status: 429, retryAfter: 60 });
    await run(a, async (context) => {
      await context.sendActivity('later');
    });
    expect(statuses()).toEqual([429]);
    expect((turnErrors[0] as { statusCode?: number }).statusCode).toBe(429);
  });
});

describe('a send the outbox owns', () => {
  it('makes exactly one request, and hands the 429 and its Retry-After back', async () => {
    const a = inbound();
    fake.failNext(`/v3/conversations/${a.conversation.id}/activities`, { status: 429, retryAfter: 0 });
    let failure: { statusCode?: number; response?: { headers: { get(name: string): string | undefined } } } | null = null;
    await run(a, async (context) => {
      setConnectorRetries(context, 'none');
      await context.sendActivity('prompt').catch((error: unknown) => {
        failure = error as typeof failure;
      });
    });
    expect(statuses()).toEqual([429]);
    expect(failure!.statusCode).toBe(429);
    expect(failure!.response!.headers.get('retry-after')).toBe('0');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('7')).toBe(7_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 08:00:30 GMT', Date.parse('2026-11-23T08:00:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});

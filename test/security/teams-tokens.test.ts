import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { activity } from '../support/fake-teams/index.ts';
import { describeEachDatabase, it } from '../support/databases.ts';
import { botFrameworkToken, CHANNEL_ISSUER, publishChannelKeys, signingKey, type PublishedKeys, type SigningKey } from './bot-framework-tokens.ts';
import { startBotUnderAttack, type BotUnderAttack } from './bot-under-attack.ts';
import { expectUnchanged, idsOf, PEOPLE, seedProgrammes, snapshot } from './support.ts';

/**
 * Teams with credentials set: every activity must carry a token the Bot Framework signed, for this
 * app, for this service, still in date. botbuilder checks it against the published signing keys,
 * served here on loopback (see bot-framework-tokens.ts). Each request below would record an update
 * for Priya if it were let in; each is answered 401 and nothing is recorded or sent.
 */

const APP_ID = '00000000-0000-0000-0000-0000000000a1';
const OTHER_APP = '00000000-0000-0000-0000-0000000000b2';

describeEachDatabase('threats: Teams activities without a valid token', (db) => {
  let bot: BotUnderAttack;
  let keys: PublishedKeys;
  const trusted: SigningKey = signingKey('trusted-key');
  const impostor: SigningKey = signingKey('impostor-key');

  beforeAll(async () => {
    keys = await publishChannelKeys(trusted);
    bot = await startBotUnderAttack(db(), { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
  });
  afterAll(async () => {
    await bot?.stop();
    await keys?.close();
  });
  beforeEach(async () => {
    await seedProgrammes(bot.deps);
  });

  /** Priya submitting the update form for her action 1.2, with the given Authorization header (if any). */
  async function submit(authorization: string | null): Promise<Response> {
    const { actions } = await idsOf(bot.deps, 'Hull', ['1.2']);
    const body = activity({
      kind: 'card-action',
      verb: 'form:update',
      data: { state: actions[0]!.id, status: 'green', note: 'Let in without a valid token' },
      serviceUrl: bot.teams.serviceUrl,
      from: PEOPLE.priya.teams,
    });
    return fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
  }

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: CHANNEL_ISSUER,
    aud: APP_ID,
    serviceurl: bot.teams.serviceUrl,
    nbf: now() - 60,
    iat: now() - 60,
    exp: now() + 3600,
    ...overrides,
  });
  const bearer = (key: SigningKey, overrides: Record<string, unknown> = {}, kid?: string) => `Bearer ${botFrameworkToken(key, claims(overrides), kid)}`;

  it('answers 401 to an activity with no token, a token that is not one, or one Microsoft did not sign, and records nothing', async () => {
    const before = await snapshot(db());
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}.`;
    const attempts = {
      'no token': null,
      'not a token': 'Bearer not-a-token',
      'another scheme': `Basic ${Buffer.from('priya:password').toString('base64')}`,
      'unsigned (alg none)': `Bearer ${unsigned}`,
      'signed by another key under the trusted key id': bearer(impostor, {}, trusted.kid),
      'signed by a key Microsoft never published': bearer(impostor),
    };
    for (const [what, authorization] of Object.entries(attempts)) {
      expect({ what, status: (await submit(authorization)).status }).toEqual({ what, status: 401 });
    }
    await expectUnchanged(db(), before);
    expect(bot.teams.requests).toHaveLength(0);
  });

  it('answers 401 to a genuine signature on a token for another app, another service, another issuer or out of date', async () => {
    const before = await snapshot(db());
    const attempts = {
      'another app': bearer(trusted, { aud: OTHER_APP }),
      'no audience': bearer(trusted, { aud: undefined }),
      'another service': bearer(trusted, { serviceurl: 'https://smba.evil.example/' }),
      'another issuer': bearer(trusted, { iss: 'https://sts.evil.example/' }),
      'expired an hour ago': bearer(trusted, { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }),
      'not valid for another hour': bearer(trusted, { nbf: now() + 3600 }),
    };
    for (const [what, authorization] of Object.entries(attempts)) {
      expect({ what, status: (await submit(authorization)).status }).toEqual({ what, status: 401 });
    }
    await expectUnchanged(db(), before);
    expect(bot.teams.requests).toHaveLength(0);
  });

  it('lets in the same request with a valid token, so the refusals above are the token’s doing', async () => {
    const res = await submit(bearer(trusted));
    expect(res.status).not.toBe(401);
    const { rows } = await db().pool.query<{ note: string }>(`SELECT note FROM "StatusUpdate" WHERE source = 'teams'`);
    expect(rows.map((r) => r.note)).toEqual(['Let in without a valid token']);
  });
});

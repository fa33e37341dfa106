import { randomBytes } from 'node:crypto';
import { LogLevel, WebClient } from '@slack/web-api';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tick } from '../../src/app/cycle/tick.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import type { Gateways } from '../../src/app/outbox/dispatch-outbox.ts';
import { createComposer } from '../../src/chat/cycle/compose-intent.ts';
import { handleInbound } from '../../src/chat/router.ts';
import { startStocktake, type Running } from '../../src/main.ts';
import { slackIdentitiesFrom } from '../../adapters/slack/gateway/identities.ts';
import { createSlackGateway } from '../../adapters/slack/gateway/slack-gateway.ts';
import { slackDirectory } from '../../adapters/slack/slack-directory.ts';
import { openDatabase, type Database } from '../../adapters/store/open-database.ts';
import { createStore } from '../../adapters/store/prisma/create-store.ts';
import { appDeps } from '../support/app.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { LEADS_PROMPTED, seedHullBoardCycle } from '../support/hull-board-cycle.ts';
import { seedHull } from '../support/seed-hull.ts';
import { dropTestDatabase } from '../support/databases.ts';
import { BOT_TOKEN, SIGNING_SECRET, sendToSlackEndpoint, viewSubmission } from '../support/slack-requests.ts';
import { USERS } from '../support/slack-harness.ts';
import { startTick } from '../support/tick-process.ts';
import { startDbProxy, type DbProxy } from './db-proxy.ts';
import { describePrompts, expectOnePromptPerLead, outboxStates, PROMPTS_DUE, startHullSlack, TOKEN } from './hull-cycle.ts';

/**
 * The database unreachable for 30 seconds, during a tick and during a lead's reply. PostgreSQL is
 * reached through a loopback proxy that resets every connection and refuses new ones while cut, as
 * a stopped or failing-over server does. The 30 seconds are simulated: the proxy stays cut while the
 * test acts as it would in that half-minute, and the tick's clock is moved on by 30 seconds. (The
 * embedded database is served inside the bot's own process, so there is no wire to cut there.)
 */

const ADMIN_URL = process.env.TEST_DATABASE_URL;
if (!ADMIN_URL && process.env.CI === 'true') throw new Error('TEST_DATABASE_URL is not set: in CI the PostgreSQL tests must run, not skip.');

const PREFIX = `stocktake_dbdown_${randomBytes(4).toString('hex')}`;
const OUTAGE_MS = 30_000;
// The scheduler's lease on a tick (adapters/scheduler): a replica that lost the database mid-tick holds it no longer than this.
const TICK_LEASE_MS = 4 * 60_000;
const after = (ms: number) => new Date(PROMPTS_DUE.getTime() + ms);

describe.skipIf(!ADMIN_URL)('the database unreachable for 30 seconds (PostgreSQL through a proxy that is cut)', () => {
  let admin: pg.Client;
  let proxy: DbProxy;
  const databases: string[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const target = new URL(ADMIN_URL!);
    proxy = await startDbProxy({ host: target.hostname, port: Number(target.port || 5432) });
  });
  afterEach(async () => {
    for (const clean of cleanups.splice(0).reverse()) await clean();
    await proxy.restore();
  });
  afterAll(async () => {
    await proxy?.close();
    if (!admin) return;
    for (const name of databases) await dropTestDatabase(admin, name);
    await admin.end();
  });

  /** A fresh, migrated database; its URL goes straight to the server, `viaProxy` through the proxy. */
  async function freshDatabase(): Promise<{ direct: string; viaProxy: string }> {
    const name = `${PREFIX}_${databases.length + 1}`;
    databases.push(name);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL!);
    url.pathname = `/${name}`;
    return { direct: url.toString(), viaProxy: proxy.urlFor(url.toString()) };
  }

  async function opened(url: string): Promise<Database> {
    const db = await openDatabase({ databaseUrl: url, dataDir: '' });
    cleanups.push(() => db.close().catch(() => {}));
    return db;
  }

  it('fails a tick cut off mid-dispatch cleanly, and the ticks after the database returns send every prompt exactly once', async () => {
    const { direct, viaProxy } = await freshDatabase();
    await seedHullBoardCycle(await opened(direct));
    const fake: FakeSlack = await startHullSlack();
    cleanups.push(() => fake.close());
    const db = await opened(viaProxy);

    let now = PROMPTS_DUE;
    const deps: AppDeps = { store: createStore(db), clock: { now: () => now }, defaultTimezone: 'Europe/London' };
    const client = new WebClient(TOKEN, { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
    const gateways: Gateways = { slack: createSlackGateway({ client, identities: slackIdentitiesFrom(deps.store.people), directory: slackDirectory(client) }) };
    const runTick = () => tick(deps, createComposer(deps), gateways, { sleep: async () => {} });
    // What the scheduler does around each tick: a lease in the database, so that one replica runs it.
    const lease = (owner: string) => deps.store.locks.acquire('stocktake-tick', owner, TICK_LEASE_MS, now);

    expect(await lease('replica-a')).toBe(true);
    // The database goes away as Slack answers the fourth prompt: its row cannot be marked sent, nor can the rest.
    void fake.waitForCall('chat.postMessage', { count: 4, timeoutMs: 60_000 }).then(() => proxy.cutOff());
    await expect(runTick(), 'the tick went on as if the database were there').rejects.toThrow();
    expect(proxy.cut).toBe(true);
    // Sends already under way reached Slack; none could be recorded as sent from the fourth on.
    expect(expectOnePromptPerLead(fake).leads).toBeGreaterThanOrEqual(4);
    // The lease cannot even be given back: it stays as it was until it expires.
    await expect(deps.store.locks.release('stocktake-tick', 'replica-a')).rejects.toThrow();

    // The scheduler's next tick in the outage fails at once, and sends nothing; so does `stocktake tick`, saying why.
    now = after(10_000);
    const callsBefore = fake.calls.length;
    await expect(runTick()).rejects.toThrow();
    const command = await startTick({ now, slackApiUrl: fake.url, slackToken: TOKEN, databaseUrl: viaProxy }).done;
    expect(command.code, `${command.stdout}${command.stderr}`).toBe(2);
    expect(command.stderr).toMatch(/^The database cannot be reached \(.*ECONNREFUSED.*\): the command did not finish\. Try again once the database is back\.\n$/);
    expect(fake.calls.length).toBe(callsBefore);

    await proxy.restore();
    const cutShort = [...(await outboxStates(db, 'prompt:'))].filter(([, state]) => state !== 'sent');
    expect(cutShort.length, 'every prompt was recorded as sent: the database was not cut mid-dispatch').toBeGreaterThan(0);
    now = after(OUTAGE_MS);
    // The lease is intact: still replica-a's until it runs out, then another replica's.
    expect(await lease('replica-b')).toBe(false);
    const next = await runTick();
    expect(next.dispatched.failed).toBe(0);
    expect(expectOnePromptPerLead(fake).duplicates, describePrompts(fake).join('\n')).toEqual([]);

    // Once the dispatcher's 120 s lease on the rows cut short has passed, they are reconciled from Slack's history.
    now = after(OUTAGE_MS + TICK_LEASE_MS + 60_000);
    expect(await lease('replica-b')).toBe(true);
    const last = await runTick();
    expect(last.dispatched.failed).toBe(0);

    const { leads, duplicates } = expectOnePromptPerLead(fake);
    expect(duplicates, describePrompts(fake).join('\n')).toEqual([]);
    expect(leads).toBe(LEADS_PROMPTED);
    const states = await outboxStates(db, 'prompt:');
    expect(states.size).toBe(LEADS_PROMPTED);
    expect([...states].filter(([, state]) => state !== 'sent')).toEqual([]);
  });

  it('answers a lead who saves an update while the database is unreachable within Slack’s 3 seconds, saying it was not saved, and saves the retry exactly once', async () => {
    const { direct, viaProxy } = await freshDatabase();
    const fake = await startFakeSlack({ token: BOT_TOKEN, users: Object.values(USERS) });
    cleanups.push(() => fake.close());
    const running: Running = await startStocktake({
      PORT: '0',
      DATABASE_URL: viaProxy,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.url,
      LOG_LEVEL: 'silent',
      STOCKTAKE_SCHEDULER: 'off',
    });
    cleanups.push(() => running.stop().catch(() => {}));
    await seedHull(running.deps);
    const baseUrl = `http://127.0.0.1:${running.port}`;
    const { store } = running.deps;
    const action = (await store.updates.actionForUpdate({ programmeId: (await store.programmes.findByName('Hull'))!.id, ref: '1.2' }))!;
    const db = await opened(direct);
    const updatesOf12 = () => db.prisma.statusUpdate.findMany({ where: { actionId: action.id } });
    const before = (await updatesOf12()).length;

    const submission = viewSubmission({
      callbackId: 'update',
      privateMetadata: action.id,
      userId: USERS.priya.id,
      values: {
        status: { status: { type: 'static_select', selected_option: { value: 'amber' } } },
        note: { note: { type: 'plain_text_input', value: 'Analyst post vacant; interviews on 3 June' } },
        nextSteps: { nextSteps: { type: 'plain_text_input', value: 'Agency cover from July' } },
        evidenceUrl: { evidenceUrl: { type: 'plain_text_input', value: null } },
        revisedDue: { revisedDue: { type: 'datepicker', selected_date: null } },
      },
    });

    await proxy.cutOff();
    // Bolt answers 404 itself when no listener has acknowledged within 3 seconds (when Slack gives up): a 200 carrying the errors is an acknowledgement in time.
    const res = await sendToSlackEndpoint(baseUrl, submission);
    expect(res.status).toBe(200);
    const refused = { body: (await res.json()) as { response_action?: string; errors?: Record<string, string> } };
    // The modal stays open, with what she typed, and says plainly that nothing was recorded and to try again.
    expect(refused.body).toMatchObject({ response_action: 'errors' });
    const said = Object.values(refused.body.errors ?? {}).join(' ');
    expect(said).toMatch(/not saved/i);
    expect(said).toMatch(/nothing was recorded/);
    expect(said).toMatch(/again in a minute/);
    expect(fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args).includes('Recorded'))).toEqual([]);

    await proxy.restore();
    expect((await updatesOf12()).length, 'an update was written while the database was unreachable').toBe(before);

    // She presses "Save update" again once the database is back.
    const saved = await sendToSlackEndpoint(baseUrl, submission);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toBe('');
    const updates = await updatesOf12();
    expect(updates.length).toBe(before + 1);
    expect(updates.filter((u) => u.note === 'Analyst post vacant; interviews on 3 June')).toHaveLength(1);
  });

  it('tells a lead whose update was saved just before the database went that it was recorded, not to submit it again', async () => {
    const { direct, viaProxy } = await freshDatabase();
    const db = await opened(viaProxy);
    const deps = appDeps(db, new Date('2024-03-01T10:00:00Z'));
    await seedHull(deps);
    const action = (await deps.store.updates.actionForUpdate({ programmeId: (await deps.store.programmes.findByName('Hull'))!.id, ref: '1.2' }))!;
    // The database goes the moment the answer starts to be put together: after the update's transaction committed.
    const register = deps.store.register;
    const store = { ...deps.store, register: { ...register, openActionsLedBy: async (ids: string[]) => (await proxy.cutOff(), register.openActionsLedBy(ids)) } };
    const directory = { emailOf: async () => USERS.priya.email, userIdForEmail: async () => null };
    const replies = await handleInbound(
      { deps: { ...deps, store }, directory, onError: () => {} },
      { kind: 'form', caller: { platform: 'slack', userId: USERS.priya.id }, place: { channelId: null, direct: true }, id: 'update', state: action.id, values: { status: 'green', note: 'Recruited' } },
    );
    expect(proxy.cut, 'the database was never cut: the test did not reach the answer').toBe(true);
    expect(replies.map((r) => r.kind)).toEqual(['private']);
    expect(JSON.stringify(replies)).toContain('Recorded');
    await proxy.restore();
    const saved = await (await opened(direct)).prisma.statusUpdate.findMany({ where: { actionId: action.id, note: 'Recruited' } });
    expect(saved).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.ts';
import { GOVERNANCE_CHANNEL, OTHER_CHANNEL, startSlackHarness, USERS, wordsOf, type SlackHarness } from '../../support/slack-harness.ts';
import { buttonClick, eventCallback, slashCommand, viewSubmission } from '../../support/slack-requests.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** Runs a slash command and waits for its private answer (a long one arrives in several posts; `until` names the last words). */
async function command(user: keyof typeof USERS, name: string, text = '', channelId = OTHER_CHANNEL, until?: string) {
  const responseUrl = h.fake.responseUrl({ channel: channelId, user: USERS[user].id });
  const res = await h.send(slashCommand({ command: name, text, userId: USERS[user].id, channelId, responseUrl }));
  expect(res.status).toBe(200);
  const posts = await eventually(() => {
    const all = h.fake.responses(responseUrl);
    return all.length && (!until || all.some((p) => wordsOf(p.body).includes(until))) ? all : null;
  });
  return { responseUrl, posts, words: posts.map((p) => wordsOf(p.body)).join(' ') };
}

describe('slash commands through the real Bolt receiver', () => {
  it('answers /overdue privately with the overdue actions grouped by workstream', async () => {
    const { posts, words } = await command('alex', '/overdue', '', OTHER_CHANNEL, 'overdue.share');
    expect(posts[0]!.body.response_type).toBe('ephemeral');
    expect(words).toContain('Overdue actions');
    expect(words).toContain('1.1');
    expect(words).toContain('To identify need early');
    expect(words).toContain('overdue.share');
  });

  it('narrows /overdue to a workstream, to the caller, or to a mentioned lead', async () => {
    const three = await command('alex', '/overdue', '3');
    expect(three.words).toContain('3.1');
    expect(three.words).not.toContain('1.1 ');
    const mine = await command('priya', '/overdue', 'mine');
    expect(mine.words).toContain('Only actions led by you');
    const mentioned = await command('nadia', '/overdue', `<@${USERS.priya.id}|priya>`);
    expect(mentioned.words).toContain('Only actions led by Priya Shah');
  });

  it('says politely when the workstream or lead does not exist', async () => {
    const { words } = await command('alex', '/overdue', 'Workstream Z');
    expect(words).toContain('There is no workstream or lead called');
  });

  it('tells someone the directory does not know how to get access', async () => {
    const { words } = await command('stranger', '/overdue');
    expect(words).toContain('Stocktake does not know you yet');
  });

  it('refuses /send-report to someone who is not the chair, saying who can', async () => {
    const { words } = await command('alex', '/send-report');
    expect(words).toContain('Only the chair of SEND Partnership Board or a programme manager can send its report.');
    expect(h.fake.messagesIn(GOVERNANCE_CHANNEL)).toHaveLength(0);
  });

  it("previews the report to the chair, then posts it to the governance channel with details in a thread and the report attached", async () => {
    const preview = await command('helen', '/send-report');
    expect(preview.words).toContain('Preview: only you can see this.');
    const post = (preview.posts[0]!.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'report.post');
    expect(post).toBeDefined();
    expect(h.fake.messagesIn(GOVERNANCE_CHANNEL)).toHaveLength(0);

    const res = await h.send(buttonClick({ actionId: 'report.post', value: post!.value, userId: USERS.helen.id, channelId: OTHER_CHANNEL, responseUrl: h.fake.responseUrl() }));
    expect(res.status).toBe(200);
    const file = await eventually(() => h.fake.files.find((f) => f.completed && f.channel_id === GOVERNANCE_CHANNEL));
    const messages = h.fake.messagesIn(GOVERNANCE_CHANNEL);
    const top = messages.find((m) => !m.thread_ts || m.thread_ts === m.ts)!;
    expect(wordsOf(top)).toContain('Highlight report');
    expect(messages.filter((m) => m.thread_ts === top.ts && m.ts !== top.ts).length).toBeGreaterThan(1);
    expect(file.thread_ts).toBe(top.ts);
    expect(file.content?.toString()).toContain('# Highlight report — Hull');
  });
});

describe('configuring a board from chat', () => {
  it('lets the programme manager change lead times and the governance channel, and refuses a lead', async () => {
    const refused = await command('alex', '/stocktake', 'board set SEND Partnership Board ask-days 6');
    expect(refused.words).toContain('Only a programme manager or an admin of Hull can change it.');
    const changed = await command('nadia', '/stocktake', 'board set SEND Partnership Board ask-days 6');
    expect(changed.words).toContain('6 working days before');
    const shown = await command('nadia', '/stocktake', 'board');
    expect(shown.words).toContain('6 working days before');
    expect(shown.words).toContain(GOVERNANCE_CHANNEL);
    const bad = await command('nadia', '/stocktake', 'board set SEND Partnership Board ask-days soon');
    expect(bad.words).toContain('is not a number of working days');
  });
});

describe('leave and cover from chat', () => {
  it('lets a lead mark themselves away with someone covering, and refuses marking someone else', async () => {
    const own = await command('priya', '/stocktake', `away 2030-07-01 2030-07-14 cover <@${USERS.alex.id}|alex>`);
    expect(own.words).toContain('Priya Shah is away from 1 Jul 2030 to 14 Jul 2030; Alex Morgan is asked instead.');
    const other = await command('alex', '/stocktake', `away <@${USERS.priya.id}|priya> 2030-08-01 2030-08-02`);
    expect(other.words).toContain('Only a programme manager can mark someone else as away.');
    const bad = await command('priya', '/stocktake', 'away next week');
    expect(bad.words).toContain('I could not read those dates.');
  });
});

describe('the board paper', () => {
  it('sends the chair the report as a Word document when they ask to download it', async () => {
    const preview = await command('helen', '/send-report', '', OTHER_CHANNEL, 'report.paper');
    const paper = (preview.posts.flatMap((p) => p.body.blocks as { elements?: { action_id: string; value: string }[] }[]))
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'report.paper');
    await h.send(buttonClick({ actionId: 'report.paper', value: paper!.value, userId: USERS.helen.id, channelId: OTHER_CHANNEL, responseUrl: h.fake.responseUrl() }));
    const file = await eventually(() => h.fake.files.find((f) => f.completed && f.filename.endsWith('.docx')));
    expect(file.channel_id).toBe(h.fake.dmChannelFor(USERS.helen.id));
    expect(file.content?.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('requests Slack did not sign', () => {
  it('rejects a bad signature and a stale timestamp, and does nothing', async () => {
    const before = h.fake.calls.length;
    const responseUrl = h.fake.responseUrl();
    const req = slashCommand({ command: '/overdue', userId: USERS.alex.id, channelId: OTHER_CHANNEL, responseUrl });
    const forged = await h.send({ ...req, secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await h.send({ ...req, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    const tampered = await h.send({ ...req, headers: { 'x-slack-signature': 'v0=deadbeef' } });
    expect(tampered.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls.length).toBe(before);
    expect(h.fake.responses(responseUrl)).toHaveLength(0);
  });
});

describe('leads updating their actions', () => {
  it('lists a lead’s actions when they message the bot, once even when Slack retries the event', async () => {
    const dm = h.fake.dmChannelFor(USERS.priya.id);
    const event = eventCallback({ type: 'message', channel_type: 'im', channel: dm, user: USERS.priya.id, text: 'hello', ts: '1700000000.000100' }, 'Ev0PRIYA1');
    expect((await h.send(event)).status).toBe(200);
    expect((await h.send({ ...event, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    const reply = await eventually(() => h.fake.messagesIn(dm).find((m) => wordsOf(m).includes('Your actions')));
    expect(wordsOf(reply)).toContain('update.open');
    await new Promise((r) => setTimeout(r, 500));
    expect(h.fake.messagesIn(dm).filter((m) => wordsOf(m).includes('Your actions'))).toHaveLength(1);
  });

  it('opens the update form, refuses amber without a note, and records a good update', async () => {
    const action = await h.deps.store.updates.actionForUpdate({ programmeId: (await h.deps.store.programmes.findByName('Hull'))!.id, ref: '1.2' });
    const click = await h.send(buttonClick({ actionId: 'update.open', value: action!.id, userId: USERS.priya.id, channelId: h.fake.dmChannelFor(USERS.priya.id) }));
    expect(click.status).toBe(200);
    const opened = await eventually(() => h.fake.callsTo('views.open').at(-1));
    expect(wordsOf(opened.args)).toContain('Update 1.2');

    const values = (status: string, note: string, nextSteps = '') => ({
      status: { status: { type: 'static_select', selected_option: { value: status } } },
      note: { note: { type: 'plain_text_input', value: note } },
      nextSteps: { nextSteps: { type: 'plain_text_input', value: nextSteps } },
      evidenceUrl: { evidenceUrl: { type: 'plain_text_input', value: null } },
      revisedDue: { revisedDue: { type: 'datepicker', selected_date: null } },
    });
    const refused = await h.send(viewSubmission({ callbackId: 'update', privateMetadata: action!.id, userId: USERS.priya.id, values: values('amber', '') }));
    expect(refused.status).toBe(200);
    const body = await refused.json();
    expect(body.response_action).toBe('errors');
    expect(body.errors.note).toContain('amber and red need a note');

    const tooLong = await h.send(viewSubmission({ callbackId: 'update', privateMetadata: action!.id, userId: USERS.priya.id, values: values('green', 'x'.repeat(3001)) }));
    expect((await tooLong.json()).errors.note).toContain('3,000 characters');

    const saved = await h.send(viewSubmission({ callbackId: 'update', privateMetadata: action!.id, userId: USERS.priya.id, values: values('amber', 'Analyst post vacant', 'Recruiting in March') }));
    expect(saved.status).toBe(200);
    const dm = h.fake.dmChannelFor(USERS.priya.id);
    await eventually(() => h.fake.messagesIn(dm).find((m) => wordsOf(m).includes('Recorded')));
    await eventually(() => h.fake.homeOf(USERS.priya.id));
    const updates = await h.deps.store.register.reportActions(action!.programmeId, { previousCutoff: null, cycleStart: null });
    const latest = updates.find((a) => a.ref === '1.2')!.updates.sort((a, b) => b.at.getTime() - a.at.getTime())[0]!;
    expect(latest).toMatchObject({ status: 'amber', note: 'Analyst post vacant', author: 'Priya Shah', source: 'slack' });
  });

  it('refuses a lead updating someone else’s action', async () => {
    const action = await h.deps.store.updates.actionForUpdate({ programmeId: (await h.deps.store.programmes.findByName('Hull'))!.id, ref: '1.1' });
    const responseUrl = h.fake.responseUrl();
    await h.send(buttonClick({ actionId: 'update.open', value: action!.id, userId: USERS.priya.id, channelId: OTHER_CHANNEL, responseUrl }));
    const posts = await eventually(() => (h.fake.responses(responseUrl).length ? h.fake.responses(responseUrl) : null));
    expect(wordsOf(posts)).toContain('Only the lead of action 1.1');
  });
});

describe('Slack answering 429', () => {
  it('waits the Retry-After Slack asks for and posts once', async () => {
    const dm = h.fake.dmChannelFor(USERS.alex.id);
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await h.send(eventCallback({ type: 'message', channel_type: 'im', channel: dm, user: USERS.alex.id, text: 'my actions', ts: '1700000001.000100' }, 'Ev0ALEX429'));
    await eventually(() => h.fake.messagesIn(dm).find((m) => wordsOf(m).includes('Your actions')), 15_000);
    // A long answer comes in parts; the first part is the one that met the 429.
    const attempts = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === dm && wordsOf(c.args).includes('Your actions') && !/part \d+ of \d+/.test(wordsOf(c.args)));
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.ts';
import { GOVERNANCE_CHANNEL, OTHER_CHANNEL, startSlackHarness, USERS, wordsOf, type SlackHarness } from '../../support/slack-harness.ts';
import { buttonClick, eventCallback, slashCommand } from '../../support/slack-requests.ts';

/*
 * What only Slack has. What people do and what must follow is in test/scenarios, run against
 * Slack and Teams alike; this file keeps Slack's own mechanics: ephemeral answers through
 * response_url, files, retried events and rate limits. Signatures are in test/security.
 */

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

describe('answers through Slack’s own channels', () => {
  it('answers a slash command in a channel privately, as an ephemeral reply to its response_url, nothing in the channel', async () => {
    const { posts } = await command('alex', '/overdue', '', OTHER_CHANNEL, 'overdue.share');
    expect(posts.every((p) => p.body.response_type === 'ephemeral')).toBe(true);
    expect(h.fake.messagesIn(OTHER_CHANNEL)).toHaveLength(0);
  });

  it('attaches the full report, as Markdown, in the thread of the report it posts', async () => {
    await command('helen', '/send-report', 'post');
    const file = await eventually(() => h.fake.files.find((f) => f.completed && f.channel_id === GOVERNANCE_CHANNEL));
    const top = h.fake.messagesIn(GOVERNANCE_CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts)!;
    expect(file.thread_ts).toBe(top.ts);
    expect(file.filename).toMatch(/^highlight-report-send-partnership-board-\d{4}-\d{2}-\d{2}\.md$/);
    expect(file.content?.toString()).toContain('# Highlight report — Hull');
  });

  it('sends the chair the board paper as a Word document in their direct messages', async () => {
    const preview = await command('helen', '/send-report', '', OTHER_CHANNEL, 'report.paper');
    const paper = preview.posts
      .flatMap((p) => p.body.blocks as { elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'report.paper');
    await h.send(buttonClick({ actionId: 'report.paper', value: paper!.value, userId: USERS.helen.id, channelId: OTHER_CHANNEL, responseUrl: h.fake.responseUrl() }));
    const file = await eventually(() => h.fake.files.find((f) => f.completed && f.filename.endsWith('.docx')));
    expect(file.channel_id).toBe(h.fake.dmChannelFor(USERS.helen.id));
    expect(file.content?.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('App Home', () => {
  it('shows a lead their actions, each with its update button, when they open the Home tab', async () => {
    const res = await h.send(eventCallback({ type: 'app_home_opened', user: USERS.priya.id, channel: h.fake.dmChannelFor(USERS.priya.id), tab: 'home', event_ts: '1700000002.000100' }, 'Ev0PRIYAHOME'));
    expect(res.status).toBe(200);
    const home = await eventually(() => h.fake.homeOf(USERS.priya.id));
    expect(home.type).toBe('home');
    expect(wordsOf(home)).toContain('Your actions');
    expect(wordsOf(home)).toContain('update.open');
  });
});

describe('Slack retrying and rate limiting', () => {
  it('answers a direct message once even when Slack retries its event', async () => {
    const dm = h.fake.dmChannelFor(USERS.priya.id);
    const event = eventCallback({ type: 'message', channel_type: 'im', channel: dm, user: USERS.priya.id, text: 'hello', ts: '1700000000.000100' }, 'Ev0PRIYA1');
    expect((await h.send(event)).status).toBe(200);
    expect((await h.send({ ...event, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await eventually(() => h.fake.messagesIn(dm).find((m) => wordsOf(m).includes('Your actions')));
    await new Promise((r) => setTimeout(r, 500));
    expect(h.fake.messagesIn(dm).filter((m) => wordsOf(m).includes('Your actions'))).toHaveLength(1);
  });

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

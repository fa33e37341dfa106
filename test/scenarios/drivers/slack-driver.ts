import { setTimeout as sleep } from 'node:timers/promises';
import type { ModalView } from '../../../adapters/slack/render/block-kit-types.ts';
import type { Database } from '../../../adapters/store/open-database.ts';
import { GOVERNANCE_CHANNEL, startSlackHarness, USERS, type SlackHarness } from '../../support/slack-harness.ts';
import { buttonClick, eventCallback, slashCommand, viewSubmission, type SignedRequest } from '../../support/slack-requests.ts';
import type { Who } from '../cast.ts';
import type { Arg, ChatDriver, Place } from '../driver.ts';
import type { Seen } from '../seen.ts';
import { stored } from '../world.ts';
import { runScheduler } from './run-scheduler.ts';
import { seenMessage, seenModal } from './slack-seen.ts';

/** Slack acknowledges at once and answers afterwards: a step's answer is complete once nothing new has come for this long. */
const QUIET_MS = 300;
const TIMEOUT_MS = 15_000;

/** Slash commands of their own; every other command goes through `/stocktake`. */
const SLASH = new Set(['overdue', 'send-report']);

const argText = (args: readonly Arg[]) => args.map((a) => (typeof a === 'string' ? a : `<@${USERS[a.mention].id}|${a.mention}>`)).join(' ');

/** Slack through Bolt's real receiver: signed slash commands, button clicks, view submissions and events. */
export async function startSlackDriver(db: Database, clockStart: Date): Promise<ChatDriver> {
  const h = await startSlackHarness({ db, clockStart });
  const { fake } = h;
  const dm = (who: Who) => fake.dmChannelFor(USERS[who].id);
  /** The fake outlives scenarios: each one sees only the messages posted since it began. */
  let scenarioStart = new Map<string, number>();
  const since = (channel: string) => fake.messagesIn(channel).slice(scenarioStart.get(channel) ?? 0);
  let eventSerial = 0;
  /** The trigger ids of requests, by the user who sent them (a modal opens for the trigger it was given). */
  const triggers = new Map<string, string>();

  /** What the bot has shown one person, by kind: response_url posts of theirs, their DM, the channel they are in, ephemerals, modals, Home, files. */
  const shownTo = (who: Who, responseUrl: string | null, place: string | null): Seen[][] => {
    const id = USERS[who].id;
    return [
      responseUrl ? fake.responses(responseUrl).map((p) => seenMessage(p.body, place)) : [],
      since(dm(who)).map((m) => seenMessage(m, dm(who))),
      place && place !== dm(who) ? since(place).map((m) => seenMessage(m, place)) : [],
      fake.ephemerals().filter((e) => e.user === id).map((e) => seenMessage(e, e.channel)),
      fake.callsTo('views.open').filter((c) => c.ok && triggers.get(String(c.args.trigger_id)) === id).map((c) => seenModal(c.args.view as ModalView)),
      fake.callsTo('views.publish').filter((c) => c.ok && c.args.user_id === id).map((c) => seenMessage(c.args.view as { blocks: unknown[] }, null)),
      fake.files.filter((f) => f.completed && f.channel_id === dm(who)).map((f) => ({ text: f.initial_comment ?? f.title, buttons: [], file: { name: f.filename, bytes: f.length } })),
    ];
  };
  /** Sends a request, then waits for what it makes the bot show the person, until the bot falls quiet. */
  const step = async (who: Who, req: SignedRequest, responseUrl: string | null, place: string | null): Promise<Seen[]> => {
    const before = shownTo(who, responseUrl, place).map((kind) => kind.length);
    const trigger = /trigger_id=([^&]+)|"trigger_id":"([^"]+)"/.exec(decodeURIComponent(req.body));
    if (trigger) triggers.set(trigger[1] ?? trigger[2]!, USERS[who].id);
    const res = await h.send(req);
    if (res.status !== 200) throw new Error(`Slack's request was answered ${res.status}`);
    return waitForMore(() => shownTo(who, responseUrl, place), before);
  };

  const channelOf = (who: Who, place: Place) => (place === 'direct' ? dm(who) : GOVERNANCE_CHANNEL);

  return {
    platform: 'slack',
    async runCommand(who, command, args = [], place = 'direct') {
      const channelId = channelOf(who, place);
      const responseUrl = fake.responseUrl({ channel: channelId, user: USERS[who].id });
      const [slash, text] = SLASH.has(command) ? [`/${command}`, argText(args)] : ['/stocktake', `${command} ${argText(args)}`.trim()];
      return step(who, slashCommand({ command: slash, text, userId: USERS[who].id, channelId, responseUrl }), responseUrl, channelId);
    },
    sendMessage(who, text) {
      const event = { type: 'message', channel_type: 'im', channel: dm(who), user: USERS[who].id, text, ts: `${1_700_000_000 + ++eventSerial}.000100` };
      return step(who, eventCallback(event, `Ev0SCENARIO${eventSerial}`), null, dm(who));
    },
    clickButton(who, button) {
      const responseUrl = button.place ? fake.responseUrl({ channel: button.place, user: USERS[who].id }) : null;
      const req = buttonClick({ actionId: button.id, value: button.value, userId: USERS[who].id, channelId: button.place, ...(responseUrl ? { responseUrl } : {}) });
      return step(who, req, responseUrl, button.place);
    },
    async submitForm(who, form, answers) {
      const values = { ...form.values, ...answers };
      const state = Object.fromEntries(
        Object.entries(form.fields).map(([id, kind]) => {
          const v = values[id] || null;
          const element =
            kind === 'select'
              ? { type: 'static_select', selected_option: v === null ? null : { value: v } }
              : kind === 'date'
                ? { type: 'datepicker', selected_date: v }
                : { type: 'plain_text_input', value: v };
          return [id, { [id]: element }];
        }),
      );
      const req = viewSubmission({ callbackId: form.id, privateMetadata: form.state, userId: USERS[who].id, values: state });
      const before = shownTo(who, null, null).map((kind) => kind.length);
      const res = await h.send(req);
      const ack = (await res.text()).trim();
      const body = ack ? (JSON.parse(ack) as { response_action?: string; errors?: Record<string, string> }) : {};
      if (body.response_action === 'errors') {
        // The modal stays open with the messages beside its fields.
        const modal = fake.callsTo('views.open').filter((c) => c.ok && triggers.get(String(c.args.trigger_id)) === USERS[who].id).at(-1)!;
        return { errors: body.errors ?? {}, replies: [seenModal(modal.args.view as ModalView, body.errors)] };
      }
      const replies = await waitForMore(() => shownTo(who, null, null), before);
      return { errors: null, replies };
    },
    install(who) {
      const event = { type: 'app_home_opened', user: USERS[who].id, channel: dm(who), tab: 'home', event_ts: `${1_700_000_000 + ++eventSerial}.000100` };
      return step(who, eventCallback(event, `Ev0SCENARIO${eventSerial}`), null, null);
    },
    async governancePosts() {
      const messages = since(GOVERNANCE_CHANNEL);
      return messages
        .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
        .map((top) => {
          const file = fake.files.find((f) => f.completed && f.channel_id === GOVERNANCE_CHANNEL && f.thread_ts === top.ts);
          return {
            ...seenMessage(top, GOVERNANCE_CHANNEL),
            thread: messages.filter((m) => m.thread_ts === top.ts && m.ts !== top.ts).map((m) => seenMessage(m, GOVERNANCE_CHANNEL)),
            ...(file ? { file: { name: file.filename, bytes: file.length } } : {}),
          };
        });
    },
    async inbox(who) {
      return since(dm(who)).map((m) => seenMessage(m, dm(who)));
    },
    runScheduler: (now) => runScheduler(h.deps, h.gateways, now),
    userId: (who) => USERS[who].id,
    async storedAddress(who) {
      return { stored: (await stored(db).person(who))?.slackUserId ?? null, expected: USERS[who].id };
    },
    async reset() {
      scenarioStart = new Map([GOVERNANCE_CHANNEL, ...Object.values(USERS).map((u) => fake.dmChannelFor(u.id))].map((c) => [c, fake.messagesIn(c).length]));
      await h.seed();
    },
    stop: () => h.stop(),
  };
}

/** Waits until something new is shown (beyond `before`, counted by kind) and then nothing more for a while; returns what is new. */
async function waitForMore(shown: () => Seen[][], before: readonly number[]): Promise<Seen[]> {
  const fresh = () => shown().flatMap((kind, i) => kind.slice(before[i]));
  const deadline = Date.now() + TIMEOUT_MS;
  let count = 0;
  let quietSince = Date.now();
  for (;;) {
    await sleep(25);
    const now = fresh().length;
    if (now !== count) [count, quietSince] = [now, Date.now()];
    if (count > 0 && Date.now() - quietSince >= QUIET_MS) return fresh();
    if (Date.now() > deadline) throw new Error(`Slack showed nothing new within ${TIMEOUT_MS} ms`);
  }
}

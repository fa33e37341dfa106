import type { Database } from '../../../adapters/store/open-database.ts';
import { activity, personalConversationId, type Activity, type InboundSpec } from '../../support/fake-teams/index.ts';
import { MEMBERS, startTeamsHarness, TEAMS_GOVERNANCE } from '../../support/teams-harness.ts';
import type { Who } from '../cast.ts';
import type { Arg, ChatDriver, Place } from '../driver.ts';
import type { Seen } from '../seen.ts';
import { stored } from '../world.ts';
import { runScheduler } from './run-scheduler.ts';
import { seenActivity, seenInvokeResponse } from './teams-seen.ts';

/** `<at>Name</at>` in the text, and the mention entity Teams sends with it. */
function withMentions(a: Activity, args: readonly Arg[]): Activity {
  const mentioned = args.flatMap((x) => (typeof x === 'string' ? [] : [MEMBERS[x.mention]]));
  const entities = mentioned.map((m) => ({ type: 'mention', mentioned: { id: m.id, name: m.name }, text: `<at>${m.name}</at>` }));
  return { ...a, entities: [...((a.entities as unknown[]) ?? []), ...entities] };
}

const argText = (args: readonly Arg[]) => args.map((a) => (typeof a === 'string' ? a : `<at>${MEMBERS[a.mention].name}</at>`)).join(' ');

/**
 * Teams through botbuilder's real adapter: messages in the 1:1 chat, @mentions in the governance
 * channel, `adaptiveCard/action` invokes and the install's conversationUpdate. The adapter answers
 * the request when the turn is over, so a step's replies are all at the connector by then.
 */
export async function startTeamsDriver(db: Database, clockStart: Date): Promise<ChatDriver> {
  const h = await startTeamsHarness({}, { db, clockStart });
  const { connector } = h;
  const where = (who: Who) => ({ serviceUrl: connector.serviceUrl, from: MEMBERS[who] });
  const conversationOf = (who: Who, place: Place) => (place === 'direct' ? personalConversationId(MEMBERS[who].id) : TEAMS_GOVERNANCE);
  /** The connector outlives scenarios: each one sees only the activities sent since it began. */
  let scenarioStart = 0;
  const sinceScenario = (conversation: string) => connector.activities.slice(scenarioStart).filter((a) => a.conversationId === conversation);
  const shownIn = (conversation: string) => sinceScenario(conversation).map((a) => seenActivity(a.activity, conversation));

  /**
   * Sends an activity and returns what the bot then showed in that conversation (an invoke's refreshed card
   * first) and in the sender's 1:1 chat, where Teams gets what is for the sender alone.
   */
  const step = async (conversation: string, body: Activity): Promise<Seen[]> => {
    const personal = personalConversationId((body.from as { id: string }).id);
    const places = [...new Set([conversation, personal])];
    const before = places.map((c) => sinceScenario(c).length);
    const res = await h.post(body);
    if (res.status !== 200) throw new Error(`The bot answered the activity with ${res.status}`);
    const text = await res.text();
    const refreshed = body.type === 'invoke' && text ? seenInvokeResponse(JSON.parse(text), conversation) : [];
    return [...refreshed, ...places.flatMap((c, i) => shownIn(c).slice(before[i]))];
  };
  const send = (conversation: string, spec: InboundSpec) => step(conversation, activity(spec));

  return {
    platform: 'teams',
    runCommand(who, command, args = [], place = 'direct') {
      const text = `${command} ${argText(args)}`.trim();
      const spec: InboundSpec = place === 'direct' ? { kind: 'message', text, ...where(who) } : { kind: 'mention', text, ...where(who), conversationId: TEAMS_GOVERNANCE };
      return step(conversationOf(who, place), withMentions(activity(spec), args));
    },
    sendMessage: (who, text) => send(conversationOf(who, 'direct'), { kind: 'message', text, ...where(who) }),
    clickButton(who, button) {
      const inChannel = button.place === TEAMS_GOVERNANCE;
      const conversation = inChannel ? TEAMS_GOVERNANCE : conversationOf(who, 'direct');
      return send(conversation, { kind: 'card-action', verb: button.id, data: { value: button.value }, scope: inChannel ? 'channel' : 'personal', ...where(who), ...(inChannel ? { conversationId: TEAMS_GOVERNANCE } : {}) });
    },
    async submitForm(who, form, answers) {
      const replies = await send(conversationOf(who, 'direct'), { kind: 'card-action', verb: `form:${form.id}`, data: { ...form.values, ...answers, state: form.state }, ...where(who) });
      const again = replies[0]?.form;
      return { errors: again && Object.keys(again.errors).length > 0 ? again.errors : null, replies };
    },
    install: (who) => send(conversationOf(who, 'direct'), { kind: 'install', ...where(who) }),
    async governancePosts() {
      // A channel post's thread is the conversation `channel;messageid=<post>`.
      return sinceScenario(TEAMS_GOVERNANCE).map((top) => ({ ...seenActivity(top.activity, TEAMS_GOVERNANCE), thread: shownIn(`${TEAMS_GOVERNANCE};messageid=${top.id}`) }));
    },
    async inbox(who) {
      return shownIn(conversationOf(who, 'direct'));
    },
    runScheduler: (now) => runScheduler(h.deps, h.gateways, now),
    userId: (who) => MEMBERS[who].aadObjectId,
    async storedAddress(who) {
      const reference = (await stored(db).person(who))?.teamsConversation as { serviceUrl?: string; conversation?: { id?: string } } | null | undefined;
      return {
        stored: reference ? `${reference.conversation?.id} at ${reference.serviceUrl?.replace(/\/$/, '')}` : null,
        expected: `${personalConversationId(MEMBERS[who].id)} at ${connector.serviceUrl.replace(/\/$/, '')}`,
      };
    },
    async reset() {
      scenarioStart = connector.activities.length;
      await h.seed();
    },
    stop: () => h.stop(),
  };
}

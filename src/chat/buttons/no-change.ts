import { recordNoChange, type NoChangeRecorded } from '../../app/updates/record-no-change.ts';
import { isCalendarDate } from '../../domain/dates/calendar.ts';
import { canViewProgramme } from '../../domain/roles/permissions.ts';
import type { ButtonHandler } from '../handlers.ts';
import { failureMessage, notice } from '../notice.ts';
import type { Reply } from '../replies.ts';
import { forBoard, promptAnsweredMessage } from '../views/cycle/answered.ts';
import { BUTTON_VALUE_LIMIT, NO_CHANGE, type NoChangeValue } from '../views/cycle/no-change-value.ts';
import { plural } from '../views/view-format.ts';
import { parseButtonValue } from './button-value.ts';

const EXPIRED = notice('That button has expired. Message me “my actions” to see and update your actions.');
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_IDS = 500;

/** Parses the button's value defensively: anything malformed or tampered with is null. */
export function parseNoChangeValue(raw: string): NoChangeValue | null {
  if (raw.length > BUTTON_VALUE_LIMIT) return null;
  const value = parseButtonValue<{ m: string; b: string; d: string }>(raw, ['m', 'b', 'd']);
  if (!value) return null;
  const extra = value as Record<string, unknown>;
  const isId = (x: unknown): x is string => typeof x === 'string' && ID.test(x);
  if (!isId(value.m) || !isId(value.b) || typeof value.d !== 'string' || !isCalendarDate(value.d)) return null;
  const { a, f } = extra;
  if (f !== undefined && !isId(f)) return null;
  if (a !== undefined && !(Array.isArray(a) && a.length > 0 && a.length <= MAX_IDS && a.every(isId))) return null;
  return {
    m: value.m,
    b: value.b,
    d: value.d,
    ...(a !== undefined ? { a: [...new Set(a as string[])] } : {}),
    ...(f !== undefined ? { f } : {}),
  };
}

/** "No change on any of these" on a prompt or chaser: records each action as unchanged, then shows the prompt as answered. */
export const noChangeButton: ButtonHandler = {
  id: NO_CHANGE,
  async run(ctx, raw): Promise<Reply[]> {
    const value = parseNoChangeValue(raw);
    const board = value ? await ctx.deps.store.boards.findById(value.b) : null;
    if (!value || !board) return [{ kind: 'private', message: EXPIRED }];
    const programme = await ctx.deps.store.programmes.findById(board.programmeId);
    // A board of a programme the caller does not work on reads as not there: its name stays private.
    if (!programme || !canViewProgramme(ctx.actor, programme).allowed) return [{ kind: 'private', message: EXPIRED }];
    // The date the prompt named, while the board still meets then; a moved meeting is named without it.
    const meeting = (await ctx.deps.store.boards.meetings(board.id)).includes(value.d) ? value.d : null;

    const result = await recordNoChange(ctx.deps, {
      person: { id: ctx.person.id, name: ctx.person.name },
      actionIds: value.a ?? null,
      forPersonId: value.f ?? null,
      programmeId: programme.id,
      source: ctx.platform,
    });
    if (!result.ok) return [{ kind: 'private', message: failureMessage(result.error) }];
    const done = result.value;
    const where = forBoard(board.name, meeting);

    if (done.recorded.length === 0 && done.alreadyUpdated.length === 0) {
      // Ids that match nothing the board's programme holds: a stale or tampered button.
      if (done.refused.length > 0 && done.refused.every((r) => r.code === 'action-not-found')) return [{ kind: 'private', message: EXPIRED }];
      if (done.refused.length === 0) return [{ kind: 'private', message: notice(`You have no open actions to update ${where}: nothing to record.`) }];
      return [{ kind: 'private', message: notice('Nothing was recorded.', refusalLines(done)) }];
    }

    const thanks =
      done.recorded.length > 0
        ? `Thank you — recorded no change on ${plural(done.recorded.length, 'action')} ${where}.`
        : `Thank you — you had already updated ${done.alreadyUpdated.length === 1 ? 'this action' : 'these actions'} ${where}, so nothing more was recorded.`;
    const detail = [
      done.recorded.length > 0 && done.alreadyUpdated.length > 0
        ? `${plural(done.alreadyUpdated.length, 'action')} you had already updated this cycle ${done.alreadyUpdated.length === 1 ? 'was' : 'were'} left as ${done.alreadyUpdated.length === 1 ? 'it was' : 'they were'}.`
        : null,
      done.refused.length > 0 ? refusalLines(done) : null,
    ].filter((d): d is string => d !== null);
    return [
      { kind: 'private', message: notice(thanks, detail.length > 0 ? detail.join('\n') : undefined) },
      {
        kind: 'replace',
        message: promptAnsweredMessage({
          board: board.name,
          meeting,
          answeredBy: ctx.person.name,
          at: ctx.deps.clock.now(),
          timezone: programme.timezone,
          recorded: done.recorded,
          alreadyUpdated: done.alreadyUpdated,
        }),
      },
    ];
  },
};

function refusalLines(done: NoChangeRecorded): string {
  return done.refused.map((r) => (r.ref && !r.reason.includes(r.ref) ? `${r.ref}: ${r.reason}` : r.reason)).join('\n');
}

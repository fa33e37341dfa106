import type { CalendarDate } from '../../../domain/calendar-date.ts';
import { formatDate } from '../../../domain/dates/calendar.ts';
import type { Block, Message } from '../../message.ts';
import { cutoffText, cycleTitle, firstName, groupedActionBlocks, type CycleAction } from './cycle-format.ts';
import { NO_CHANGE, noChangeValue } from './no-change-value.ts';

/** What the prompt (and the chaser) before a board meeting needs. */
export interface PromptView {
  leadName: string;
  /** The lead on leave whose actions these are, when their delegate is asked in their place. */
  coveringFor: string | null;
  /** That lead's person id: lets the no-change button reload their actions when the ids do not fit in it. */
  coveringForId?: string | null;
  board: string;
  boardId: string;
  meetingId: string;
  meeting: CalendarDate;
  cutoffAt: Date;
  timezone: string;
  /** In register order: the prompt lists every open action, the chaser only those still without an update. */
  actions: readonly CycleAction[];
}

export const NO_CHANGE_LABEL = 'No change on any of these';

/** What the no-change button records, said where the lead can see it before pressing. */
export const NO_CHANGE_HINT = 'No change keeps each status as it is and notes “No change since the last update”.';

/** The one request, before a board, for progress on a lead's open actions. */
export function promptMessage(view: PromptView): Message {
  const n = view.actions.length;
  const meets = `the ${view.board} meets on ${formatDate(view.meeting)}`;
  const by = `by ${cutoffText(view.cutoffAt, view.timezone, view.meeting)}`;
  if (n === 0) return nothingToUpdate(view, meets);
  const what = view.coveringFor
    ? `${n === 1 ? 'one open action' : `${n} open actions`} on behalf of ${view.coveringFor}, who is on leave,`
    : n === 1 ? 'your open action' : `your ${n} open actions`;
  const text = `Hello ${firstName(view.leadName)} — ${meets}. Please update ${what} ${by}.`;
  return cycleRequest(view, text, 'Press Update to give a status and a short note; your replies go into the highlight report for the board.');
}

/** A gentle reminder, after the prompt, about the actions that still have no update this cycle. */
export function chaseMessage(view: PromptView): Message {
  const n = view.actions.length;
  const meets = `the ${view.board} meets on ${formatDate(view.meeting)}`;
  const by = `by ${cutoffText(view.cutoffAt, view.timezone, view.meeting)}`;
  if (n === 0) return nothingToUpdate(view, meets);
  const first = view.actions[0]!;
  const whose = view.coveringFor ? `${view.coveringFor}’s` : 'your';
  const cover = view.coveringFor ? ' (you are covering while they are on leave)' : '';
  const what = n === 1 ? `${whose} action ${first.ref}${cover} still needs an update` : `${n} of ${whose} actions${cover} still need an update`;
  const text = `Hello ${firstName(view.leadName)} — a gentle reminder: ${meets} and ${what} ${by}.`;
  return cycleRequest(view, text, 'If nothing has moved, one click below says so.');
}

function cycleRequest(view: PromptView, text: string, hint: string): Message {
  const value = noChangeValue({
    meetingId: view.meetingId,
    boardId: view.boardId,
    meeting: view.meeting,
    actionIds: view.actions.map((a) => a.id),
    forPersonId: view.coveringFor ? (view.coveringForId ?? null) : null,
  });
  const blocks: Block[] = [
    { type: 'header', text: cycleTitle(view.board, view.meeting) },
    { type: 'section', text },
    { type: 'context', text: hint },
    ...groupedActionBlocks(view.actions, view.timezone),
    { type: 'divider' },
    { type: 'section', text: view.actions.length === 1 ? 'Nothing new to report?' : 'Nothing new to report on any of them?' },
    { type: 'actions', buttons: [{ id: NO_CHANGE, label: view.actions.length === 1 ? 'No change' : NO_CHANGE_LABEL, value }] },
    { type: 'context', text: `${NO_CHANGE_HINT} You can correct any update until the cut-off.` },
  ];
  return { text, blocks };
}

function nothingToUpdate(view: PromptView, meets: string): Message {
  const text = `Hello ${firstName(view.leadName)} — ${meets}. You have no open actions to update for it: thank you.`;
  return { text, blocks: [{ type: 'header', text: cycleTitle(view.board, view.meeting) }, { type: 'section', text }] };
}

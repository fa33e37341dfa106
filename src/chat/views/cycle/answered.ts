import type { CalendarDate } from '../../../domain/calendar-date.ts';
import { dateInZone, formatDate } from '../../../domain/dates/calendar.ts';
import { bold, rich, type Block, type Message } from '../../message.ts';
import { plural } from '../view-format.ts';
import { cycleTitle } from './cycle-format.ts';

/** What the prompt becomes once its lead has answered "no change". */
export interface AnsweredView {
  board: string;
  /** Null when the meeting has moved or gone since the prompt was sent. */
  meeting: CalendarDate | null;
  answeredBy: string;
  at: Date;
  timezone: string;
  /** Recorded now as unchanged. */
  recorded: readonly { ref: string; title: string }[];
  /** Already updated this cycle, and left as they were. */
  alreadyUpdated: readonly { ref: string; title: string }[];
}

/** "for the SEND Partnership Board on 12 Mar 2024", or without the date when it is no longer known. */
export function forBoard(board: string, meeting: CalendarDate | null): string {
  return meeting === null ? `for the ${board}` : `for the ${board} on ${formatDate(meeting)}`;
}

/** The prompt, answered: who said "no change", when, and on what; no buttons left to press. */
export function promptAnsweredMessage(view: AnsweredView): Message {
  const when = formatDate(dateInZone(view.at, view.timezone));
  const text =
    view.recorded.length > 0
      ? `Answered: no change on ${plural(view.recorded.length, 'action')} ${forBoard(view.board, view.meeting)}.`
      : `Answered: already updated ${forBoard(view.board, view.meeting)}.`;
  const blocks: Block[] = [
    { type: 'header', text: view.meeting === null ? view.board : cycleTitle(view.board, view.meeting) },
    { type: 'section', text: `✓ ${text}` },
    { type: 'context', text: `By ${view.answeredBy} on ${when}.` },
  ];
  if (view.recorded.length > 0) blocks.push({ type: 'list', items: view.recorded.map((a) => rich(bold(a.ref), ` ${a.title}`)) });
  if (view.alreadyUpdated.length > 0) {
    blocks.push(
      { type: 'section', text: 'Already updated this cycle, so left as they were:' },
      { type: 'list', items: view.alreadyUpdated.map((a) => rich(bold(a.ref), ` ${a.title}`)) },
    );
  }
  blocks.push({ type: 'context', text: 'To change any of them, message me “my actions” before the cut-off.' });
  return { text, blocks };
}

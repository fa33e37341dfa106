import type { CalendarDate } from '../../../domain/calendar-date.ts';
import { formatDate } from '../../../domain/dates/calendar.ts';
import type { Message } from '../../message.ts';
import { cutoffText, cycleTitle } from './cycle-format.ts';

export interface MovedView {
  board: string;
  from: CalendarDate;
  to: CalendarDate;
  /** The new cut-off for updates, when known, in the programme's timezone. */
  cutoffAt?: Date | null;
  timezone?: string;
}

/** A meeting moved after its prompts went out: a short notice of the new date, not a second request. */
export function movedMessage(view: MovedView): Message {
  const text = `The ${view.board} on ${formatDate(view.from)} has moved to ${formatDate(view.to)}.`;
  const cutoff = view.cutoffAt && view.timezone ? ` The new cut-off for updates is ${cutoffText(view.cutoffAt, view.timezone, view.to)}.` : '';
  return {
    text,
    blocks: [
      { type: 'header', text: cycleTitle(view.board, view.to) },
      { type: 'section', text: `${text}${cutoff}` },
      { type: 'context', text: 'Nothing else to do: the earlier request still stands, and any updates you have sent are kept.' },
    ],
  };
}

import type { Brag } from '../brag.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { isCalendarDate } from '../dates/calendar.ts';
import { dropHiddenCharacters } from '../hidden-characters.ts';
import { parseBrag } from '../status/status-words.ts';

export const NOTE_LIMIT = 3000;
export const NEXT_STEPS_LIMIT = 2000;
export const URL_LIMIT = 500;

/** A status update as typed into a form, before it is checked. */
export interface UpdateDraft {
  status?: string;
  note?: string;
  nextSteps?: string;
  evidenceUrl?: string;
  revisedDue?: string;
}

export interface ValidUpdate {
  status: Brag;
  note: string | null;
  nextSteps: string | null;
  evidenceUrl: string | null;
  revisedDue: CalendarDate | null;
}

export type UpdateCheck = { ok: true; value: ValidUpdate } | { ok: false; errors: Partial<Record<keyof UpdateDraft, string>> };

const tidy = (text: string | undefined) => {
  const t = text === undefined ? null : dropHiddenCharacters(text).trim();
  return t ? t : null;
};

/**
 * The rules a lead's update must meet: a status; a note and a path back to green when it is amber or
 * red; notes within a length a board paper (and Slack's and Teams' input boxes) can carry, with no hidden
 * control characters; evidence as a web link; a revised date that is a real day.
 */
export function validateUpdate(draft: UpdateDraft, today: CalendarDate): UpdateCheck {
  const errors: Partial<Record<keyof UpdateDraft, string>> = {};
  const status = draft.status?.trim() ? parseBrag(draft.status) : null;
  if (!status) errors.status = 'Choose a status.';
  else if (!status.ok) errors.status = status.error;

  const note = tidy(draft.note);
  const nextSteps = tidy(draft.nextSteps);
  const evidenceUrl = tidy(draft.evidenceUrl);
  const revisedDue = tidy(draft.revisedDue);

  if (note && note.length > NOTE_LIMIT) errors.note = `Keep the note to ${NOTE_LIMIT.toLocaleString('en-GB')} characters (it has ${note.length.toLocaleString('en-GB')}).`;
  if (nextSteps && nextSteps.length > NEXT_STEPS_LIMIT) errors.nextSteps = `Keep the next steps to ${NEXT_STEPS_LIMIT.toLocaleString('en-GB')} characters.`;
  if (status?.ok && (status.value === 'amber' || status.value === 'red')) {
    if (!note) errors.note = 'Say what the concern is: amber and red need a note.';
    if (!nextSteps) errors.nextSteps = 'Say what will bring it back to green.';
  }
  if (evidenceUrl && (evidenceUrl.length > URL_LIMIT || !/^https?:\/\/[^\s]+$/i.test(evidenceUrl))) {
    errors.evidenceUrl = 'Give the evidence as a web link starting https://';
  }
  if (revisedDue) {
    if (!isCalendarDate(revisedDue)) errors.revisedDue = 'Give the new due date as a day, e.g. 2025-03-31.';
    else if (revisedDue < today) errors.revisedDue = 'A revised due date cannot be in the past.';
  }
  if (Object.keys(errors).length || !status?.ok) return { ok: false, errors };
  return { ok: true, value: { status: status.value, note, nextSteps, evidenceUrl, revisedDue } };
}

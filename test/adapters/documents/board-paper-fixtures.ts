import type { Brag } from '../../../src/domain/brag.ts';
import { compileHighlightReport } from '../../../src/domain/report/highlight-report.ts';
import type { HighlightReport } from '../../../src/domain/report/report-types.ts';
import type { ReportAction } from '../../../src/domain/report/types.ts';
import { context, day, HOSTILE_NOTE, hullActions, update } from '../../domain/report/fixtures.ts';

/** A note with control characters a spreadsheet or a paste can carry (bell, escape, NUL). */
export const CONTROL_NOTE = 'Bell\u0007 escape\u001b[31m red\u001b[0m nul\u0000 end';

const NOTES = [
  'Draft protocol shared with the Parent Carer Forum; comments due back by the end of the month.',
  'Two of three posts recruited. Induction under way.',
  'Training delivered to 42 SENCOs across the spring term; evaluation to follow.',
  'Awaiting sign-off at the Health and Wellbeing Board on 20 March.',
  'Data quality issues in the case management system mean the dashboard is not yet reliable. A fix is scheduled with the supplier, and the team is checking figures by hand in the meantime.',
  'On plan.',
  'Consultation closed with 180 responses; summary report in preparation.',
];

const STATUS_WORD: Record<Brag, string> = {
  blue: 'Complete',
  green: 'On track no concerns',
  amber: 'On track some concerns',
  red: 'Off track',
  grey: 'Not due yet',
};

/**
 * Hull's register (63 actions, six long-named priorities) part-way through a board cycle:
 * most leads have replied with a note, a few actions have moved since the last board (one is
 * now off track), two have been re-dated, and one note carries markup and another control
 * characters, so a board paper can be checked against a realistic report.
 */
export function hullBoardReport(): HighlightReport {
  const actions = hullActions().map((a, i) => withCycle(a, i));
  return compileHighlightReport(
    actions,
    context({
      asOf: '2024-03-06',
      nextMeeting: '2024-04-16',
      cycleStart: new Date('2024-02-28T09:30:00Z'),
      previousCutoff: new Date('2024-02-05T12:00:00Z'),
    }),
  );
}

function withCycle(a: ReportAction, i: number): ReportAction {
  const author = a.leads[0] ?? 'Programme office';
  // The status at the previous board's cut-off, as the register had it.
  const before = update({ at: '2024-01-30T10:00:00Z', status: a.status, statusWord: a.statusWord, author: 'import', source: 'import' });
  if (a.status === 'blue' || i % 4 === 3) return { ...a, updates: [before] };
  let status: Brag = a.status;
  if (i === 6 || i === 33) status = 'red';
  else if (i === 12) status = 'green';
  else if (i === 20) status = 'amber';
  const note = i === 9 ? HOSTILE_NOTE : i === 10 ? CONTROL_NOTE : NOTES[i % NOTES.length]!;
  const statusWord = status === a.status ? a.statusWord : STATUS_WORD[status];
  const moved =
    i === 14
      ? { due: day('2024-06-30'), originalDue: a.due, dueRevisions: 1 }
      : i === 41
        ? { due: day('2024-03-29'), originalDue: a.due, dueRevisions: 2 }
        : {};
  return {
    ...a,
    ...moved,
    status,
    statusWord,
    updates: [before, update({ at: `2024-03-0${1 + (i % 5)}T11:15:00Z`, status, statusWord, note, author })],
  };
}

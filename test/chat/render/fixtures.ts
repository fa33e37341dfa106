import { statusSpan, type Message, type TableColumn } from '../../../src/chat/message.ts';
import { highlightReportMessage } from '../../../src/chat/views/highlight-report.ts';
import { overdueMessage } from '../../../src/chat/views/overdue.ts';
import { compileHighlightReport } from '../../../src/domain/report/highlight-report.ts';
import { action, context, HOSTILE_NOTE, hullActions, update } from '../../domain/report/fixtures.ts';

/** Neutral messages every renderer is tested with (Block Kit, Adaptive Cards…), so each meets the same inputs. */

export const OVERDUE_COLUMNS: TableColumn[] = [
  { label: 'Ref' },
  { label: 'Action' },
  { label: 'Lead' },
  { label: 'Due' },
  { label: 'Overdue by', align: 'right' },
  { label: 'Status' },
];

/** An overdue list of `count` rows (refs R1…), far more than one Slack message or Teams card holds, ending "End of list". */
export function longOverdueList(count = 300): { message: Message; refs: string[] } {
  const rows = Array.from({ length: count }, (_, i) => [
    `R${i + 1}`,
    `Action number ${i + 1}: improve the timeliness of EHC needs assessments in the locality`,
    i % 2 === 0 ? 'Assistant Director Learning and Skills' : 'Head of SEND',
    '30 Nov 2023',
    `${i + 1} days`,
    [statusSpan(i % 3 === 0 ? 'red' : 'amber')],
  ]);
  return {
    message: {
      text: `Overdue actions — Hull SEND: ${count} actions overdue.`,
      blocks: [
        { type: 'header', text: 'Overdue actions — Hull SEND' },
        { type: 'context', text: 'As at 14 Mar 2025' },
        { type: 'header', text: '1. Communication', level: 2 },
        { type: 'table', columns: OVERDUE_COLUMNS, rows },
        { type: 'context', text: 'End of list' },
      ],
    },
    refs: rows.map((r) => r[0] as string),
  };
}

/** Hull's highlight report, with one action whose latest note is hostile (HOSTILE_NOTE). */
export function hostileHullReport(): Message {
  return highlightReportMessage(
    compileHighlightReport(
      [...hullActions(), action({ ref: '9.9', title: 'Hostile', updates: [update({ at: '2024-03-01T10:00:00Z', note: HOSTILE_NOTE })] })],
      context({ asOf: '2024-03-14', nextMeeting: '2024-04-16' }),
    ),
  );
}

/** An overdue list of one action: 1.2 "Refresh the protocol", led by Priya Shah. */
export function oneOverdueAction(): Message {
  return overdueMessage({
    programme: 'Hull SEND',
    asOf: '2025-03-14',
    items: [{ ref: '1.2', title: 'Refresh the protocol', workstream: '1. Communication', leads: ['Priya Shah'], due: '2025-03-13', daysOverdue: 1, status: 'amber' }],
  });
}

export { HOSTILE_NOTE, hullActions };

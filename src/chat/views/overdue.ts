import type { DuePrecision } from '../../domain/calendar-date.ts';
import { formatDate } from '../../domain/dates/calendar.ts';
import type { OverdueItem, OverdueList } from '../../domain/report/overdue-list.ts';
import { statusSpan, type Block, type Message, type RichText, type TableColumn } from '../message.ts';
import { daysText, dueText, leadsText, plural } from './view-format.ts';

/** An overdue item, optionally knowing that its date is a month ("Nov 2023") rather than a day. */
export type OverdueViewItem = OverdueItem & { duePrecision?: DuePrecision | null };

export interface OverdueView extends OverdueList {
  items: OverdueViewItem[];
}

const COLUMNS: readonly TableColumn[] = [
  { label: 'Ref' },
  { label: 'Action' },
  { label: 'Lead' },
  { label: 'Due' },
  { label: 'Overdue by', align: 'right' },
  { label: 'Status' },
];

const COUNT_COLUMNS: readonly TableColumn[] = [{ label: 'Workstream' }, { label: 'Overdue', align: 'right' }];

/**
 * What `/overdue` shows: the overdue actions grouped by workstream, in the order given
 * (`listOverdue` gives register order), each with its lead, due date, days overdue and status.
 */
export function overdueMessage(list: OverdueView, options: { limit?: number; narrowHint?: string } = {}): Message {
  const asOf = formatDate(list.asOf);
  const blocks: Block[] = [{ type: 'header', text: `Overdue actions — ${list.programme}` }];

  if (list.items.length === 0) {
    blocks.push({ type: 'section', text: 'Nothing is overdue.' }, { type: 'context', text: `As at ${asOf}` });
    return { text: `Nothing is overdue in ${list.programme} as at ${asOf}.`, blocks };
  }

  const groups = groupByWorkstream(list.items);
  const count = plural(list.items.length, 'action');
  blocks.push({
    type: 'context',
    text: `As at ${asOf} · ${count} overdue across ${plural(groups.size, 'workstream')}`,
  });
  // In chat a long list is cut to its first actions, with counts for every workstream: a page a person
  // can read, and one message the bot can render without holding up every other request.
  const limit = options.limit ?? Infinity;
  if (list.items.length > limit) {
    blocks.push({ type: 'table', columns: COUNT_COLUMNS, rows: [...groups].map(([workstream, items]) => [workstream, String(items.length)]) });
  }
  let shown = 0;
  for (const [workstream, items] of groups) {
    const take = items.slice(0, Math.max(0, limit - shown));
    if (take.length === 0) break;
    shown += take.length;
    blocks.push(
      { type: 'header', text: workstream, level: 2 },
      { type: 'table', columns: COLUMNS, rows: take.map(row) },
    );
  }
  if (shown < list.items.length) {
    blocks.push({ type: 'context', text: `Showing ${shown} of ${list.items.length}.${options.narrowHint ? ` ${options.narrowHint}` : ''}` });
  }
  return { text: `${count} overdue in ${list.programme} as at ${asOf}.`, blocks };
}

function row(item: OverdueViewItem): RichText[] {
  return [
    item.ref,
    item.title,
    leadsText(item.leads),
    dueText(item.due, item.duePrecision),
    daysText(item.daysOverdue),
    [statusSpan(item.status)],
  ];
}

// Keeps the given order of workstreams and of items within each.
function groupByWorkstream(items: readonly OverdueViewItem[]): Map<string, OverdueViewItem[]> {
  const groups = new Map<string, OverdueViewItem[]>();
  for (const item of items) {
    const group = groups.get(item.workstream) ?? [];
    group.push(item);
    groups.set(item.workstream, group);
  }
  return groups;
}

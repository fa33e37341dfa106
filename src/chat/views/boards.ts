import type { CalendarDate } from '../../domain/calendar-date.ts';
import { formatDate } from '../../domain/dates/calendar.ts';
import type { Board } from '../../domain/programme.ts';
import type { Block, Message } from '../message.ts';

/** What the boards view needs to show about each board: its settings, chairs and next meetings. */
export type BoardView = Pick<Board, 'name' | 'askDays' | 'askTime' | 'chaseDays' | 'cutoffDays' | 'cutoffTime' | 'slackChannelId' | 'teamsChannelId'> & {
  chairs: readonly string[];
  ruleText: string | null;
  upcoming: readonly CalendarDate[];
};

/** A programme's boards and their cycle settings: for `board list` on the command line and in chat. */
export function boardsMessage(programme: string, boards: readonly BoardView[]): Message {
  if (boards.length === 0) {
    const text = `${programme} has no boards yet.`;
    return { text, blocks: [{ type: 'header', text: `Boards — ${programme}` }, { type: 'section', text }] };
  }
  const blocks: Block[] = [{ type: 'header', text: `Boards — ${programme}` }];
  for (const b of boards) {
    blocks.push(
      { type: 'header', text: b.name, level: 2 },
      {
        type: 'fields',
        fields: [
          { label: 'Chair', value: b.chairs.length ? b.chairs.join(', ') : 'None yet' },
          { label: 'Meets', value: b.ruleText ?? 'On set dates' },
          { label: 'Next meetings', value: b.upcoming.length ? b.upcoming.map(formatDate).join(', ') : 'None ahead' },
          { label: 'Leads asked', value: `${b.askDays} working days before, at ${b.askTime}` },
          { label: 'Chased', value: `${b.chaseDays} working days after asking` },
          { label: 'Cut-off', value: `${b.cutoffDays} working days before, at ${b.cutoffTime}` },
          { label: 'Governance channel', value: `Slack ${b.slackChannelId ?? 'none'} · Teams ${b.teamsChannelId ?? 'none'}` },
        ],
      },
    );
  }
  return { text: `${programme} has ${boards.length} board${boards.length === 1 ? '' : 's'}.`, blocks };
}

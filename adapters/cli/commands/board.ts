import type { Command } from 'commander';
import { addBoard, listBoards, setBoard, type BoardChanges, type BoardSummary } from '../../../src/app/boards/manage-boards.ts';
import { renderText } from '../../../src/chat/render/text.ts';
import { boardsMessage } from '../../../src/chat/views/boards.ts';
import { parsePositiveInt } from '../options.ts';
import { runCommand, unwrap } from '../run-command.ts';

interface Options {
  programme?: string;
  meetings?: string;
  rule?: string;
  chair?: string;
  slackChannel?: string;
  teamsChannel?: string;
  askDays?: number;
  askTime?: string;
  chaseDays?: number;
  cutoffDays?: number;
  cutoffTime?: string;
}

const toChanges = (o: Options): BoardChanges => ({
  ...(o.meetings ? { meetings: o.meetings.split(',').map((d) => d.trim()).filter(Boolean) } : {}),
  ...(o.rule !== undefined ? { rule: o.rule } : {}),
  ...(o.chair ? { chair: o.chair } : {}),
  ...(o.slackChannel !== undefined ? { slackChannel: o.slackChannel } : {}),
  ...(o.teamsChannel !== undefined ? { teamsChannel: o.teamsChannel } : {}),
  ...(o.askDays !== undefined ? { askDays: o.askDays } : {}),
  ...(o.askTime !== undefined ? { askTime: o.askTime } : {}),
  ...(o.chaseDays !== undefined ? { chaseDays: o.chaseDays } : {}),
  ...(o.cutoffDays !== undefined ? { cutoffDays: o.cutoffDays } : {}),
  ...(o.cutoffTime !== undefined ? { cutoffTime: o.cutoffTime } : {}),
});

export const describeBoard = (programme: string, b: BoardSummary): string => renderText(boardsMessage(programme, [b]));

function withSettings(cmd: Command): Command {
  return cmd
    .option('--meetings <dates>', 'meeting dates, YYYY-MM-DD separated by commas')
    .option('--rule <rule>', 'a monthly rule such as "second Tuesday"')
    .option('--chair <email>', 'the chair (may send the report)')
    .option('--slack-channel <id>', 'the governance channel in Slack')
    .option('--teams-channel <id>', 'the governance channel in Teams')
    .option('--ask-days <n>', 'working days before a meeting that leads are asked (default 5)', parsePositiveInt)
    .option('--ask-time <HH:MM>', 'time of day leads are asked (default 09:30)')
    .option('--chase-days <n>', 'working days after asking that non-responders are chased (default 2)', parsePositiveInt)
    .option('--cutoff-days <n>', 'working days before the meeting that updates close (default 2)', parsePositiveInt)
    .option('--cutoff-time <HH:MM>', 'time of day updates close (default 12:00)');
}

export function registerBoard(program: Command): void {
  const board = program.command('board').description('governance boards: their meetings, chairs and channels');
  withSettings(board.command('add <name>').description('add a board').requiredOption('--programme <name>', 'the programme')).action(
    (name: string, o: Options) =>
      runCommand(async ({ deps }) => {
        console.log(`Added board:\n${describeBoard(o.programme!, unwrap(await addBoard(deps, o.programme!, name, toChanges(o), 'cli')))}`);
      }),
  );
  withSettings(board.command('set <name>').description("change a board's meetings, chair, channels or lead times").option('--programme <name>', 'the programme')).action(
    (name: string, o: Options) =>
      runCommand(async ({ deps }) => {
        console.log(`Updated board:\n${describeBoard(o.programme ?? '', unwrap(await setBoard(deps, o.programme ?? null, name, toChanges(o), 'cli')))}`);
      }),
  );
  board
    .command('list')
    .description('list the boards of a programme')
    .option('--programme <name>', 'the programme')
    .action((o: { programme?: string }) =>
      runCommand(async ({ deps }) => {
        const { programme, boards } = unwrap(await listBoards(deps, o.programme ?? null));
        console.log(boards.length ? renderText(boardsMessage(programme.name, boards)) : `${programme.name} has no boards yet: add one with \`stocktake board add\`.`);
      }),
    );
}

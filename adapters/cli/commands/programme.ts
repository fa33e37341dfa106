import type { Command } from 'commander';
import { addProgramme, setProgramme, type ProgrammeSettingsInput } from '../../../src/app/programmes/programme-settings.ts';
import type { Programme } from '../../../src/domain/programme.ts';
import { NATION_LABEL } from '../../../src/domain/working-days.ts';
import { collect } from '../options.ts';
import { runCommand, unwrap } from '../run-command.ts';

interface Options {
  timezone?: string;
  nation?: string;
  slackChannel?: string;
  teamsChannel?: string;
  status?: string[];
}

const toInput = (o: Options): ProgrammeSettingsInput => ({
  ...(o.timezone !== undefined ? { timezone: o.timezone } : {}),
  ...(o.nation !== undefined ? { nation: o.nation } : {}),
  ...(o.slackChannel !== undefined ? { slackChannel: o.slackChannel } : {}),
  ...(o.teamsChannel !== undefined ? { teamsChannel: o.teamsChannel } : {}),
  ...(o.status ? { status: o.status } : {}),
});

export function describeProgramme(p: Programme): string {
  const words = Object.entries(p.statusWords).map(([w, c]) => `${w}=${c}`);
  return [
    `${p.name}`,
    `  timezone: ${p.timezone}`,
    `  bank holidays: ${NATION_LABEL[p.nation]}`,
    `  Slack channel: ${p.slackChannelId ?? 'none'}`,
    `  Teams channel: ${p.teamsChannelId ?? 'none'}`,
    `  own status words: ${words.length ? words.join(', ') : 'none'}`,
  ].join('\n');
}

function withSettings(cmd: Command): Command {
  return cmd
    .option('--timezone <tz>', 'IANA timezone, e.g. Europe/London')
    .option('--nation <nation>', 'bank holidays: england-wales, scotland or northern-ireland')
    .option('--slack-channel <id>', 'the programme channel in Slack (weekly digest)')
    .option('--teams-channel <id>', 'the programme channel in Teams')
    .option('--status <Word=colour>', 'map one of the programme\'s own status words onto BRAG (repeatable)', collect);
}

export function registerProgramme(program: Command): void {
  const programme = program.command('programme').description('add a programme, change its settings, or list them');
  withSettings(programme.command('add <name>').description('add a programme')).action((name: string, o: Options) =>
    runCommand(async ({ deps }) => {
      const created = unwrap(await addProgramme(deps, name, toInput(o), 'cli'));
      console.log(`Added programme:\n${describeProgramme(created)}`);
    }),
  );
  withSettings(programme.command('set <name>').description("change a programme's settings")).action((name: string, o: Options) =>
    runCommand(async ({ deps }) => {
      const updated = unwrap(await setProgramme(deps, name, toInput(o), 'cli'));
      console.log(`Updated programme:\n${describeProgramme(updated)}`);
    }),
  );
  programme
    .command('list')
    .description('list programmes and their settings')
    .action(() =>
      runCommand(async ({ deps }) => {
        const all = await deps.store.programmes.list();
        console.log(all.length ? all.map(describeProgramme).join('\n\n') : 'No programmes yet: import a register with `stocktake import`.');
      }),
    );
}

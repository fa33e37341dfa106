import type { Command } from 'commander';
import { grantRole, revokeRole, type GrantRequest } from '../../../src/app/roles/grant-role.ts';
import { ROLES } from '../../../src/domain/roles/roles.ts';
import { runCommand, unwrap } from '../run-command.ts';

interface Options {
  programme?: string;
  board?: string;
  workstream?: string;
  for?: string;
}

const request = (email: string, role: string, o: Options): GrantRequest => ({
  email,
  role,
  programme: o.programme ?? null,
  board: o.board ?? null,
  workstream: o.workstream ?? null,
  forEmail: o.for ?? null,
  actor: 'cli',
});

function scoped(cmd: Command): Command {
  return cmd
    .option('--programme <name>', 'the programme (needed when there are several)')
    .option('--board <name>', 'for a chair: the board they chair')
    .option('--workstream <ref>', 'for a workstream lead: the workstream (number, letter or name)')
    .option('--for <email>', 'for a delegate: the person they act for');
}

export function registerGrant(program: Command): void {
  scoped(program.command('grant <email> <role>').description(`give a person a role: ${ROLES.join(', ')}`)).action(
    (email: string, role: string, o: Options) =>
      runCommand(async ({ deps }) => console.log(unwrap(await grantRole(deps, request(email, role, o))))),
  );
  scoped(program.command('revoke <email> <role>').description('take a role back')).action((email: string, role: string, o: Options) =>
    runCommand(async ({ deps }) => console.log(unwrap(await revokeRole(deps, request(email, role, o))))),
  );
}

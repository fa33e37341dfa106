import { expect } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { addBoard } from '../../src/app/boards/manage-boards.ts';
import { importPeople } from '../../src/app/people/import-people.ts';
import { importRegister } from '../../src/app/register/import-register.ts';
import type { PlatformDirectory } from '../../src/app/ports/platform-directory.ts';
import { gridFromText } from '../../src/domain/register/grid.ts';
import { handleInbound } from '../../src/chat/router.ts';
import type { Inbound } from '../../src/chat/inbound.ts';
import type { Reply } from '../../src/chat/replies.ts';
import { renderBlockKit } from '../../adapters/slack/render/index.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import { grantRole } from '../../src/app/roles/grant-role.ts';
import { readRegisterFile } from '../../adapters/files/read-register-file.ts';

/**
 * What every threat test starts from: Hull's plan with a lead (Alex), another lead (Priya), the
 * board's chair (Helen) and a programme manager (Nadia), and a second programme, Kent, whose only
 * member is Kit. Everyone is already linked to their Slack and Teams ids, so a request changes
 * nothing unless it is let through.
 */

const person = (name: string, email: string, slack: string, teams: string) => ({
  name,
  email,
  slack: { id: slack, name, email },
  teams: { id: `29:${teams}`, name, aadObjectId: `aad-${teams}`, email },
});

export const PEOPLE = {
  alex: person('Alex Morgan', 'alex.morgan@hull.example', 'U0ALEX', 'alex'),
  priya: person('Priya Shah', 'priya.shah@hull.example', 'U0PRIYA', 'priya'),
  helen: person('Helen Carter', 'helen.carter@hull.example', 'U0HELEN', 'helen'),
  nadia: person('Nadia Hussain', 'nadia.hussain@hull.example', 'U0NADIA', 'nadia'),
  kit: person('Kit Ramsay', 'kit.ramsay@kent.example', 'U0KIT', 'kit'),
} as const;
export type Who = keyof typeof PEOPLE;

export const GOVERNANCE = { slack: 'C0GOVERN', teams: '19:channel-governance@thread.tacv2' } as const;
export const OTHER_CHANNEL = 'C0RANDOM';
export const KENT_CHANNEL = 'C0KENT';

const HULL_CSV = new URL('../../examples/hull-send-plan.csv', import.meta.url).pathname;
const HULL_PEOPLE_CSV = new URL('../../examples/hull-people.csv', import.meta.url).pathname;

export async function seedProgrammes(deps: AppDeps): Promise<void> {
  const seed = { ...deps, clock: { now: () => new Date('2024-01-15T10:00:00Z') } };
  const ok = (result: { ok: boolean }) => expect(result.ok).toBe(true);
  ok(await importPeople(seed, await readRegisterFile(HULL_PEOPLE_CSV), 'test'));
  ok(await importRegister(seed, { programme: 'Hull', grid: await readRegisterFile(HULL_CSV), actor: 'test', file: 'hull.csv' }));
  ok(await addBoard(seed, 'Hull', 'SEND Partnership Board', { rule: 'second Tuesday', chair: PEOPLE.helen.email, slackChannel: GOVERNANCE.slack, teamsChannel: GOVERNANCE.teams }, 'test'));
  ok(await grantRole(seed, { email: PEOPLE.nadia.email, role: 'programme-manager', programme: 'Hull', actor: 'test' }));

  ok(await importPeople(seed, gridFromText('kent-people.csv', [['Name', 'Email'], [PEOPLE.kit.name, PEOPLE.kit.email]]), 'test'));
  const register = gridFromText('kent.csv', [
    ['Ref', 'Workstream', 'Action', 'Lead', 'Due date', 'Status'],
    ['K1', 'A. Early help', 'Publish the early help offer', PEOPLE.kit.name, 'Mar-24', 'Off track'],
    ['K2', 'A. Early help', 'Train the family hubs', PEOPLE.kit.name, 'Jan-24', 'On track'],
  ]);
  ok(await importRegister(seed, { programme: 'Kent', grid: register, actor: 'test', file: 'kent.csv' }));
  ok(await addBoard(seed, 'Kent', 'Kent Improvement Board', { rule: 'first Monday', chair: PEOPLE.kit.email, slackChannel: KENT_CHANNEL }, 'test'));
  for (const p of Object.values(PEOPLE)) {
    const found = (await deps.store.people.findByEmail(p.email))!;
    await deps.store.people.rememberPlatformUser(found.id, 'slack', p.slack.id);
    await deps.store.people.rememberPlatformUser(found.id, 'teams', p.teams.aadObjectId);
  }
}

/** Ids an attacker would put into a crafted value: a programme, its board, and actions by ref. */
export async function idsOf(deps: AppDeps, programmeName: string, refs: readonly string[] = []) {
  const programme = (await deps.store.programmes.findByName(programmeName))!;
  const board = (await deps.store.boards.list(programme.id))[0]!;
  const actions = [];
  for (const ref of refs) actions.push((await deps.store.updates.actionForUpdate({ programmeId: programme.id, ref }))!);
  return { programme, board, actions };
}

/** Every table a request could write to: updates, actions, the outbox, the audit trail, people, grants, leave and boards. */
const WATCHED = ['StatusUpdate', 'Action', 'Outbox', 'AuditEntry', 'Person', 'RoleGrant', 'Absence', 'Board', 'Meeting', 'Programme'];

export type Snapshot = Record<string, unknown[]>;

export async function snapshot(db: Database): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of WATCHED) out[table] = (await db.pool.query(`SELECT * FROM "${table}" ORDER BY 1`)).rows;
  return out;
}

/** Asserts the attack changed no row: the tables read exactly as before it. */
export async function expectUnchanged(db: Database, before: Snapshot): Promise<void> {
  expect(await snapshot(db)).toEqual(before);
}

/** The platform directory: Slack and Teams ids to the emails their workspaces hold. */
export function directoryFor(platform: 'slack' | 'teams'): PlatformDirectory {
  const users = Object.values(PEOPLE).map((p) => ({ id: platform === 'slack' ? p.slack.id : p.teams.aadObjectId, email: p.email }));
  return {
    emailOf: async (id) => users.find((u) => u.id === id)?.email ?? null,
    userIdForEmail: async (email) => users.find((u) => u.email === email)?.id ?? null,
  };
}

/** Sends one neutral inbound event through the chat core, as either adapter would, failing the test on an unexpected error. */
export async function inbound(deps: AppDeps, event: Inbound): Promise<Reply[]> {
  return handleInbound({ deps, directory: directoryFor(event.caller.platform), onError: (error) => { throw error; } }, event);
}

/** What a person would read in the replies: every reply rendered as Block Kit, as plain words. */
export function wordsOf(replies: readonly Reply[]): string {
  return replies
    .map((r) => ('message' in r && r.message ? renderBlockKit(r.message).map((m) => JSON.stringify(m)).join(' ') : JSON.stringify(r)))
    .join(' ');
}

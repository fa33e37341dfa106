import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { killAll, show, stocktake } from './cli-harness.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// DESIGN's command table, with what each command's help must mention.
const COMMANDS: [command: string[], mentions: string[]][] = [
  [['migrate'], ['migrations']],
  [['import'], ['--programme', '--sheet', '--map', '--dry-run']],
  [['people'], ['--unresolved', 'import']],
  [['people', 'import'], ['Name,Email,Role,Aliases,Slack ID,Teams ID']],
  [['programme'], ['add', 'set', 'list']],
  [['grant'], ['--programme', '--board', '--workstream', '--for', 'lead', 'delegate', 'workstream-lead', 'chair', 'programme-manager', 'admin']],
  [['revoke'], ['--programme']],
  [['board'], ['add', 'set', 'list']],
  [['board', 'add'], ['--programme', '--meetings', '--rule', '--chair', '--slack-channel', '--teams-channel', '--ask-days']],
  [['overdue'], ['--programme', '--as-of', '--format']],
  [['report'], ['--programme', '--board', '--as-of', '--format', '--out']],
  [['serve'], ['/healthz']],
  [['demo'], ['demo']],
];

// Help needs no database: point the commands at a directory that does not exist and check it never appears.
let parent: string;
let dataDir: string;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'stocktake-help-'));
  dataDir = path.join(parent, 'never-created');
});

afterAll(async () => {
  await killAll();
  await rm(parent, { recursive: true, force: true });
});

describe('every command has --help', () => {
  it.concurrent.each(COMMANDS.map(([command, mentions]) => [command.join(' '), command, mentions] as const))(
    '`stocktake %s --help` exits 0 and describes its options',
    async (_name, command, mentions) => {
      const r = await stocktake(dataDir, [...command, '--help']);
      expect(r.code, show(r)).toBe(0);
      expect(r.stdout).toContain(`Usage: stocktake ${command.join(' ')}`);
      // Commander wraps descriptions to the terminal's width: compare with the line breaks taken out.
      const text = r.stdout.replace(/\s+/g, ' ');
      for (const mention of mentions) expect(text).toContain(mention);
      expect(r.stderr).toBe('');
    },
  );

  it.concurrent('`stocktake --help` lists every command in DESIGN’s table that exists so far', async () => {
    const r = await stocktake(dataDir, ['--help']);
    expect(r.code, show(r)).toBe(0);
    for (const command of ['migrate', 'import', 'people', 'programme', 'grant', 'revoke', 'board', 'overdue', 'report', 'serve', 'demo']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('opens no database to show help', async () => {
    // Runs after the concurrent tests above have finished.
    await expect(access(dataDir)).rejects.toThrow();
  });
});

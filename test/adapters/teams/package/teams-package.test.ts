import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../../../adapters/teams/package/build-package.ts';
import { buildManifest, PLACEHOLDER_APP_ID, type TeamsManifest } from '../../../../adapters/teams/package/manifest.ts';
import { findCommand } from '../../../../src/chat/router.ts';

const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function pixels(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height).data;
}

describe('the Teams app package', () => {
  let files: Record<string, Buffer>;
  let manifest: TeamsManifest;

  beforeAll(async () => {
    const built = await buildTeamsPackage({ appId: APP_ID, domains: ['https://stocktake.hull.example/api/messages'] });
    expect(built.warnings).toEqual([]);
    const zip = await JSZip.loadAsync(built.zip);
    files = {};
    for (const name of Object.keys(zip.files)) files[name] = await zip.file(name)!.async('nodebuffer');
    manifest = JSON.parse(files['manifest.json']!.toString('utf8')) as TeamsManifest;
  });

  it('holds exactly manifest.json, color.png and outline.png, at the root', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('has a 1.17 manifest naming the bot by its app id, in personal, team and group chat scopes', () => {
    expect(manifest.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json');
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'], isNotificationOnly: false });
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.validDomains).toEqual(['stocktake.hull.example']);
    expect(manifest.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it('lets the bot send files, so the board paper can be offered on a consent card in the 1:1 chat', () => {
    expect(manifest.bots[0]!.supportsFiles).toBe(true);
  });

  it('names and describes the app within Teams’ limits, with placeholder developer pages under example.org', () => {
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      expect(new URL(url).hostname).toBe('example.org');
      expect(url.startsWith('https://')).toBe(true);
    }
  });

  it('lists the commands for each scope: overdue, send-report, my actions and help, with their arguments', () => {
    const lists = manifest.bots[0]!.commandLists;
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    for (const list of lists) {
      const byTitle = Object.fromEntries(list.commands.map((c) => [c.title, c.description]));
      expect(Object.keys(byTitle)).toEqual(expect.arrayContaining(['overdue', 'send-report', 'my actions', 'help']));
      expect(byTitle.overdue).toContain('[workstream | @lead | mine]');
      expect(byTitle['send-report']).toContain('[board] [post]');
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect(c.description.length).toBeLessThanOrEqual(128);
        // Picking a command puts its title in the compose box: the bot must understand it as sent.
        expect(findCommand(c.title), c.title).not.toBeNull();
      }
    }
  });

  it('draws a 192×192 colour icon with no transparent pixel', async () => {
    expect(pngSize(files['color.png']!)).toEqual({ width: 192, height: 192 });
    const data = await pixels(files['color.png']!);
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) throw new Error(`pixel ${(i - 3) / 4} is not opaque`);
  });

  it('draws a 32×32 outline icon that is white on transparent and nothing else', async () => {
    expect(pngSize(files['outline.png']!)).toEqual({ width: 32, height: 32 });
    const data = await pixels(files['outline.png']!);
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a === 0) transparent += 1;
      else expect([r, g, b], `pixel ${i / 4}`).toEqual([255, 255, 255]);
      if (a === 255) opaque += 1;
    }
    expect(opaque).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(300);
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = await buildTeamsPackage({ appId: APP_ID, domains: ['https://stocktake.hull.example/api/messages'] });
    const first = await buildTeamsPackage({ appId: APP_ID, domains: ['https://stocktake.hull.example/api/messages'] });
    expect(again.zip.equals(first.zip)).toBe(true);
  });
});

describe('buildManifest', () => {
  it('uses a placeholder id with a loud warning when MICROSOFT_APP_ID is not set', () => {
    const { manifest, warnings } = buildManifest({});
    expect(manifest.id).toBe(PLACEHOLDER_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(PLACEHOLDER_APP_ID);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/MICROSOFT_APP_ID is not set/);
  });

  it('refuses an app id that is not a GUID, and a version that is not three numbers', () => {
    expect(() => buildManifest({ appId: 'my-bot' })).toThrow(/is not a GUID/);
    expect(() => buildManifest({ appId: APP_ID, version: '1.0' })).toThrow(/three numbers/);
  });
});

describe('npm run teams:package', () => {
  let dir: string;
  const run = promisify(execFile);
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const script = path.join(ROOT, 'scripts', 'teams-package.ts');
  const env = (): NodeJS.ProcessEnv => {
    const e = { ...process.env };
    delete e.MICROSOFT_APP_ID;
    return e;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-teams-package-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes dist/stocktake-teams.zip and says where it is and what to do next', async () => {
    const { stdout } = await run(tsx, [script, '--app-id', APP_ID], { cwd: dir, env: env() });
    const file = path.join(dir, 'dist', 'stocktake-teams.zip');
    expect(existsSync(file)).toBe(true);
    expect(stdout).toContain('Wrote dist/stocktake-teams.zip');
    expect(stdout).toContain('Upload a custom app');
    expect(stdout).toContain('/api/messages');
    const zip = await JSZip.loadAsync(await readFile(file));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('reads MICROSOFT_APP_ID from .env, and warns without one', async () => {
    const withEnv = await mkdtemp(path.join(dir, 'env-'));
    await writeFile(path.join(withEnv, '.env'), `MICROSOFT_APP_ID=${APP_ID}\n`);
    await run(tsx, [script, '--out', 'app.zip'], { cwd: withEnv, env: env() });
    const manifest = JSON.parse(await (await JSZip.loadAsync(await readFile(path.join(withEnv, 'app.zip')))).file('manifest.json')!.async('string')) as TeamsManifest;
    expect(manifest.id).toBe(APP_ID);

    const bare = await run(tsx, [script, '--out', 'bare.zip'], { cwd: dir, env: env() });
    expect(bare.stderr).toContain('WARNING: MICROSOFT_APP_ID is not set');
  });

  it('exits 1 with a reason for a bad app id', async () => {
    const failure = await run(tsx, [script, '--app-id', 'nonsense', '--out', 'x.zip'], { cwd: dir, env: env() }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('is not a GUID');
  });
});

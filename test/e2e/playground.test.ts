import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../src/domain/dates/calendar.ts';
import { eventually } from '../support/eventually.ts';
import { freshDataDir, killAll, removeDataDir, ROOT, show, startStocktake, stocktake } from './cli-harness.ts';
import { chromiumPresent, launchChromium, startPlayground, stopChild, waitForOutput, type Playground } from './playground-harness.ts';

// Long enough for the waits inside the test (the welcome, then the answer: 60 s each) to report first.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

interface OverdueJson {
  programme: string;
  asOf: string;
  items: { ref: string; title: string; workstream: string; daysOverdue: number }[];
}

/** What the Playground shows of the bot's answer: the cards' text and their tables' rows (header rows left out). */
interface Answer {
  text: string;
  rows: string[][];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

let workDir: string;
let dataDir: string;
let bot: ChildProcess;
let botPort: number;
let command: string;
let overdue: OverdueJson;
let playground: Playground | undefined;
let browser: BrowserContext | undefined;
let page: Page;

async function readAnswer(): Promise<Answer> {
  const cards = page.locator('.ac-adaptiveCard');
  const rows = await page
    .locator('.ac-adaptiveCard [role=row]')
    .evaluateAll((rs) => rs.map((r) => Array.from(r.querySelectorAll('[role=cell]'), (c) => (c as HTMLElement).innerText)));
  return { text: squash((await cards.allInnerTexts()).join('\n')), rows: rows.filter((r) => r.length > 0).map((r) => r.map(squash)) };
}

const actionRows = (answer: Answer) => answer.rows.filter((r) => r.length === 6);

/** Whether every part of the answer has arrived, by its own account: all the actions it counts, or "Showing n of N". */
function complete(answer: Answer): boolean {
  const total = Number(answer.text.match(/(\d+) actions? overdue across/)?.[1] ?? 0);
  const shown = actionRows(answer).length;
  return total > 0 && (shown === total || answer.text.includes(`Showing ${shown} of ${total}.`));
}

describe.skipIf(!chromiumPresent())('Teams through the Microsoft 365 Agents Playground, used in headless Chromium as a person would', () => {
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-playground-'));
    dataDir = await freshDataDir();
    const demo = await stocktake(dataDir, ['demo']);
    expect(demo.code, show(demo)).toBe(0);

    // As `npm start` runs it, on a free port, with no MICROSOFT_APP_* set: Teams in local mode.
    bot = startStocktake(dataDir, ['serve'], { PORT: '0', LOG_LEVEL: 'info', STOCKTAKE_SCHEDULER: 'off', MICROSOFT_APP_ID: '', MICROSOFT_APP_PASSWORD: '', MICROSOFT_APP_TENANT_ID: '' });
    const started = await waitForOutput(bot, /^\{.*"playground".*\}$/m, 180_000);
    const lines = started.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { port?: number; playground?: string });
    botPort = lines.find((l) => typeof l.port === 'number')!.port!;
    command = JSON.parse(started.match[0]).playground;

    // The answer the bot should give, from the same database through the command line.
    const listed = await stocktake(dataDir, ['overdue', '--programme', 'Hull', '--format', 'json']);
    expect(listed.code, show(listed)).toBe(0);
    overdue = JSON.parse(listed.stdout) as OverdueJson;

    playground = await startPlayground(command, path.join(workDir, 'playground.log'));
    browser = await launchChromium(path.join(workDir, 'chromium-profile'));
    page = browser.pages()[0] ?? (await browser.newPage());
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopChild(playground?.child);
    await killAll();
    await removeDataDir(dataDir);
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('prints at start-up the one Playground command, pointed at its own /api/messages, as the README gives it for port 3978', async () => {
    expect(command).toContain(` -e http://127.0.0.1:${botPort}/api/messages `);
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(command.replace(`:${botPort}/`, ':3978/'));
  });

  it('answers `overdue`, typed and sent in the Playground’s chat, with the overdue actions Stocktake holds for Hull', async () => {
    try {
      await page.goto(playground!.url);
      // The conversation is live once the bot's welcome (sent when the Playground installs it) is on the page;
      // text typed before that is lost when the chat re-renders.
      await page.getByLabel('Message author').filter({ hasText: 'Stocktake' }).first().waitFor({ timeout: 60_000 });
      const compose = page.getByRole('textbox');
      await compose.click();
      await compose.pressSequentially('overdue');
      await eventually(async () => squash(await compose.innerText()) === 'overdue');
      await page.getByRole('button', { name: 'Send Message' }).click();
      let seen: Answer = { text: '', rows: [] };
      const answer = await eventually(async () => {
        seen = await readAnswer();
        return complete(seen) ? seen : null;
      }, 60_000).catch((error: unknown) => {
        throw new Error(`No complete overdue list arrived; the Playground's cards showed: ${seen.text || '(none)'}`, { cause: error });
      });

      const { programme, asOf, items } = overdue;
      expect(items.length).toBeGreaterThan(1);
      expect(answer.text).toContain(`Overdue actions — ${programme}`);
      const workstreams = [...new Set(items.map((i) => i.workstream))];
      expect(answer.text).toContain(`As at ${formatDate(asOf)} · ${items.length} actions overdue across ${workstreams.length} workstreams`);
      const actions = actionRows(answer);
      expect(actions.length).toBeGreaterThan(0);
      // Each row: ref, action, lead, due, "N days", status — the first overdue actions, in register order.
      expect(actions.map(([ref, title, , , days]) => [ref, title, Number.parseInt(days!, 10)])).toEqual(
        items.slice(0, actions.length).map((i) => [i.ref, squash(i.title), i.daysOverdue]),
      );
      if (actions.length < items.length) {
        // A cut list counts every workstream, so nothing overdue goes unmentioned.
        expect(answer.rows.filter((r) => r.length === 2)).toEqual(workstreams.map((w) => [squash(w), String(items.filter((i) => i.workstream === w).length)]));
      }
    } catch (error) {
      const shots = await mkdtemp(path.join(os.tmpdir(), 'stocktake-playground-failure-'));
      await page.screenshot({ path: path.join(shots, 'playground.png'), fullPage: true }).catch(() => {});
      if (error instanceof Error) error.message += `\nScreenshot: ${shots}/playground.png\n--- Playground\n${playground?.output()}`;
      throw error;
    }
  });
});

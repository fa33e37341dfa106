import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegisterFile } from '../../adapters/files/read-register-file.ts';
import type { Database } from '../../adapters/store/open-database.ts';
import { HULL_CSV, tableCounts } from '../support/app.ts';
import { show, stocktake, type CliResult } from '../e2e/cli-harness.ts';
import { readDatabase, seededDataDir } from './hull-cycle.ts';
import { random as seededRandom } from '../../scripts/bench/synthetic.ts';

/**
 * A register file that is damaged or cut short must be refused with a message naming the file (and
 * the row, where there is one), exit status 1 (DESIGN: a user's error), and nothing written: the
 * programme already holds Hull's register, and after each refusal it holds exactly what it did.
 * Each file is imported by the real command line into its own copy of the seeded data directory.
 */

const SEED = 20261123;
// A command opening PGlite in a fresh process: seconds, more on a busy two-core machine with others running.
const CLI_TIMEOUT = 150_000;

/** Hull's register as an Excel workbook, as a council would keep it. */
async function hullWorkbook(): Promise<Buffer> {
  const grid = await readRegisterFile(HULL_CSV);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Action plan');
  for (const row of grid.rows) sheet.addRow(row.map((c) => c.text));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Everything an import writes, to the row: counts of every table it touches and a digest of the actions. */
async function registerState(db: Database): Promise<{ counts: Record<string, number>; actions: string }> {
  const { rows } = await db.pool.query(`SELECT ref, title, status, "statusWord", "dueDate", "inRegister" FROM "Action" ORDER BY ref, title`);
  return { counts: await tableCounts(db), actions: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
}

/** The offset of the `n`-th comma outside quotes from `from` on. */
function nthSeparator(text: string, from: number, n: number): number {
  let quoted = false;
  for (let i = from, seen = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ',' && !quoted && ++seen === n) return i;
  }
  throw new Error(`fewer than ${n} separators after ${from}`);
}

interface Damaged {
  name: string;
  bytes: Buffer;
  /** What stderr must say, beyond naming the file. */
  says: RegExp;
}

describe('importing a damaged or cut-short register (embedded PGlite, the real command line)', () => {
  let seeded: { dir: string; dispose(): Promise<void> };
  let work: string;
  let before: Awaited<ReturnType<typeof registerState>>;
  const files: Damaged[] = [];

  beforeAll(async () => {
    seeded = await seededDataDir();
    before = await readDatabase({ dataDir: seeded.dir }, registerState);
    work = await mkdtemp(path.join(os.tmpdir(), 'stocktake-damaged-'));
    const next = seededRandom(SEED);
    console.log(`damaged-file seed: ${SEED}`);

    const csv = await readFile(HULL_CSV);
    const xlsx = await hullWorkbook();
    const broken = await JSZip.loadAsync(xlsx);
    const sheetXml = await broken.file('xl/worksheets/sheet1.xml')!.async('string');
    broken.file('xl/worksheets/sheet1.xml', sheetXml.slice(0, Math.floor(sheetXml.length * 0.6)));
    // Where Hull's 42nd row (a quoted priority, then plain cells) starts in the file, counted in bytes.
    const records = parse(csv.toString('latin1'), { info: true, relax_column_count: true, relax_quotes: true }) as unknown as { info: { bytes: number } }[];
    const rowStart = records[40]!.info.bytes;
    // Cut part-way through it, just before its third comma outside quotes: three cells of ten.
    const cutMidRow = nthSeparator(csv.toString('latin1'), rowStart, 3);
    // Cut inside its first cell, whose opening quote is then never closed.
    const cutInQuotes = rowStart + 30;

    files.push(
      { name: 'random-bytes.xlsx', bytes: Buffer.from(Array.from({ length: 65_536 }, () => Math.floor(next() * 256))), says: /is not an \.xlsx workbook/ },
      { name: 'broken-sheet.xlsx', bytes: Buffer.from(await broken.generateAsync({ type: 'nodebuffer' })), says: /could not be opened as an \.xlsx workbook; it may be damaged: part of it cannot be read/ },
      { name: 'truncated.xlsx', bytes: xlsx.subarray(0, Math.floor(xlsx.length * (0.3 + next() * 0.5))), says: /looks cut short/ },
      { name: 'truncated-mid-row.csv', bytes: csv.subarray(0, cutMidRow), says: /looks cut short: its last row \(row 42\) stops part-way, with 3 of the 10 cells/ },
      { name: 'truncated-in-quotes.csv', bytes: csv.subarray(0, cutInQuotes), says: /the quote that opens a cell in row 42 is never closed, so the file looks cut short/ },
      { name: 'random-bytes.csv', bytes: Buffer.from(Array.from({ length: 4096 }, () => Math.floor(next() * 256))), says: /is not a CSV text file/ },
    );
    for (const f of files) await writeFile(path.join(work, f.name), f.bytes);
  });

  afterAll(async () => {
    await seeded?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('refuses each with exit status 1, names the file (and the row where there is one), and writes nothing', async () => {
    // One copy of the seeded directory per file, so the commands can run side by side.
    const results = await Promise.all(
      files.map(async (f): Promise<{ file: Damaged; result: CliResult; after: Awaited<ReturnType<typeof registerState>> }> => {
        const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stocktake-damaged-data-'));
        try {
          await cp(seeded.dir, dataDir, { recursive: true });
          const file = path.join(work, f.name);
          const result = await stocktake(dataDir, ['import', file, '--programme', 'Hull'], { env: { LOG_LEVEL: 'silent' }, timeoutMs: CLI_TIMEOUT });
          return { file: f, result, after: await readDatabase({ dataDir }, registerState) };
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
    );
    for (const { file, result, after } of results) {
      expect(result.code, `${file.name}: ${show(result)}`).toBe(1);
      expect(result.stderr, file.name).toContain(`"${path.join(work, file.name)}"`);
      expect(result.stderr, file.name).toMatch(file.says);
      expect(result.stderr, `${file.name}: an internal error reached the user`).not.toMatch(/Internal error|\n\s+at /);
      expect(after, `${file.name} changed the database`).toEqual(before);
    }
  }, 4 * CLI_TIMEOUT);
});

import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { show, startStocktake } from '../e2e/cli-harness.ts';
import { readDatabase, seededDataDir } from './hull-cycle.ts';

/**
 * A register of 100,000 actions, made here as a county-wide programme would keep one, imported by the
 * real command line into the embedded database. It must finish, be right (counts and spot checks
 * against the generator), and say what it did; its time and peak memory are printed, not asserted.
 */

const ROWS = 100_000;
const WORKSTREAMS = 40;
const PER_WORKSTREAM = ROWS / WORKSTREAMS;
const IMPORT_TIMEOUT = 600_000;

const THEMES = ['Identify need early', 'Improve EHCP timeliness', 'Strengthen co-production with families', 'Preparation for adulthood', 'Inclusive mainstream provision'];
const VERBS = ['Review', 'Publish', 'Embed', 'Audit', 'Co-produce', 'Train staff on', 'Commission', 'Evaluate'];
const OBJECTS = ['the Local Offer', 'annual review processes', 'the graduated approach', 'transition plans', 'the SEND sufficiency plan', 'alternative provision'];
// Hull's people by name, initials, alias and role, a pair, and a lead the directory does not know.
const LEADS = ['Alex Morgan', 'PS', 'Jordan Ellis / Sam Okafor', 'AD Learning and Skills', 'Chris Patel', 'Head of Virtual School', 'Robin Hughes; Taylor Brooks'];
const STATUSES: [word: string, brag: string][] = [
  ['On track', 'green'],
  ['On track some concerns', 'amber'],
  ['Off track', 'red'],
  ['Complete', 'blue'],
  ['Not started', 'grey'],
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Expected {
  ref: string;
  workstream: string;
  title: string;
  lead: string;
  due: string;
  /** The due date as stored, and its precision; null for TBC. */
  dueDate: string | null;
  precision: 'day' | 'month' | null;
  status: [word: string, brag: string];
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Row `i` of the register (0-based), a pure function of `i`, so any row can be checked without keeping them all. */
function row(i: number): Expected {
  const w = Math.floor(i / PER_WORKSTREAM);
  const n = (i % PER_WORKSTREAM) + 1;
  const year = 2024 + (i % 3);
  const month = (i % 12) + 1;
  const kind = i % 10;
  let due: string;
  let dueDate: string | null;
  let precision: Expected['precision'];
  if (kind === 9) [due, dueDate, precision] = ['TBC', null, null];
  else if (kind % 2 === 0) {
    const day = (i % 28) + 1;
    due = `${String(day).padStart(2, '0')}-${MONTHS[month - 1]}-${String(year % 100)}`;
    [dueDate, precision] = [`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, 'day'];
  } else {
    due = `${MONTHS[month - 1]}-${String(year % 100)}`;
    [dueDate, precision] = [`${year}-${String(month).padStart(2, '0')}-${lastDay(year, month)}`, 'month'];
  }
  return {
    ref: `${w + 1}.${n}`,
    workstream: `${w + 1}. ${THEMES[w % THEMES.length]} (${['North', 'South', 'East', 'West', 'Central', 'Coastal', 'Rural', 'City'][w % 8]} locality)`,
    title: `${VERBS[i % VERBS.length]} ${OBJECTS[(i >> 3) % OBJECTS.length]}, step ${n} for ${w + 1}`,
    lead: LEADS[i % LEADS.length]!,
    due,
    dueDate,
    precision,
    status: STATUSES[(i >> 1) % STATUSES.length]!,
  };
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function registerCsv(): string {
  const lines = ['Ref,Priority,Action,Success criteria,Lead,Start Date,Due Date,Status (RAGP)'];
  for (let i = 0; i < ROWS; i++) {
    const r = row(i);
    lines.push([r.ref, r.workstream, r.title, `Measured at the ${MONTHS[i % 12]} board, "before and after"`, r.lead, 'Apr-24', r.due, r.status[0]].map(quote).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The process's peak resident memory so far (VmHWM) in MB, and the CPU seconds it has used; null once it has gone. */
async function usage(pid: number): Promise<{ peakMb: number; cpuSeconds: number } | null> {
  const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]).catch(() => [null, null]);
  const kb = status && /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb || !stat) return null;
  // utime and stime, in clock ticks (100 a second on Linux), follow the command's name in brackets.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { peakMb: Number(kb) / 1024, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
}

describe(`importing a register of ${ROWS.toLocaleString('en-GB')} actions (embedded PGlite, the real command line)`, () => {
  let seeded: { dir: string; dispose(): Promise<void> };
  let file: string;

  beforeAll(async () => {
    seeded = await seededDataDir();
    file = path.join(seeded.dir, 'county-register.csv');
    await writeFile(file, registerCsv());
  });
  afterAll(async () => {
    if (file) await rm(file, { force: true });
    await seeded?.dispose();
  });

  it('imports every row correctly in one run, and reports its time and peak memory', async () => {
    const started = Date.now();
    const child = startStocktake(seeded.dir, ['import', file, '--programme', 'County SEND'], { LOG_LEVEL: 'silent' });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    let peak = 0;
    let cpu = 0;
    const sampler = setInterval(
      () =>
        void usage(child.pid!).then((u) => {
          peak = Math.max(peak, u?.peakMb ?? 0);
          cpu = Math.max(cpu, u?.cpuSeconds ?? 0);
        }),
      100,
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), IMPORT_TIMEOUT);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('close', (c, s) => resolve([c, s])));
    clearInterval(sampler);
    clearTimeout(timer);
    const seconds = (Date.now() - started) / 1000;
    console.log(`import of ${ROWS} rows: ${seconds.toFixed(1)} s elapsed, ${cpu.toFixed(1)} s of CPU, peak RSS ${peak.toFixed(0)} MB (the whole command: start-up, reading, planning, writing)`);
    expect(code, show({ code, signal, stdout, stderr })).toBe(0);
    expect(stdout).toContain(`${ROWS} actions under ${WORKSTREAMS} workstreams: ${ROWS} new, 0 updated, 0 unchanged, 0 no longer in the register.`);
    // The one lead nobody matches is listed once, however many rows name them.
    expect(stdout.match(/^ {2}Head of Virtual School$/gm)).toHaveLength(1);

    const checks = [0, 1, 9, 2_499, 2_500, 49_999, 77_777, ROWS - 1];
    const found = await readDatabase({ dataDir: seeded.dir }, async (db) => {
      const programme = await db.prisma.programme.findUniqueOrThrow({ where: { name: 'County SEND' } });
      const counts = {
        actions: await db.prisma.action.count({ where: { programmeId: programme.id } }),
        workstreams: await db.prisma.workstream.count({ where: { programmeId: programme.id } }),
        leads: await db.prisma.actionLead.count({ where: { action: { programmeId: programme.id } } }),
        imports: await db.prisma.importRun.count({ where: { programmeId: programme.id } }),
        hullActions: await db.prisma.action.count({ where: { programme: { name: 'Hull' } } }),
      };
      const rows = await db.prisma.action.findMany({
        where: { programmeId: programme.id, ref: { in: checks.map((i) => row(i).ref) } },
        include: { workstream: true, leads: { include: { person: true }, orderBy: { position: 'asc' } } },
      });
      return { counts, rows };
    });

    const pairs = (i: number) => (/[/;]/.test(LEADS[i % LEADS.length]!) ? 2 : 1);
    let expectedLeads = 0;
    for (let i = 0; i < ROWS; i++) expectedLeads += pairs(i);
    expect(found.counts).toEqual({ actions: ROWS, workstreams: WORKSTREAMS, leads: expectedLeads, imports: 1, hullActions: 63 });

    for (const i of checks) {
      const want = row(i);
      const got = found.rows.find((a) => a.ref === want.ref);
      expect(got, `row ${i + 2} (${want.ref}) is missing`).toBeDefined();
      expect({
        title: got!.title,
        workstream: want.workstream.endsWith(got!.workstream.name),
        due: got!.dueDate?.toISOString().slice(0, 10) ?? null,
        precision: got!.duePrecision,
        status: [got!.statusWord, got!.status],
        leadsText: got!.leadsText,
        sourceRow: got!.sourceRow,
      }).toEqual({ title: want.title, workstream: true, due: want.dueDate, precision: want.precision, status: want.status, leadsText: want.lead, sourceRow: i + 2 });
    }
    // Leads resolved through the directory: by name, by initials, by alias; the unknown one kept as written.
    const byRef = (i: number) => found.rows.find((a) => a.ref === row(i).ref)!;
    expect(byRef(0).leads.map((l) => l.person?.name ?? null)).toEqual(['Alex Morgan']);
    expect(byRef(1).leads.map((l) => l.person?.name ?? null)).toEqual(['Priya Shah']);
    expect(byRef(9).leads.map((l) => l.person?.name ?? null)).toEqual(['Jordan Ellis', 'Sam Okafor']);
    expect(byRef(49_999).leads.map((l) => [l.name, l.person?.name ?? null])).toEqual([['Head of Virtual School', null]]);
  }, IMPORT_TIMEOUT + 60_000);
});

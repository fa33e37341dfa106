import type { Brag } from '../../src/domain/brag.ts';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';
import { addDays } from '../../src/domain/dates/calendar.ts';
import { gridFromText, type Grid } from '../../src/domain/register/grid.ts';

/** A small seeded generator (mulberry32), so every run of the bench writes the same programme. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function weighted<T>(rand: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

const FIRST = ['Alex', 'Priya', 'Jordan', 'Sam', 'Kate', 'Mohammed', 'Ruth', 'Daniel', 'Aisha', 'Tom', 'Grace', 'Imran', 'Helen', 'Owen', 'Fatima', 'Liam', 'Chloe', 'Ravi', 'Megan', 'Peter'];
const LAST = ['Morgan', 'Shah', 'Ellis', 'Okafor', 'Davies', 'Khan', 'Walsh', 'Hughes', 'Begum', 'Price', 'Clarke', 'Ahmed', 'Taylor', 'Evans', 'Hussain', 'Reid', 'Patel', 'Brooks', 'Lewis', 'Wood'];
const ROLES = ['Head of', 'Assistant Director', 'Service Manager', 'Team Manager', 'Lead Officer', 'Principal Officer', 'Commissioning Manager', 'Strategic Lead', 'Quality Lead', 'Programme Lead'];
const AREAS = ['SEND', 'Inclusion', 'Early Years', 'Health', 'Social Care', 'Educational Psychology', 'Transport', 'Preparing for Adulthood', 'Commissioning', 'Performance', 'Participation', 'Alternative Provision', 'Speech and Language', 'CAMHS', 'Short Breaks', 'Local Offer', 'Annual Reviews', 'EHCP Assessment', 'Post-16', 'Workforce'];

export interface SyntheticPerson {
  name: string;
  email: string;
  jobTitle: string;
}

/** `count` people with distinct names, emails and job titles ("Head of Transport"). */
export function syntheticPeople(count: number): SyntheticPerson[] {
  const people: SyntheticPerson[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const round = Math.floor(i / (FIRST.length * LAST.length));
    const name = round ? `${first} ${last} ${round + 1}` : `${first} ${last}`;
    const role = ROLES[i % ROLES.length]!;
    const area = AREAS[Math.floor(i / ROLES.length) % AREAS.length]!;
    const jobRound = Math.floor(i / (ROLES.length * AREAS.length));
    people.push({
      name,
      email: `${name.toLowerCase().replace(/\s+/g, '.')}@bench.example`,
      jobTitle: `${role} ${area}${jobRound ? ` ${jobRound + 1}` : ''}`,
    });
  }
  return people;
}

/** The directory file: `Name,Email,Role,Aliases` (aliases are initials and a number, never ambiguous). */
export function peopleGrid(people: readonly SyntheticPerson[]): Grid {
  const initials = (name: string) => name.split(' ').map((w) => w[0]).join('');
  return gridFromText('bench-people.csv', [
    ['Name', 'Email', 'Role', 'Aliases'],
    ...people.map((p, i) => [p.name, p.email, p.jobTitle, `${initials(p.name)}${i + 1}`]),
  ]);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STATUS_WORDS = ['Complete', 'On track no concerns', 'On track some concerns', 'Off track', 'Not started'] as const;
const VERBS = ['Review', 'Embed', 'Develop', 'Publish', 'Audit', 'Refresh', 'Co-produce', 'Commission', 'Train staff on', 'Evaluate'];
const OBJECTS = ['the graduated approach', 'EHCP timeliness', 'the Local Offer', 'transition planning', 'parent carer feedback', 'annual review quality', 'the inclusion toolkit', 'speech and language pathways', 'the SEND QA framework', 'alternative provision'];

function dayCell(date: CalendarDate): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}-${MONTHS[Number(m) - 1]}-${y!.slice(2)}`;
}

function monthCell(date: CalendarDate): string {
  const [y, m] = date.split('-');
  return `${MONTHS[Number(m) - 1]}-${y!.slice(2)}`;
}

export interface RegisterShape {
  actions: number;
  priorities: number;
  people: readonly SyntheticPerson[];
  /** Dates are placed around this day: about 55% of due dates have passed. */
  asOf: CalendarDate;
}

/** Which rows a re-import changes: one row in ten gets another status word and a due date a month later. */
export const changesInVariant = (row: number) => row % 10 === 3;

/**
 * A register like Hull's, plus a Ref column ("12.34"): `actions` rows spread over `priorities`
 * priorities, leads drawn from the directory (a name, a job title, two names, or someone the
 * directory lacks). Variant 1 is the same register a month on: one row in ten changed.
 */
export function registerGrid(shape: RegisterShape, variant: 0 | 1): Grid {
  const rand = random(20240601);
  const perPriority = Math.ceil(shape.actions / shape.priorities);
  const rows: string[][] = [['Ref', 'Priority', 'Action', 'Success criteria', 'Strategic Lead', 'Start Date', 'Due Date', 'Status (RAGP)']];
  for (let i = 0; i < shape.actions; i++) {
    const p = Math.floor(i / perPriority) + 1;
    const n = (i % perPriority) + 1;
    const priority = `${p}. To improve ${AREAS[(p - 1) % AREAS.length]!.toLowerCase()} outcomes for children and young people with SEND`;
    const title = `${pick(rand, VERBS)} ${pick(rand, OBJECTS)} (${p}.${n})`;
    const person = pick(rand, shape.people);
    const other = pick(rand, shape.people);
    const lead = weighted<string>(rand, [
      [person.name, 60],
      [person.jobTitle, 15],
      [other.name === person.name ? person.name : `${person.name} / ${other.name}`, 15],
      [`${person.name}; ${other.jobTitle}`, 5],
      ['Interim Virtual School Head', 5],
    ]);
    const start = addDays(shape.asOf, -Math.floor(rand() * 720) - 30);
    let due = addDays(shape.asOf, Math.floor(rand() * 900) - 540);
    const dueKind = weighted<'day' | 'month' | 'tbc' | 'blank'>(rand, [['day', 60], ['month', 30], ['tbc', 5], ['blank', 5]]);
    let word: string = weighted(rand, STATUS_WORDS.map((w, k) => [w, [20, 30, 20, 10, 20][k]!] as const));
    if (variant === 1 && changesInVariant(i)) {
      word = STATUS_WORDS[(STATUS_WORDS.indexOf(word as (typeof STATUS_WORDS)[number]) + 1) % STATUS_WORDS.length]!;
      due = addDays(due, 31);
    }
    const dueText = dueKind === 'day' ? dayCell(due) : dueKind === 'month' ? monthCell(due) : dueKind === 'tbc' ? 'TBC' : '';
    rows.push([`${p}.${n}`, priority, title, `Evidence that ${title.toLowerCase()} has improved practice`, lead, monthCell(start), dueText, word]);
  }
  return gridFromText(`bench-register-v${variant}.csv`, rows);
}

/** An action as the bulk update writer needs it. */
export interface ActionForUpdates {
  id: string;
  leads: { personId: string | null; name: string }[];
}

export interface UpdateColumns {
  id: string[];
  actionId: string[];
  authorId: (string | null)[];
  authorName: string[];
  status: Brag[];
  statusWord: string[];
  note: string[];
  source: string[];
  /** UTC wall-clock text, as Prisma stores a DateTime in `timestamp(3)`. */
  createdAt: string[];
}

const UPDATE_WORDS: Record<Brag, string> = { blue: 'Complete', green: 'On track', amber: 'Some concerns', red: 'Off track', grey: 'Not started' };
const DAY_MS = 86_400_000;

export const utcText = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * `count` updates spread over the year before `now`, as columns for one bulk INSERT. One action in
 * four has been quiet for the last 60 days (so the report has leads to chase); the rest are spread evenly.
 */
export function syntheticUpdates(actions: readonly ActionForUpdates[], count: number, now: Date, newId: () => string): UpdateColumns {
  const rand = random(7_654_321);
  const quiet = new Set(actions.filter(() => rand() < 0.25).map((a) => a.id));
  const cols: UpdateColumns = { id: [], actionId: [], authorId: [], authorName: [], status: [], statusWord: [], note: [], source: [], createdAt: [] };
  for (let i = 0; i < count; i++) {
    const action = actions[Math.floor(rand() * actions.length)]!;
    let ago = 3_600_000 + rand() * 365 * DAY_MS;
    if (quiet.has(action.id) && ago < 60 * DAY_MS) ago += 60 * DAY_MS;
    const status = weighted<Brag>(rand, [['green', 35], ['amber', 20], ['red', 10], ['grey', 15], ['blue', 20]]);
    const lead = action.leads.length ? action.leads[Math.floor(rand() * action.leads.length)]! : null;
    cols.id.push(newId());
    cols.actionId.push(action.id);
    cols.authorId.push(lead?.personId ?? null);
    cols.authorName.push(lead?.name ?? 'Programme office');
    cols.status.push(status);
    cols.statusWord.push(UPDATE_WORDS[status]);
    cols.note.push(`Update ${i + 1}: ${pick(rand, VERBS).toLowerCase()} ${pick(rand, OBJECTS)} is ${UPDATE_WORDS[status].toLowerCase()}.`);
    cols.source.push(weighted(rand, [['slack', 60], ['teams', 30], ['cli', 10]]));
    cols.createdAt.push(utcText(new Date(now.getTime() - ago)));
  }
  return cols;
}

/** The board's meetings: every four weeks, the next one 9 days after `asOf`, so the previous one was 19 days before it. */
export function meetingDates(asOf: CalendarDate): CalendarDate[] {
  return Array.from({ length: 14 }, (_, k) => addDays(asOf, 9 - 28 * (12 - k)));
}

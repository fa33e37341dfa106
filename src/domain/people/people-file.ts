import type { Grid } from '../register/grid.ts';
import type { Issue } from '../register/interpret.ts';

export interface PersonRow {
  row: number;
  name: string;
  email: string | null;
  jobTitle: string | null;
  aliases: string[];
  slackUserId: string | null;
  teamsUserId: string | null;
}

const HEADERS: Record<keyof Omit<PersonRow, 'row'>, RegExp> = {
  name: /^(full )?name$/i,
  email: /^e-?mail( address)?$/i,
  jobTitle: /^(role|job title|title)$/i,
  aliases: /^alias(es)?$/i,
  slackUserId: /^slack( user)? id$/i,
  teamsUserId: /^(teams|aad|entra)( user| object)? id$/i,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The directory file (`Name,Email,Role,Aliases,Slack ID,Teams ID`): one person a row, aliases `;`-separated. */
export function readPeopleGrid(grid: Grid): { people: PersonRow[]; errors: Issue[] } {
  const header = grid.rows[0]?.map((c) => c.text.trim()) ?? [];
  const index = Object.fromEntries(
    Object.entries(HEADERS).map(([field, re]) => [field, header.findIndex((h) => re.test(h))]),
  ) as Record<keyof typeof HEADERS, number>;
  if (index.name < 0) {
    return { people: [], errors: [{ row: 1, message: `No "Name" column: the header row should read Name,Email,Role,Aliases,Slack ID,Teams ID (found: ${header.join(', ') || 'nothing'}).` }] };
  }
  const people: PersonRow[] = [];
  const errors: Issue[] = [];
  const seen = new Map<string, number>();
  grid.rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (field: keyof typeof HEADERS) => (index[field] >= 0 ? (cells[index[field]]?.text.trim() ?? '') : '');
    if (cells.every((c) => !c.text.trim())) return;
    const name = cell('name');
    const email = cell('email').toLowerCase() || null;
    if (!name) return void errors.push({ row, column: header[index.name], message: 'A person needs a name.' });
    if (email && !EMAIL.test(email)) return void errors.push({ row, column: header[index.email], message: `"${email}" is not an email address.` });
    if (email && seen.has(email)) return void errors.push({ row, column: header[index.email], message: `${email} is also on row ${seen.get(email)}.` });
    if (email) seen.set(email, row);
    people.push({
      row,
      name,
      email,
      jobTitle: cell('jobTitle') || null,
      aliases: cell('aliases').split(/[;\n]/).map((a) => a.trim()).filter(Boolean),
      slackUserId: cell('slackUserId') || null,
      teamsUserId: cell('teamsUserId') || null,
    });
  });
  return { people, errors };
}

import { normaliseName, tidyLeadText } from './normalise-name.ts';

/** Always separate leads: "KD/JG/SN", "A; B", one per line. */
const ALWAYS = /[/;\r\n]+/;
/** Separate leads only when every part is a known person (DESIGN, "Leads in a cell"). */
const COMMA = /\s*,\s*/;
const AND = /\s+(?:and|&)\s+/i;

/**
 * Splits a register's lead cell into leads. A comma, " and " or " & " splits only when every part
 * is a person the directory knows, so role titles such as "Assistant Director Learning and Skills"
 * or "Standards & Effectiveness Officer" stay whole. Parts are tidied (see `tidyLeadText`),
 * and repeats are dropped.
 */
export function splitLeads(cell: string, isPerson: (name: string) => boolean): string[] {
  const leads: string[] = [];
  const seen = new Set<string>();
  for (const chunk of cell.split(ALWAYS)) {
    for (const lead of splitChunk(tidyLeadText(chunk), isPerson)) {
      const key = normaliseName(lead);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      leads.push(lead);
    }
  }
  return leads;
}

function splitChunk(chunk: string, isPerson: (name: string) => boolean): string[] {
  if (chunk === '') return [];
  if (isPerson(chunk)) return [chunk];
  const commaParts = parts(chunk, COMMA);
  // A stray leading or trailing comma ("Jane Smith,") is not a separator.
  if (commaParts.length === 1) return peopleIn(commaParts[0]!, isPerson) ?? [commaParts[0]!];
  if (commaParts.length > 1) {
    // "Jane Smith, Ali Khan and Sam Lee": each comma part is a person or a list of them.
    const people = commaParts.map((part) => peopleIn(part, isPerson));
    if (people.every((p) => p !== null)) return people.flat() as string[];
    return [chunk];
  }
  return peopleIn(chunk, isPerson) ?? [chunk];
}

/** The people a comma-free part names, or null when it is not wholly made of known people. */
function peopleIn(part: string, isPerson: (name: string) => boolean): string[] | null {
  if (isPerson(part)) return [part];
  const andParts = parts(part, AND);
  if (andParts.length > 1 && andParts.every(isPerson)) return andParts;
  return null;
}

function parts(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map(tidyLeadText)
    .filter((p) => p !== '');
}

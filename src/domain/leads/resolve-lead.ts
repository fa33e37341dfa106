import { normaliseName } from './normalise-name.ts';

/** A person in the programme's directory (the people file). */
export interface DirectoryPerson {
  id: string;
  name: string;
  email: string | null;
  /** A job title such as "Head of Service (SEND)": used to match leads named by role, grants nothing. */
  jobTitle: string | null;
  /** Initials, role titles and other names the registers use for this person. */
  aliases: string[];
}

export type LeadMatch =
  | { person: DirectoryPerson; matchedBy: 'email' | 'name' | 'alias' | 'job title' | 'initials' }
  | { person: null; reason: string; candidates: DirectoryPerson[] };

export type LeadResolver = (text: string) => LeadMatch;

type Tier = { by: 'email' | 'name' | 'alias' | 'job title' | 'initials'; index: Map<string, DirectoryPerson[]> };

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'cllr', 'sir', 'dame']);

/**
 * Builds a resolver over a directory once, for importing many rows. Tiers are tried in order —
 * email, name, alias, job title, then initials worked out from names — and the first tier that
 * matches decides: one person is a match, several are ambiguous and match no one.
 */
export function createLeadResolver(directory: readonly DirectoryPerson[]): LeadResolver {
  const tiers: Tier[] = [
    { by: 'email', index: indexBy(directory, (p) => (p.email ? [p.email] : [])) },
    { by: 'name', index: indexBy(directory, (p) => [p.name]) },
    { by: 'alias', index: indexBy(directory, (p) => p.aliases) },
    { by: 'job title', index: indexBy(directory, (p) => (p.jobTitle ? [p.jobTitle] : [])) },
    { by: 'initials', index: indexBy(directory, (p) => [initialsOf(p.name)]) },
  ];
  return (text) => {
    const key = normaliseName(text);
    const shown = text.replace(/\s+/g, ' ').trim();
    if (key === '') return { person: null, reason: 'No lead was given.', candidates: [] };
    for (const tier of tiers) {
      // Worked-out initials are a guess: only try them for text written as initials ("KD").
      if (tier.by === 'initials' && !/^[A-Z]{2,4}$/.test(shown.replace(/\.$/, ''))) continue;
      const found = tier.index.get(key);
      if (!found) continue;
      if (found.length === 1) return { person: found[0]!, matchedBy: tier.by };
      const names = found.map((p) => p.name).join(', ');
      return {
        person: null,
        reason: `"${shown}" could be any of ${names} (same ${tier.by}); name the person or give their email.`,
        candidates: found,
      };
    }
    return { person: null, reason: `No one in the directory matches "${shown}".`, candidates: [] };
  };
}

/** Finds the one directory person a register's lead text names, or null with a reason. */
export function resolveLead(text: string, directory: readonly DirectoryPerson[]): LeadMatch {
  return createLeadResolver(directory)(text);
}

/**
 * The `isPerson` test for `splitLeads`: true when the text names someone in the directory,
 * even ambiguously — "KD, JG" is still two people when two share the initials KD.
 */
export function isPersonIn(directory: readonly DirectoryPerson[]): (name: string) => boolean {
  const resolve = createLeadResolver(directory);
  return (name) => {
    const match = resolve(name);
    return match.person !== null || match.candidates.length > 0;
  };
}

function indexBy(directory: readonly DirectoryPerson[], keys: (p: DirectoryPerson) => string[]): Map<string, DirectoryPerson[]> {
  const index = new Map<string, DirectoryPerson[]>();
  for (const person of directory) {
    for (const raw of keys(person)) {
      const key = normaliseName(raw);
      if (key === '') continue;
      const list = index.get(key) ?? [];
      if (!list.includes(person)) list.push(person);
      index.set(key, list);
    }
  }
  return index;
}

/** "Dr Kate O'Neil-Davies" → "kod": first letters of the name's words, titles left out. */
function initialsOf(name: string): string {
  const words = name
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter((w) => w !== '' && !HONORIFICS.has(w.toLowerCase()));
  return words.length >= 2 ? words.map((w) => w[0]!.toLowerCase()).join('') : '';
}

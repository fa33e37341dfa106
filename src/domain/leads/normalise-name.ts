/**
 * How lead names, initials and role titles are compared: case, runs of whitespace, curly
 * apostrophes and a trailing full stop ("Assistant Director Learning and Skills.") are ignored.
 */
export function normaliseName(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\.+$/, '')
    .toLowerCase();
}

/** A lead as shown to people: whitespace tidied and a trailing full stop dropped, case kept. */
export function tidyLeadText(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/\s*\.+$/, '').trim();
}

/** Words councils put before a workstream's number or letter: "Priority 2", "Workstream C", "Objective 1.1". */
const KEYWORD = String.raw`(?:priority|workstream|work\s*stream|theme|area|strand|objective|outcome|section|part|goal)`;

const WITH_KEYWORD = new RegExp(String.raw`^${KEYWORD}\s*(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,3})*|[a-z])(?![a-z0-9])`, 'i');
// "3. To identify need early…", "1.2 Improve…": a number at the start, then a break.
const NUMBER_FIRST = /^(\d{1,3}(?:\.\d{1,3})*)\.?(?=$|[\s.:)\-–—])/;
// "A. Parent engagement", "C) Quality of EHCPs": a bare letter needs a separator, or "A smoother…" would be workstream A.
const LETTER_FIRST = /^([A-Z])\s*[.:)\-–—]/;

/** Whether text starts the way a section heading does: "Priority 2 …", "Workstream C", "Objective 1.1 …". */
export function startsWithHeadingWord(text: string): boolean {
  return WITH_KEYWORD.test(text.trim());
}

/**
 * The number or letter a workstream's (or objective's) text starts with, or null:
 * "3. To identify need early…" → "3", "Workstream C" → "C", "Objective 1.1 – Establish…" → "1.1".
 */
export function leadingRef(text: string): string | null {
  const t = text.trim();
  const withKeyword = WITH_KEYWORD.exec(t);
  if (withKeyword) return withKeyword[1]!.toUpperCase();
  const number = NUMBER_FIRST.exec(t);
  if (number) return number[1]!;
  const letter = LETTER_FIRST.exec(t);
  return letter ? letter[1]! : null;
}

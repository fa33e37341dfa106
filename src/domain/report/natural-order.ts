/**
 * Natural order for refs and workstream numbers: "1.2" < "1.10", "A2" < "A10".
 * Digit runs compare as numbers, other text without regard to case.
 */
export function compareNatural(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i] as string;
    const y = tb[i] as string;
    if (x === y) continue;
    const dx = isDigits(x);
    const dy = isDigits(y);
    if (dx && dy) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff < 0 ? -1 : 1;
      continue; // "01" and "1" are the same number
    }
    // A number sorts before text, so "1" < "1a" < "A".
    if (dx !== dy) return dx ? -1 : 1;
    const c = BY_WORDS.compare(x, y);
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  if (ta.length !== tb.length) return ta.length < tb.length ? -1 : 1;
  // Fully equal ignoring case and leading zeros: fall back to code points so the order is total.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One collator for every comparison: building one per call made sorting hundreds of leads slow. */
export const BY_WORDS = new Intl.Collator('en-GB', { sensitivity: 'base' });

function tokens(s: string): string[] {
  return s.trim().match(/\d+|[^\d]+/g) ?? [];
}

function isDigits(s: string): boolean {
  return /^\d/.test(s);
}

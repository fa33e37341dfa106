/** Cells that mean "no links" rather than a link called "N/A". */
const NONE = /^(n\/?a|none|nil|-+|tbc)$/i;

/** A short upper-case code such as SEF, DBV, AFI4, AF15, WSOA2: what gets listed several to a cell. */
const CODE = /^(?=.*[A-Z])[A-Z0-9][A-Z0-9.\-]{0,11}$/;

/**
 * Splits a links cell ("SEF/DBV", "AFI4 AF15", "AFI2/AFI5") into its codes. A part that is not made of
 * codes alone ("SEND Sufficiency high needs capital spend strategy", "ASC Programme") is one link:
 * splitting its words would invent links nobody wrote.
 */
export function splitLinks(text: string): string[] {
  const links: string[] = [];
  for (const raw of text.split(/[;\r\n]+/)) {
    const part = raw.replace(/\s+/g, ' ').trim();
    if (part === '' || NONE.test(part)) continue;
    const tokens = part.split(/[\s/,&+]+/).filter((t) => t !== '' && t.toLowerCase() !== 'and');
    if (tokens.length > 0 && tokens.every((t) => CODE.test(t))) links.push(...tokens);
    else links.push(part);
  }
  return [...new Set(links)];
}

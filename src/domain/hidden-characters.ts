/**
 * Control characters (NUL, terminal escapes, form feeds…) and bidirectional overrides, which can make
 * text read differently from what is stored (and PostgreSQL refuses NUL in text), are dropped from
 * anything people type or import; a tab becomes a space. Line breaks are kept, as `\n`.
 */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function dropHiddenCharacters(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(HIDDEN, '');
}

import type { Brag } from '../../src/domain/brag.ts';

/**
 * The colours a document gives each status, shared by the chart and the board paper's status
 * cells so the two agree. `ink` is the text colour that reads on `fill` (contrast 4.5:1 or more).
 * Colour is never the only signal: the status's words are always written beside it.
 */
export const BRAG_FILL: Record<Brag, { fill: string; ink: string }> = {
  blue: { fill: '1F77B4', ink: 'FFFFFF' },
  green: { fill: '2E7D32', ink: 'FFFFFF' },
  amber: { fill: 'FFBF00', ink: '000000' },
  red: { fill: 'C62828', ink: 'FFFFFF' },
  grey: { fill: 'BDBDBD', ink: '000000' },
};

/**
 * Text a person typed (a title, a note, a name), fit for a document: control characters,
 * bidirectional overrides (which can reorder what a reader sees) and the few code points XML 1.0
 * forbids removed, tabs as spaces, line breaks kept as `\n`.
 */
export function documentText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

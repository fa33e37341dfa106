import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

/**
 * Arimo, a free font with the same letter widths as Arial (the board paper's font), loaded from
 * its npm package so a chart looks the same, and text is measured the same, on a machine with
 * no fonts installed. Latin and Latin Extended (Welsh ŵ and ŷ, for one) are separate files.
 */
export const FONT_FAMILY = '"Stocktake Arimo", "Stocktake Arimo Ext", "Liberation Sans", Arial, "DejaVu Sans", sans-serif';

let loaded: boolean | null = null;

/** Registers the fonts once; false if they could not be read (the system's fonts stand in). */
export function loadFonts(): boolean {
  if (loaded !== null) return loaded;
  const require = createRequire(import.meta.url);
  const files: [string, string][] = [
    ['latin-400-normal', 'Stocktake Arimo'],
    ['latin-700-normal', 'Stocktake Arimo'],
    ['latin-ext-400-normal', 'Stocktake Arimo Ext'],
    ['latin-ext-700-normal', 'Stocktake Arimo Ext'],
  ];
  loaded = true;
  for (const [file, family] of files) {
    try {
      GlobalFonts.register(readFileSync(require.resolve(`@fontsource/arimo/files/arimo-${file}.woff2`)), family);
    } catch {
      loaded = false;
    }
  }
  return loaded;
}

let measuring: SKRSContext2D | null = null;

/** The width of one line of text, in points, set in Arial (Arimo) at `sizePt`. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  loadFonts();
  measuring ??= createCanvas(8, 8).getContext('2d');
  measuring.font = `${bold ? 'bold ' : ''}100px ${FONT_FAMILY}`;
  return (measuring.measureText(text).width * sizePt) / 100;
}

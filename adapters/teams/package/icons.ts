import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { BRAG_FILL } from '../../documents/brag-palette.ts';
import { ACCENT_COLOUR } from './manifest.ts';

/**
 * The app's two icons, drawn rather than shipped as binaries: four bars of decreasing length,
 * like a highlight report's status counts. Teams wants a 192×192 colour icon (the symbol inside
 * the middle 120×120, on a full background) and a 32×32 outline icon, white on transparent.
 */

export const COLOUR_SIZE = 192;
export const OUTLINE_SIZE = 32;

/** Bar lengths as fractions of the widest, top to bottom: the silhouette of a short report. */
const BARS = [1, 0.78, 0.58, 0.4] as const;
/** The bars' colours in the colour icon: Complete, On track, Some concerns, Off track. */
const BAR_FILLS = [BRAG_FILL.blue.fill, BRAG_FILL.green.fill, BRAG_FILL.amber.fill, BRAG_FILL.red.fill].map((hex) => `#${hex}`);

function roundedBar(ctx: SKRSContext2D, x: number, y: number, width: number, height: number): void {
  const r = Math.min(height / 2, width / 2);
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, r);
  ctx.fill();
}

/** Draws the bars inside a square box (left, top, side) with the given gap between bars. */
function drawBars(ctx: SKRSContext2D, left: number, top: number, side: number, gap: number, fills: readonly string[]): void {
  const height = (side - gap * (BARS.length - 1)) / BARS.length;
  BARS.forEach((fraction, i) => {
    ctx.fillStyle = fills[i % fills.length]!;
    roundedBar(ctx, left, top + i * (height + gap), side * fraction, height);
  });
}

/** The 192×192 colour icon: the four status bars, on a white card, on the accent colour. */
export async function drawColourIcon(): Promise<Buffer> {
  const canvas = createCanvas(COLOUR_SIZE, COLOUR_SIZE);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = ACCENT_COLOUR;
  ctx.fillRect(0, 0, COLOUR_SIZE, COLOUR_SIZE);
  // A white card in the middle 120×120 (Teams' safe area), so the colours read on any theme.
  ctx.fillStyle = '#FFFFFF';
  ctx.beginPath();
  ctx.roundRect(36, 36, 120, 120, 16);
  ctx.fill();
  drawBars(ctx, 52, 52, 88, 8, BAR_FILLS);
  return canvas.encode('png');
}

/**
 * The 32×32 outline icon: the same bars in white on a transparent background (Teams recolours
 * it, so any other colour is refused by the store's checks). Edges are anti-aliased in alpha only.
 */
export async function drawOutlineIcon(): Promise<Buffer> {
  const canvas = createCanvas(OUTLINE_SIZE, OUTLINE_SIZE);
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, OUTLINE_SIZE, OUTLINE_SIZE);
  // Whole pixels for the bars, so most edges are crisp at this size.
  const height = 5;
  const gap = 2;
  const top = 3;
  const left = 3;
  const widest = 26;
  BARS.forEach((fraction, i) => {
    ctx.fillStyle = '#FFFFFF';
    roundedBar(ctx, left, top + i * (height + gap), Math.round(widest * fraction), height);
  });
  return canvas.encode('png');
}

import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { BRAG, BRAG_LABEL, type Brag } from '../../src/domain/brag.ts';
import { BRAG_FILL, documentText } from './brag-palette.ts';
import { FONT_FAMILY, loadFonts } from './fonts.ts';

export interface ChartWorkstream {
  name: string;
  totals: Record<Brag, number>;
}

/** The chart's size in pixels: drawn wide so it stays sharp when Word scales it to an A4 page. */
export const CHART_WIDTH = 1600;
const TOP = 80; // the legend
const ROW = 70; // one workstream
const BOTTOM = 40; // the axis's numbers

export function chartHeight(workstreams: number): number {
  return TOP + ROW * Math.max(workstreams, 0) + BOTTOM;
}

const LABEL_LEFT = 20;
const LABEL_WIDTH = 580;
const BAR_LEFT = 620;
const BAR_RIGHT = CHART_WIDTH - 80; // room for each bar's total
const BAR_HEIGHT = 44;
const LINE_HEIGHT = 32;

const font = (px: number, bold = false): string => `${bold ? 'bold ' : ''}${px}px ${FONT_FAMILY}`;

/**
 * A horizontal stacked bar chart of BRAG counts per workstream, as a PNG: one bar for each
 * workstream (labelled with its number and first words), segments in status order (Complete,
 * On track, Some concerns, Off track, Not started) with their counts, the total at the end of
 * each bar, and a legend. Text is drawn in Arimo (see fonts.ts), so the chart looks the same
 * on a machine with no fonts.
 */
export async function renderBragChart(workstreams: readonly ChartWorkstream[]): Promise<Uint8Array> {
  loadFonts();
  const height = chartHeight(workstreams.length);
  const canvas = createCanvas(CHART_WIDTH, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#FFFFFF';
  g.fillRect(0, 0, CHART_WIDTH, height);
  g.textBaseline = 'middle';

  legend(g);
  if (workstreams.length === 0) {
    g.font = font(26);
    g.fillStyle = '#505050';
    g.textAlign = 'center';
    g.fillText('No actions', CHART_WIDTH / 2, TOP + (height - TOP) / 2 - 10);
    return canvas.encode('png');
  }

  const max = Math.max(0, ...workstreams.map((w) => total(w.totals)));
  const { step, top } = axisScale(max);
  const x = (n: number): number => BAR_LEFT + ((BAR_RIGHT - BAR_LEFT) * n) / top;
  const plotBottom = TOP + ROW * workstreams.length;
  grid(g, step, top, x, plotBottom);

  workstreams.forEach((w, i) => {
    const mid = TOP + ROW * i + ROW / 2;
    label(g, w.name, mid);
    let from = 0;
    for (const b of BRAG) {
      const n = Math.max(0, w.totals[b] ?? 0);
      if (n === 0) continue;
      const left = x(from);
      const right = x(from + n);
      g.fillStyle = `#${BRAG_FILL[b].fill}`;
      g.fillRect(left, mid - BAR_HEIGHT / 2, right - left, BAR_HEIGHT);
      // A hairline between segments, so two of the same lightness stay apart.
      g.fillStyle = '#FFFFFF';
      g.fillRect(right - 1, mid - BAR_HEIGHT / 2, 2, BAR_HEIGHT);
      g.font = font(26, true);
      const text = String(n);
      if (g.measureText(text).width + 10 <= right - left) {
        g.fillStyle = `#${BRAG_FILL[b].ink}`;
        g.textAlign = 'center';
        g.fillText(text, (left + right) / 2, mid + 1);
      }
      from += n;
    }
    g.font = font(26, true);
    g.fillStyle = '#202020';
    g.textAlign = 'left';
    g.fillText(String(total(w.totals)), x(from) + 10, mid + 1);
  });
  return canvas.encode('png');
}

function total(t: Record<Brag, number>): number {
  return BRAG.reduce((n, b) => n + Math.max(0, t[b] ?? 0), 0);
}

/** A round step for the axis (1, 2, 5, 10, 20, 50 …) giving at most about eight gridlines. */
export function axisScale(max: number): { step: number; top: number } {
  if (max <= 0) return { step: 1, top: 1 };
  const rough = max / 6;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  return { step, top: Math.ceil(max / step) * step };
}

function grid(g: SKRSContext2D, step: number, top: number, x: (n: number) => number, bottom: number): void {
  g.font = font(24);
  g.textAlign = 'center';
  for (let n = 0; n <= top; n += step) {
    g.fillStyle = n === 0 ? '#606060' : '#E0E0E0';
    g.fillRect(Math.round(x(n)) - 1, TOP - 6, 2, bottom - TOP + 12);
    g.fillStyle = '#505050';
    g.fillText(String(n), x(n), bottom + BOTTOM / 2 + 4);
  }
}

function legend(g: SKRSContext2D): void {
  const swatch = 28;
  const gap = 12;
  const spacing = 44;
  g.font = font(28);
  const widths = BRAG.map((b) => swatch + gap + g.measureText(BRAG_LABEL[b]).width);
  let left = (CHART_WIDTH - (widths.reduce((a, w) => a + w, 0) + spacing * (BRAG.length - 1))) / 2;
  const mid = TOP / 2 - 4;
  BRAG.forEach((b, i) => {
    g.fillStyle = `#${BRAG_FILL[b].fill}`;
    g.fillRect(left, mid - swatch / 2, swatch, swatch);
    g.fillStyle = '#202020';
    g.textAlign = 'left';
    g.fillText(BRAG_LABEL[b], left + swatch + gap, mid + 1);
    left += widths[i]! + spacing;
  });
}

function label(g: SKRSContext2D, name: string, mid: number): void {
  g.font = font(28);
  g.fillStyle = '#202020';
  g.textAlign = 'left';
  const lines = wrapLabel(name, 2, (t) => g.measureText(t).width <= LABEL_WIDTH);
  const first = mid - ((lines.length - 1) * LINE_HEIGHT) / 2;
  lines.forEach((line, i) => g.fillText(line, LABEL_LEFT, first + i * LINE_HEIGHT));
}

/**
 * A workstream's name cut to its number and first words: at most `maxLines` lines, each one
 * that `fits`, broken between words, with "…" where words were left out.
 */
export function wrapLabel(name: string, maxLines: number, fits: (line: string) => boolean): string[] {
  const words = documentText(name).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return ['(no name)'];
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i]!;
    i += 1;
    while (i < words.length && fits(`${line} ${words[i]}`)) {
      line = `${line} ${words[i]}`;
      i += 1;
    }
    lines.push(line);
  }
  if (i < words.length || !fits(lines[lines.length - 1]!)) {
    // Words were left out (or one word is too long): end the last line with an ellipsis that fits.
    let last = lines.pop()!;
    while (last.length > 1 && !fits(`${last}…`)) {
      const cut = last.lastIndexOf(' ');
      last = cut > 0 ? last.slice(0, cut) : last.slice(0, -1);
    }
    lines.push(`${last.replace(/[\s,;:.–—-]+$/, '')}…`);
  }
  return lines;
}

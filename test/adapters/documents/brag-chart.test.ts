import { loadImage, createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { axisScale, chartHeight, renderBragChart, wrapLabel } from '../../../adapters/documents/brag-chart.ts';
import { BRAG_FILL } from '../../../adapters/documents/brag-palette.ts';
import type { Brag } from '../../../src/domain/brag.ts';
import { hullBoardReport } from './board-paper-fixtures.ts';
import { pngSize } from './read-docx.ts';

const none: Record<Brag, number> = { blue: 0, green: 0, amber: 0, red: 0, grey: 0 };

/** The distinct colours (as hex) along one horizontal line of a PNG. */
async function coloursAlong(png: Uint8Array, y: number, fromX = 0): Promise<Set<string>> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const g = canvas.getContext('2d');
  g.drawImage(image, 0, 0);
  const row = g.getImageData(fromX, y, image.width - fromX, 1).data;
  const out = new Set<string>();
  for (let i = 0; i < row.length; i += 4) {
    out.add([row[i]!, row[i + 1]!, row[i + 2]!].map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase());
  }
  return out;
}

describe('the BRAG chart', () => {
  it('is a PNG 1600 pixels wide with a row for each workstream', async () => {
    const report = hullBoardReport();
    const png = await renderBragChart(report.workstreams);
    expect(pngSize(png)).toEqual({ width: 1600, height: 120 + 70 * 6 });
    expect(chartHeight(6)).toBe(540);
  });

  it('draws an empty register as a legend and "No actions"', async () => {
    expect(pngSize(await renderBragChart([]))).toEqual({ width: 1600, height: 120 });
  });

  it('stacks each status in its own colour, and only the statuses the workstream has', async () => {
    const png = await renderBragChart([{ name: '1. Communication', totals: { ...none, blue: 3, red: 1 } }]);
    // The bar's row, through its middle, right of the labels (the counts' digits are drawn in white or black).
    const colours = await coloursAlong(png, 80 + 35 - 16, 620);
    expect(colours).toContain(BRAG_FILL.blue.fill);
    expect(colours).toContain(BRAG_FILL.red.fill);
    expect(colours).not.toContain(BRAG_FILL.green.fill);
    expect(colours).not.toContain(BRAG_FILL.amber.fill);
  });

  it('draws the legend in all five colours, with text (the font is loaded)', async () => {
    const png = await renderBragChart([{ name: 'Workstream C', totals: { ...none, green: 1 } }]);
    const legend = await coloursAlong(png, 36);
    for (const b of ['blue', 'green', 'amber', 'red', 'grey'] as const) expect(legend).toContain(BRAG_FILL[b].fill);
    // The label "Workstream C" leaves dark pixels at the left of its row.
    const label = await coloursAlong(png, 80 + 35, 0);
    expect([...label].some((hex) => parseInt(hex.slice(0, 2), 16) < 0x60)).toBe(true);
  });

  it('renders long names, odd characters and control characters without failing', async () => {
    const png = await renderBragChart([
      { name: `4. ${'Quality assurance arrangements '.repeat(12)}`, totals: { ...none, amber: 200 } },
      { name: 'Gwasanaeth ŵ ŷ\u0007\u001b[31m', totals: none },
    ]);
    expect(pngSize(png).height).toBe(chartHeight(2));
  });
});

describe('workstream labels', () => {
  const fits = (max: number) => (line: string) => line.length <= max;

  it('keep the number and first words, on at most two lines, marking what was left out', () => {
    const name = '1. To work towards having clear and open lines of communication that support a collaborative and partnership approach';
    const lines = wrapLabel(name, 2, fits(30));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('1. To work towards having');
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines.every((l) => l.length <= 30)).toBe(true);
  });

  it('leave a short name as it is', () => {
    expect(wrapLabel('Workstream C', 2, fits(30))).toEqual(['Workstream C']);
    expect(wrapLabel('  ', 2, fits(30))).toEqual(['(no name)']);
  });

  it('cut a single overlong word', () => {
    const [line] = wrapLabel('Supercalifragilisticexpialidocious', 2, fits(10));
    expect(line!.length).toBeLessThanOrEqual(10);
    expect(line!.endsWith('…')).toBe(true);
  });
});

describe('the axis', () => {
  it('steps in round numbers with a handful of gridlines', () => {
    expect(axisScale(20)).toEqual({ step: 5, top: 20 });
    expect(axisScale(6)).toEqual({ step: 1, top: 6 });
    expect(axisScale(174)).toEqual({ step: 50, top: 200 });
    expect(axisScale(0)).toEqual({ step: 1, top: 1 });
  });
});

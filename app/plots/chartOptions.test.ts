import type uPlot from 'uplot';
import { afterEach, describe, expect, it } from 'vitest';
import { valueAxis } from './chartOptions';

/** Width of one character of the fake canvas's font, in canvas pixels. */
const CHAR_PX = 7;
const TICK_SIZE = 10;
const GAP = 5;

/**
 * The parts of an initialised uPlot chart a vertical axis's size function
 * reads: the resolved axis (font, tick length, gap, last size) and a canvas
 * context whose text is CHAR_PX canvas pixels a character.
 */
function fakeChart(lastSize = 77): uPlot {
  const ctx = { font: '', measureText: (text: string) => ({ width: text.length * CHAR_PX }) };
  const axis = { font: ['13px system-ui', 13, 13], ticks: { size: TICK_SIZE }, gap: GAP, _size: lastSize };
  return { ctx, axes: [{}, axis] } as unknown as uPlot;
}

/** The y axis's labels for `ticks`, then its width for them at layout pass `cycle`, as uPlot asks for them. */
function layOut(ticks: number[], cycle = 0): { labels: string[]; size: number } {
  const axis = valueAxis();
  const chart = fakeChart();
  const labels = (axis.values as uPlot.Axis.DynamicValues)(chart, ticks, 1, 0, 0) as string[];
  const size = (axis.size as (self: uPlot, values: string[], axisIdx: number, cycleNum: number) => number)(chart, labels, 1, cycle);
  return { labels, size };
}

describe('value axes', () => {
  const pixelRatio = globalThis.devicePixelRatio;
  afterEach(() => {
    globalThis.devicePixelRatio = pixelRatio;
  });

  it('label a loss falling to −1e12 with distinct ticks', () => {
    const { labels } = layOut([-1e12, -7.5e11, -5e11, -2.5e11, 0]);
    expect(labels).toEqual(['-1e+12', '-7.5e+11', '-5e+11', '-2.5e+11', '0']);
  });

  it('are as wide as their widest label, so no label is clipped at the chart’s left edge', () => {
    // Ticks 1e12 apart by halves need 14 digits to read apart: "1.0000000000005e+12", 19 characters.
    const { labels, size } = layOut([1e12, 1e12 + 0.5, 1e12 + 1]);
    const widest = Math.max(...labels.map((label) => label.length)) * CHAR_PX;
    expect(widest).toBe(19 * CHAR_PX);
    expect(size).toBeGreaterThanOrEqual(TICK_SIZE + GAP + widest);
    // Short labels keep the usual width rather than a cramped one.
    expect(layOut([0, 0.5, 1]).size).toBe(56);
  });

  it('measure labels in CSS pixels on a high-density screen', () => {
    globalThis.devicePixelRatio = 2;
    const { labels, size } = layOut([1e12, 1e12 + 0.5, 1e12 + 1]);
    const widestCss = (Math.max(...labels.map((label) => label.length)) * CHAR_PX) / 2;
    expect(size).toBeGreaterThanOrEqual(TICK_SIZE + GAP + widestCss);
    expect(size).toBeLessThan(TICK_SIZE + GAP + 2 * widestCss);
  });

  it('keep their width from the third layout pass on, so the layout settles', () => {
    expect(layOut([1e12, 1e12 + 0.5, 1e12 + 1], 2).size).toBe(77);
  });
});

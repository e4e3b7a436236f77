import { describe, expect, it } from 'vitest';
import { placeThresholdLabels, type LabelBox, type LabelPlacement } from './thresholdLabels';
import { thresholdLabelTexts, thresholdLines } from './stabilityThresholds';

/** A plot 300 px wide and 120 px tall, 60 px from the canvas's left edge (the y axis) and 10 px from its top. */
const plot: LabelBox = { left: 60, top: 10, width: 300, height: 120 };
const spacing = { height: 15, gap: 2, pad: 4 };

const one = (text: string, width: number) => ({ text, width });

function boxes(placements: readonly LabelPlacement[]): LabelBox[] {
  return placements.flatMap((placement) => (placement ? [placement.box] : []));
}

function expectInsidePlot(box: LabelBox): void {
  expect(box.left).toBeGreaterThanOrEqual(plot.left + spacing.pad);
  expect(box.left + box.width).toBeLessThanOrEqual(plot.left + plot.width - spacing.pad);
  expect(box.top).toBeGreaterThanOrEqual(plot.top + spacing.pad);
  expect(box.top + box.height).toBeLessThanOrEqual(plot.top + plot.height - spacing.pad);
}

function expectApart(a: LabelBox, b: LabelBox): void {
  const apartX = a.left + a.width <= b.left || b.left + b.width <= a.left;
  const apartY = a.top + a.height <= b.top || b.top + b.height <= a.top;
  expect(apartX || apartY).toBe(true);
}

describe('placeThresholdLabels', () => {
  it('puts a label just above its line at the plot’s right edge, inside the plot', () => {
    const [placement] = placeThresholdLabels([{ y: 80, texts: [one('2/η = 20', 60)] }], plot, spacing);
    expect(placement).toEqual({ text: '2/η = 20', box: { left: 360 - 4 - 60, top: 80 - 2 - 15, width: 60, height: 15 } });
  });

  it('goes below a line that runs along the top of the plot, never over the frame', () => {
    const [placement] = placeThresholdLabels([{ y: 12, texts: [one('2/η = 100', 70)] }], plot, spacing);
    expect(placement!.box.top).toBe(12 + 2);
    expectInsidePlot(placement!.box);
  });

  it('keeps a label wider than the plot clear of the y axis: the short text, else clipped to the plot', () => {
    const long = one('2/η = 20 (Gradient descent, full batch)', 340);
    const [short] = placeThresholdLabels([{ y: 80, texts: [long, one('2/η = 20', 60)] }], plot, spacing);
    expect(short!.text).toBe('2/η = 20');
    expectInsidePlot(short!.box);
    const [clipped] = placeThresholdLabels([{ y: 80, texts: [long] }], plot, spacing);
    expect(clipped!.box.left).toBe(plot.left + spacing.pad);
    expect(clipped!.box.width).toBe(plot.width - 2 * spacing.pad);
  });

  it('keeps the labels of close lines apart and each beside its own line', () => {
    // Three thresholds within 10 px of each other (e.g. η = 0.1, 0.104, 0.108).
    const requests = [60, 65, 70].map((y, k) => ({ y, texts: [one(`line ${k}`, 120)] }));
    const placements = placeThresholdLabels(requests, plot, spacing);
    const placed = boxes(placements);
    expect(placed).toHaveLength(3);
    for (const box of placed) expectInsidePlot(box);
    for (let a = 0; a < placed.length; a++) for (let b = a + 1; b < placed.length; b++) expectApart(placed[a], placed[b]);
    placements.forEach((placement, k) => {
      // Within two label heights of its line.
      const middle = placement!.box.top + placement!.box.height / 2;
      expect(Math.abs(middle - requests[k].y)).toBeLessThan(2 * (spacing.height + spacing.gap) + 1);
    });
  });

  it('places labels in the order of the lines, whatever order they are asked for in', () => {
    const texts = [one('a', 200)];
    const down = placeThresholdLabels([{ y: 40, texts }, { y: 44, texts }], plot, spacing);
    const up = placeThresholdLabels([{ y: 44, texts }, { y: 40, texts }], plot, spacing);
    expect(up).toEqual([down[1], down[0]]);
    // The upper line's label stays above the lower line's.
    expect(down[0]!.box.top).toBeLessThan(down[1]!.box.top);
  });

  it('leaves out a line outside the plot and a label with no room, and places the rest', () => {
    const wide = [one('x', 250)];
    const tight: LabelBox = { ...plot, height: 40 };
    const placements = placeThresholdLabels([{ y: 200, texts: wide }, { y: 30, texts: wide }, { y: 31, texts: wide }, { y: 32, texts: wide }], tight, spacing);
    expect(placements[0]).toBeNull();
    const placed = boxes(placements);
    expect(placed.length).toBeGreaterThanOrEqual(1);
    expect(placed.length).toBeLessThan(3);
    for (let a = 0; a < placed.length; a++) for (let b = a + 1; b < placed.length; b++) expectApart(placed[a], placed[b]);
  });
});

describe('thresholdLabelTexts', () => {
  it('offers the label with the runs’ names, then without them', () => {
    const [named] = thresholdLines([
      { label: 'o1', color: '#ff0000', thresholds: { gd: 20 } },
      { label: 'o2', color: '#00ff00', thresholds: { gd: 30 } },
    ]);
    expect(thresholdLabelTexts(named)).toEqual(['2/η = 20 (o1)', '2/η = 20']);
    const [, alone] = thresholdLines([{ label: 'o1', color: '#ff0000', thresholds: { gd: 20, momentum: 38 } }]);
    expect(thresholdLabelTexts(alone)).toEqual(['2(1+β)/η = 38']);
  });
});

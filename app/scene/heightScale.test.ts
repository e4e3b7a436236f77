import { describe, expect, it } from 'vitest';
import {
  LOG_OFFSET_FRACTION,
  createHeightMapping,
  createUnitMapper,
  legibleTicks,
  lossToUnit,
  scaleTicks,
  unitToLoss,
} from './heightScale';

describe('createHeightMapping', () => {
  it('takes min and max over the finite values only and counts the rest', () => {
    const mapping = createHeightMapping([3, NaN, -1, Infinity, 7, -Infinity], { log: false });
    expect(mapping.min).toBe(-1);
    expect(mapping.max).toBe(7);
    expect(mapping.finiteCount).toBe(3);
    expect(mapping.nonFiniteCount).toBe(3);
    expect(mapping.offset).toBe(0);
  });

  it('sets the log offset relative to the range', () => {
    const mapping = createHeightMapping([2, 12], { log: true });
    expect(mapping.offset).toBeCloseTo(10 * LOG_OFFSET_FRACTION, 15);
  });
});

describe('lossToUnit (linear)', () => {
  const mapping = createHeightMapping([2, 4, 10], { log: false });

  it('maps min to 0, max to 1 and is affine between', () => {
    expect(lossToUnit(mapping, 2)).toBe(0);
    expect(lossToUnit(mapping, 10)).toBe(1);
    expect(lossToUnit(mapping, 6)).toBeCloseTo(0.5, 12);
    expect(lossToUnit(mapping, 4)).toBeCloseTo(0.25, 12);
  });

  it('clamps values outside the range and handles non-finite values', () => {
    expect(lossToUnit(mapping, -50)).toBe(0);
    expect(lossToUnit(mapping, 50)).toBe(1);
    expect(lossToUnit(mapping, Infinity)).toBe(1);
    expect(lossToUnit(mapping, -Infinity)).toBe(0);
    expect(lossToUnit(mapping, NaN)).toBeNaN();
  });
});

describe('lossToUnit (log)', () => {
  it('reaches one half where 1 + (L − m)/ε = √(1 + (M − m)/ε)', () => {
    const mapping = createHeightMapping([0, 1000], { log: true });
    const epsilon = 1000 * LOG_OFFSET_FRACTION;
    const half = epsilon * (Math.sqrt(1 + 1000 / epsilon) - 1);
    expect(lossToUnit(mapping, 0)).toBe(0);
    expect(lossToUnit(mapping, 1000)).toBeCloseTo(1, 12);
    expect(lossToUnit(mapping, half)).toBeCloseTo(0.5, 10);
  });

  it('works for fields with negative values (x² − y²) and is increasing', () => {
    const values: number[] = [];
    for (let i = -10; i <= 10; i++) for (let j = -10; j <= 10; j++) values.push((i / 5) ** 2 - (j / 5) ** 2);
    const mapping = createHeightMapping(values, { log: true });
    expect(mapping.min).toBeCloseTo(-4, 12);
    const sorted = [...values].sort((a, b) => a - b);
    let previous = -1;
    for (const value of sorted) {
      const unit = lossToUnit(mapping, value);
      expect(unit).toBeGreaterThanOrEqual(0);
      expect(unit).toBeLessThanOrEqual(1);
      expect(unit).toBeGreaterThanOrEqual(previous);
      previous = unit;
    }
    expect(lossToUnit(mapping, -4)).toBe(0);
    expect(lossToUnit(mapping, 4)).toBeCloseTo(1, 12);
  });

  it('spreads small losses far more than the linear scale does', () => {
    const values = [0, 2500];
    const linear = createHeightMapping(values, { log: false });
    const log = createHeightMapping(values, { log: true });
    // A loss of 1 on a range of 2500 is invisible linearly (0.04 % of the height)
    // but lifted above a tenth of the height on the log scale.
    expect(lossToUnit(linear, 1)).toBeLessThan(0.001);
    expect(lossToUnit(log, 1)).toBeGreaterThan(0.1);
    expect(lossToUnit(log, 1)).toBeGreaterThan(100 * lossToUnit(linear, 1));
  });
});

describe('unitToLoss', () => {
  it('inverts lossToUnit on both scales', () => {
    for (const log of [false, true]) {
      const mapping = createHeightMapping([-3, 0.5, 40], { log });
      for (const loss of [-3, -2.9999, -1, 0, 0.5, 7, 39.9, 40]) {
        expect(unitToLoss(mapping, lossToUnit(mapping, loss))).toBeCloseTo(loss, 8);
      }
    }
  });
});

describe('degenerate fields', () => {
  it('puts a constant field at mid-height', () => {
    const mapping = createHeightMapping([5, 5, 5], { log: true });
    expect(lossToUnit(mapping, 5)).toBe(0.5);
    expect(lossToUnit(mapping, 6)).toBe(1);
    expect(scaleTicks(mapping).map((tick) => tick.label)).toEqual(['5']);
  });

  it('has no ticks when nothing is finite', () => {
    const mapping = createHeightMapping([NaN, Infinity], { log: false });
    expect(mapping.finiteCount).toBe(0);
    expect(scaleTicks(mapping)).toEqual([]);
    expect(lossToUnit(mapping, NaN)).toBeNaN();
  });
});

describe('scaleTicks', () => {
  it('gives nice linear ticks inside the range, placed at their normalised height', () => {
    const mapping = createHeightMapping([0, 9.3], { log: false });
    const ticks = scaleTicks(mapping, 5);
    expect(ticks.map((tick) => tick.loss)).toEqual([0, 2, 4, 6, 8]);
    ticks.forEach((tick) => expect(tick.unit).toBeCloseTo(tick.loss / 9.3, 12));
  });

  it('puts log ticks at the minimum and at one per decade above it', () => {
    // Range 1000, so ε = 0.1 and the decades 0.1 … 1000 all lie in [ε, M − m].
    const mapping = createHeightMapping([0, 1000], { log: true });
    const ticks = scaleTicks(mapping, 8);
    expect(ticks.map((tick) => tick.label)).toEqual(['0', '0.1', '1', '10', '100', '1000']);
    for (let k = 1; k < ticks.length; k++) expect(ticks[k].unit).toBeGreaterThan(ticks[k - 1].unit);
  });

  it('keeps log labels distinct when the minimum is negative', () => {
    const mapping = createHeightMapping([-4, 4], { log: true });
    const labels = scaleTicks(mapping, 8).map((tick) => tick.label);
    expect(labels[0]).toBe('-4');
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('-3.9');
    expect(labels).toContain('-3');
  });

  it('thins the decades when there are more than the target', () => {
    const mapping = createHeightMapping([0, 1000], { log: true });
    const ticks = scaleTicks(mapping, 3);
    expect(ticks.length).toBeLessThanOrEqual(4);
    expect(ticks[ticks.length - 1].label).toBe('1000');
  });
});

describe('colour-bar ticks on extreme ranges', () => {
  // A 180 px bar with 14 px labels, as the legend draws it.
  const minGap = 14 / 180;
  const ranges: Array<[number, number]> = [
    [0, 1e-12],
    [1e-30, 3e-30],
    [0, 1],
    [-4, 4],
    [-1e12, 3],
    [1e12, 1e12 + 1],
    [5, 5 + 1e-9],
    [0, 3e38],
    [-3e38, 3e38],
  ];
  for (const [lo, hi] of ranges) {
    for (const log of [false, true]) {
      it(`are ordered, spaced apart and read apart on [${lo}, ${hi}] (${log ? 'log' : 'linear'})`, () => {
        const mapping = createHeightMapping([lo, (lo + hi) / 2, hi], { log });
        const ticks = legibleTicks(scaleTicks(mapping), minGap);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        for (let k = 1; k < ticks.length; k++) {
          expect(ticks[k].loss).toBeGreaterThan(ticks[k - 1].loss);
          expect(ticks[k].unit - ticks[k - 1].unit).toBeGreaterThanOrEqual(minGap);
          expect(Number(ticks[k].label)).toBeGreaterThan(Number(ticks[k - 1].label));
        }
        for (const tick of ticks) {
          expect(tick.unit).toBeGreaterThanOrEqual(0);
          expect(tick.unit).toBeLessThanOrEqual(1);
          expect(tick.unit).toBeCloseTo(lossToUnit(mapping, tick.loss), 12);
          // The label is the tick's value to within a hundredth of the range.
          expect(Math.abs(Number(tick.label) - tick.loss)).toBeLessThanOrEqual(0.01 * (hi - lo));
        }
      });
    }
  }

  it('drops the tick that would overprint the lowest one and keeps both ends', () => {
    // Range 1000, ε = 0.1: the decade 0.1 sits 7.5 % up the bar, closer than a label's height to 0.
    const ticks = scaleTicks(createHeightMapping([0, 1000], { log: true }));
    expect(ticks.map((tick) => tick.label)).toEqual(['0', '0.1', '1', '10', '100', '1000']);
    expect(legibleTicks(ticks, minGap).map((tick) => tick.label)).toEqual(['0', '1', '10', '100', '1000']);
    expect(legibleTicks(ticks, 0).map((tick) => tick.label)).toEqual(ticks.map((tick) => tick.label));
  });
});

describe('createUnitMapper', () => {
  it('agrees with the log10 definition of the scale on both scales', () => {
    const values = [-3, -2.5, 0, 1e-6, 0.01, 1, 17, 40];
    for (const log of [false, true]) {
      const mapping = createHeightMapping(values, { log });
      const toUnit = createUnitMapper(mapping);
      const span = 43;
      for (const loss of [...values, 12.5, -7, 99, Infinity, -Infinity]) {
        const above = Math.min(Math.max(loss + 3, 0), span);
        const expected = log
          ? Math.log10(above + mapping.offset) - Math.log10(mapping.offset)
          : above;
        const normaliser = log ? Math.log10(span + mapping.offset) - Math.log10(mapping.offset) : span;
        expect(toUnit(loss)).toBeCloseTo(expected / normaliser, 9);
      }
      expect(toUnit(NaN)).toBeNaN();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { findCriticalPoints } from './gridCriticalPoints';
import { linspace } from './grid';

/** f sampled on linspace(lo, hi, n)² as a row-major field (row j = y_j, column i = x_i). */
function sample(f: (x: number, y: number) => number, lo: number, hi: number, n: number) {
  const axis = linspace(lo, hi, n);
  const field = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) field[j * n + i] = f(axis[i], axis[j]);
  return { field, axis };
}

describe('findCriticalPoints', () => {
  it('finds the saddle of x² − y² at the origin and nothing else', () => {
    const { field, axis } = sample((x, y) => x * x - y * y, -1, 1, 41);
    const found = findCriticalPoints(field, 41, 41);
    expect(found.minima).toHaveLength(0);
    expect(found.maxima).toHaveLength(0);
    expect(found.saddles).toHaveLength(1);
    const [saddle] = found.saddles;
    expect([axis[saddle.i], axis[saddle.j]]).toEqual([0, 0]);
    expect(saddle.signChanges).toBe(4);
  });

  it('finds the two minima (±1, 0) and the saddle (0, 0) of (x² − 1)² + y²', () => {
    const { field, axis } = sample((x, y) => (x * x - 1) ** 2 + y * y, -2, 2, 81);
    const found = findCriticalPoints(field, 81, 81);
    const at = (p: { i: number; j: number }) => [axis[p.i], axis[p.j]].map((v) => Math.round(v * 1e9) / 1e9);
    expect(found.minima.map(at).sort((p, q) => p[0] - q[0])).toEqual([[-1, 0], [1, 0]]);
    expect(found.saddles.map(at)).toEqual([[0, 0]]);
    expect(found.maxima).toHaveLength(0);
    expect(found.minima[0].value).toBeCloseTo(0, 12);
  });

  it('finds a maximum and reports a monkey saddle with 6 sign changes', () => {
    const bump = sample((x, y) => Math.exp(-((x - 0.3) ** 2) - (y + 0.2) ** 2), -1, 1, 21);
    const { maxima } = findCriticalPoints(bump.field, 21, 21);
    expect(maxima).toHaveLength(1);
    expect([bump.axis[maxima[0].i], bump.axis[maxima[0].j]].map((v) => Math.round(v * 10) / 10)).toEqual([0.3, -0.2]);
    const monkey = sample((x, y) => x ** 3 - 3 * x * y * y, -1, 1, 21);
    const { saddles } = findCriticalPoints(monkey.field, 21, 21);
    // The monkey saddle is flat to second order, so its neighbours on the level
    // line x = 0 pass the test too; the cluster is reported once, at the origin.
    expect(saddles).toHaveLength(1);
    expect(saddles[0].index).toBe(10 * 21 + 10);
    expect(saddles[0].signChanges).toBe(6);
  });

  it('reports a saddle between samples once, at the nearest grid point', () => {
    // (x − 0.03)(y + 0.06) on a grid of step 0.1: the saddle is 0.3 and 0.6 of a cell from (0, 0).
    const { field, axis } = sample((x, y) => (x - 0.03) * (y + 0.06), -1, 1, 21);
    const { saddles } = findCriticalPoints(field, 21, 21);
    expect(saddles).toHaveLength(1);
    expect([axis[saddles[0].i], axis[saddles[0].j]].map((v) => Math.round(v * 10) / 10)).toEqual([0, -0.1]);
  });

  it('counts every extremum and saddle of a product of waves exactly once', () => {
    // f = sin(i/10)·cos(j/13) on a 128×128 grid: saddles where sin(i/10) = 0 and
    // cos(j/13) = 0 (i = 10kπ, j = 13(k + ½)π), extrema where both factors peak.
    // None of these lands on a grid point or on the border.
    const n = 128;
    const field = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) field[j * n + i] = Math.sin(i / 10) * Math.cos(j / 13);
    const interior = (values: number[]) => values.filter((v) => v > 1 && v < n - 2).length;
    const sinZeros = interior([1, 2, 3, 4, 5].map((k) => 10 * k * Math.PI));
    const sinPeaks = interior([0, 1, 2, 3, 4].map((k) => 10 * (k + 0.5) * Math.PI));
    const cosZeros = interior([0, 1, 2, 3, 4].map((k) => 13 * (k + 0.5) * Math.PI));
    const cosPeaks = interior([1, 2, 3, 4].map((k) => 13 * k * Math.PI));
    const found = findCriticalPoints(field, n, n, { maxCount: 1000 });
    expect(found.saddles).toHaveLength(sinZeros * cosZeros);
    expect(found.minima.length + found.maxima.length).toBe(sinPeaks * cosPeaks);
  });

  it('ignores rounding-level noise on a flat field, but reports it when the tolerance is zero', () => {
    const rng = new Rng(9);
    const n = 30;
    const flat = new Float64Array(n * n).map(() => 1 + 1e-7 * rng.normal());
    const quiet = findCriticalPoints(flat, n, n);
    expect(quiet.minima.length + quiet.saddles.length + quiet.maxima.length).toBe(0);
    const noisy = findCriticalPoints(flat, n, n, { tolerance: 0, relativeTolerance: 0, maxCount: 1000 });
    expect(noisy.minima.length).toBeGreaterThan(0);
    expect(noisy.saddles.length).toBeGreaterThan(0);
  });

  it('caps the count, strongest first', () => {
    // cos(3πx)·cos(3πy) on [−1, 1]² has many minima of different sharpness once
    // multiplied by a ramp, so their strengths differ.
    const { field } = sample((x, y) => (2 + x) * Math.cos(3 * Math.PI * x) * Math.cos(3 * Math.PI * y), -1, 1, 61);
    const all = findCriticalPoints(field, 61, 61, { maxCount: 100 });
    const capped = findCriticalPoints(field, 61, 61, { maxCount: 3 });
    expect(all.minima.length).toBeGreaterThan(3);
    expect(capped.minima).toHaveLength(3);
    const strengths = all.minima.map((p) => p.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    expect(capped.minima.map((p) => p.index)).toEqual(all.minima.slice(0, 3).map((p) => p.index));
  });

  it('skips the border and points next to non-finite values', () => {
    const { field } = sample((x, y) => x * x + y * y, -1, 1, 11);
    expect(findCriticalPoints(field, 11, 11).minima.map((p) => p.index)).toEqual([5 * 11 + 5]);
    field[4 * 11 + 4] = Number.NaN;
    expect(findCriticalPoints(field, 11, 11).minima).toHaveLength(0);
    // A minimum in the corner is on the border: not reported.
    const corner = sample((x, y) => (x + 1) ** 2 + (y + 1) ** 2, -1, 1, 11);
    expect(findCriticalPoints(corner.field, 11, 11).minima).toHaveLength(0);
    expect(() => findCriticalPoints(field, 10, 11)).toThrow(/field has 121 values, grid has 10×11/);
  });
});

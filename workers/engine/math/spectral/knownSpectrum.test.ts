import { describe, expect, it } from 'vitest';
import { integrateOnGrid, linearGrid } from '../krylov/density';
import { exactDensityOnGrid, spectrumHistogram, spectrumMoments } from './knownSpectrum';

describe('spectrumHistogram', () => {
  it('counts per bin divided by n · width, with the last bin closed', () => {
    const values = new Float64Array([0, 0.1, 0.5, 0.99, 1, 2, 5]);
    const edges = new Float64Array([0, 0.5, 1, 2]);
    const h = spectrumHistogram(values, edges);
    // Bins: [0, 0.5) ∋ 0, 0.1; [0.5, 1) ∋ 0.5, 0.99; [1, 2] ∋ 1, 2; 5 is outside.
    expect(Array.from(h)).toEqual([2 / 7 / 0.5, 2 / 7 / 0.5, 2 / 7 / 1]);
    // Area = fraction inside = 6/7.
    expect(h[0] * 0.5 + h[1] * 0.5 + h[2] * 1).toBeCloseTo(6 / 7, 14);
  });

  it('rejects edges that do not increase', () => {
    expect(() => spectrumHistogram(new Float64Array([1]), new Float64Array([0, 0]))).toThrow(RangeError);
  });
});

describe('exactDensityOnGrid', () => {
  it('gives weight 1/n to each eigenvalue and integrates to 1', () => {
    const eigenvalues = new Float64Array([-1, 0, 0, 3]);
    const grid = linearGrid(-4, 6, 4001);
    const p = exactDensityOnGrid(eigenvalues, grid, 0.2);
    expect(integrateOnGrid(grid, p)).toBeCloseTo(1, 8);
    // The double eigenvalue at 0 gives twice the peak of the one at 3 (up to
    // the tail, e^{−12.5} of a peak, of the Gaussian at −1).
    const at = (x: number) => p[Math.round((x + 4) / 0.0025)];
    expect(at(0) / at(3)).toBeCloseTo(2, 4);
  });
});

describe('spectrumMoments', () => {
  it('gives the mean and variance of a list, or of weighted nodes', () => {
    expect(spectrumMoments(new Float64Array([1, 2, 3, 6]))).toEqual({ mean: 3, variance: 3.5 });
    const weighted = spectrumMoments(new Float64Array([0, 10]), new Float64Array([0.75, 0.25]));
    expect(weighted.mean).toBeCloseTo(2.5, 14);
    expect(weighted.variance).toBeCloseTo(0.75 * 6.25 + 0.25 * 56.25, 12);
  });
});

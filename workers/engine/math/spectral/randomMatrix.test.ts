import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../linalg/symmetricEigen';
import { Rng } from '../rng';
import { integrateOnGrid, linearGrid } from '../krylov/density';
import { spectrumHistogram, spectrumMoments } from './knownSpectrum';
import { marchenkoPasturDensity, matchMarchenkoPastur, semicircleDensity } from './randomMatrix';

/** ∫ x^power p(x) dx on the grid. */
function moment(grid: Float64Array, p: Float64Array, power: number): number {
  return integrateOnGrid(grid, Float64Array.from(p, (v, i) => v * grid[i] ** power));
}

/** ∫ |p − q| / 2 between a density on bin centres and a histogram of the same bins. */
function histogramDistance(edges: Float64Array, histogram: Float64Array, density: (x: number) => number): number {
  let total = 0;
  for (let b = 0; b < histogram.length; b++) {
    const width = edges[b + 1] - edges[b];
    total += Math.abs(histogram[b] - density((edges[b] + edges[b + 1]) / 2)) * width;
  }
  return total / 2;
}

describe('semicircleDensity', () => {
  it('integrates to 1 with the requested mean and variance', () => {
    const grid = linearGrid(-10, 14, 24001);
    const p = semicircleDensity(grid, 2, 4);
    expect(integrateOnGrid(grid, p)).toBeCloseTo(1, 4);
    expect(moment(grid, p, 1)).toBeCloseTo(2, 4);
    expect(moment(grid, p, 2) - 4).toBeCloseTo(4, 3);
    // Support is [μ − 2s, μ + 2s] = [−2, 6].
    expect(semicircleDensity(new Float64Array([-2.01, 6.01]), 2, 4)).toEqual(new Float64Array([0, 0]));
  });

  it('matches the spectrum of a large random symmetric matrix (Wigner)', () => {
    // Off-diagonal entries N(0, 1/n), diagonal N(0, 2/n): eigenvalue variance → 1.
    const n = 300;
    const rng = new Rng(1);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const x = rng.normal() * Math.sqrt((i === j ? 2 : 1) / n);
        a[i * n + j] = x;
        a[j * n + i] = x;
      }
    }
    const eigenvalues = symmetricEigenvalues(a, n);
    const edges = linearGrid(-2.5, 2.5, 26);
    const distance = histogramDistance(edges, spectrumHistogram(eigenvalues, edges), (x) => semicircleDensity(new Float64Array([x]), 0, 1)[0]);
    expect(distance).toBeLessThan(0.08);
  });
});

describe('marchenkoPasturDensity', () => {
  it.each([0.25, 0.7])('integrates to 1 with mean σ² and variance q σ⁴ for q = %f', (ratio) => {
    const scale = 1.5;
    const grid = linearGrid(0, 12, 24001);
    const { density, atomAtZero } = marchenkoPasturDensity(grid, { ratio, entryVariance: scale });
    expect(atomAtZero).toBe(0);
    expect(integrateOnGrid(grid, density)).toBeCloseTo(1, 3);
    expect(moment(grid, density, 1)).toBeCloseTo(scale, 3);
    expect(moment(grid, density, 2) - scale ** 2).toBeCloseTo(ratio * scale ** 2, 2);
  });

  it('puts mass 1 − 1/q at zero when q > 1, the rest in the continuous part', () => {
    const grid = linearGrid(0, 20, 40001);
    const { density, atomAtZero } = marchenkoPasturDensity(grid, { ratio: 2, entryVariance: 1 });
    expect(atomAtZero).toBeCloseTo(0.5, 14);
    expect(integrateOnGrid(grid, density)).toBeCloseTo(0.5, 3);
    // With the atom (which adds nothing to the moments) the mean is σ² = 1 and the variance q σ⁴ = 2.
    expect(moment(grid, density, 1)).toBeCloseTo(1, 3);
    expect(moment(grid, density, 2) - 1).toBeCloseTo(2, 2);
  });

  it('matches the spectrum of a sample covariance matrix', () => {
    // (1/N) XᵀX with X of size N×P, entries N(0, σ²), q = P/N.
    const samples = 800, dims = 200, variance = 2;
    const rng = new Rng(2);
    const x = rng.fillNormal(new Float64Array(samples * dims), 0, Math.sqrt(variance));
    const c = new Float64Array(dims * dims);
    for (let s = 0; s < samples; s++) {
      const row = s * dims;
      for (let i = 0; i < dims; i++) {
        const xi = x[row + i] / samples;
        for (let j = 0; j <= i; j++) c[i * dims + j] += xi * x[row + j];
      }
    }
    const eigenvalues = symmetricEigenvalues(c, dims);
    const edges = linearGrid(0, 5, 21);
    const mp = (v: number) => marchenkoPasturDensity(new Float64Array([v]), { ratio: dims / samples, entryVariance: variance }).density[0];
    expect(histogramDistance(edges, spectrumHistogram(eigenvalues, edges), mp)).toBeLessThan(0.1);
    // And matching the law to the sample spectrum's moments recovers q and σ².
    const { mean, variance: spread } = spectrumMoments(eigenvalues);
    const matched = matchMarchenkoPastur(mean, spread);
    expect(matched.entryVariance).toBeCloseTo(variance, 1);
    expect(matched.ratio).toBeCloseTo(dims / samples, 1);
  });
});

describe('matchMarchenkoPastur', () => {
  it('inverts mean σ² and variance q σ⁴', () => {
    const { ratio, entryVariance } = matchMarchenkoPastur(3, 4.5);
    expect(entryVariance).toBe(3);
    expect(ratio).toBeCloseTo(0.5, 14);
  });

  it('rejects a non-positive mean', () => {
    expect(() => matchMarchenkoPastur(-1, 1)).toThrow(RangeError);
  });
});

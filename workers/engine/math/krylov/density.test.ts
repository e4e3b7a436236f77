import { describe, expect, it } from 'vitest';
import { densityOnGrid, gridAround, integrateOnGrid, linearGrid } from './density';
import { deflatedSpectralDensity, type DeflatedSlqOptions } from './deflatedSlq';
import { knownBatch } from './knownBatch';
import { exactDensityOnGrid, spectrumMoments } from '../spectral/knownSpectrum';
import { operatorWithSpectrum, spectrumWithBulk, type KnownOperator } from './testOperators';

const n = 150;
/** A bulk on [0.5, 2.5] plus outliers: mean ≈ 1.64, clearly away from 0. */
const spectrum = spectrumWithBulk([12, 9, 6, -3], n, 0.5, 2.5);

/** Plain SLQ: the deflated estimator with no deflation, its probes' products counted by the batch. */
function plainSlq(op: KnownOperator, size: number, options: DeflatedSlqOptions) {
  const batch = knownBatch(op);
  const run = deflatedSpectralDensity(op.matVec, batch, size, { ...options, deflationSteps: 0 });
  return { run, products: () => batch.calls.reduce((sum, count) => sum + count, 0) };
}

describe('stochastic Lanczos quadrature without deflation', () => {
  it('gives runs × steps nodes with weights summing to 1', async () => {
    const op = operatorWithSpectrum(spectrum, 1);
    const slq = plainSlq(op, n, { runs: 4, steps: 20, seed: 1 });
    const result = await slq.run;
    expect(result.nodes.length).toBe(80);
    expect(result.products).toBe(80);
    expect(slq.products()).toBe(80);
    expect(result.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    for (const w of result.weights) expect(w).toBeGreaterThanOrEqual(0);
    // Gauss nodes lie inside the spectrum's range.
    for (const x of result.nodes) {
      expect(x).toBeGreaterThanOrEqual(-3 - 1e-9);
      expect(x).toBeLessThanOrEqual(12 + 1e-9);
    }
  });

  it('has mean tr A / n within a few percent and second moment near tr A² / n', async () => {
    const op = operatorWithSpectrum(spectrum, 2);
    const result = await plainSlq(op, n, { runs: 30, steps: 20, seed: 3 }).run;
    const { mean, variance } = spectrumMoments(result.nodes, result.weights);
    const exact = spectrumMoments(Float64Array.from(spectrum));
    // The mean is a 30-probe Hutchinson estimate of tr A / n, whose relative
    // standard error here is about 1.5%; allow a little over three of them.
    expect(Math.abs(mean - exact.mean) / exact.mean).toBeLessThan(0.05);
    const secondMoment = variance + mean * mean;
    const exactSecond = exact.variance + exact.mean ** 2;
    // tr A² / n is estimated by the same probes with a larger spread (about 5.5% here).
    expect(Math.abs(secondMoment - exactSecond) / exactSecond).toBeLessThan(0.2);
  });

  it('smooths into a density that integrates to 1 and resembles the exact one', async () => {
    const op = operatorWithSpectrum(spectrum, 4);
    const result = await plainSlq(op, n, { runs: 20, steps: 40, seed: 5 }).run;
    const sigma = 0.3;
    const grid = gridAround(Float64Array.from(spectrum), sigma, 800);
    const slq = densityOnGrid(result.nodes, result.weights, grid, sigma);
    const exact = exactDensityOnGrid(Float64Array.from(spectrum), grid, sigma);
    expect(integrateOnGrid(grid, slq)).toBeCloseTo(1, 6);
    expect(integrateOnGrid(grid, exact)).toBeCloseTo(1, 6);
    // Total-variation-type distance ∫|p − q| / 2 is small (it is at most 1).
    const gap = integrateOnGrid(grid, Float64Array.from(slq, (p, i) => Math.abs(p - exact[i]))) / 2;
    expect(gap).toBeLessThan(0.1);
  });

  it('stops a run at an invariant subspace: few distinct eigenvalues give exact nodes and weights', async () => {
    // 20 eigenvalues equal to 4 and 40 equal to −1: every probe's Krylov space has dimension 2.
    const twoValues = Array.from({ length: 60 }, (_, i) => (i < 20 ? 4 : -1));
    const op = operatorWithSpectrum(twoValues, 6);
    const result = await plainSlq(op, 60, { runs: 50, steps: 10, seed: 7 }).run;
    expect(result.products).toBe(100);
    let massAtFour = 0;
    for (let k = 0; k < result.nodes.length; k++) {
      const x = result.nodes[k];
      expect(Math.min(Math.abs(x - 4), Math.abs(x + 1))).toBeLessThan(1e-9);
      if (Math.abs(x - 4) < 1e-6) massAtFour += result.weights[k];
    }
    // The expected mass at 4 is its multiplicity fraction, 1/3.
    expect(Math.abs(massAtFour - 1 / 3)).toBeLessThan(0.03);
  });

  it('reports progress in products and rejects with an AbortError when cancelled', async () => {
    const op = operatorWithSpectrum(spectrum, 8);
    const controller = new AbortController();
    const progress: Array<[number, number]> = [];
    const slq = plainSlq(op, n, {
      runs: 3, steps: 10, seed: 1, signal: controller.signal,
      onProgress: (done, total) => {
        progress.push([done, total]);
        if (done === 12) controller.abort();
      },
    });
    await expect(slq.run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress.map(([d]) => d)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(progress.every(([, t]) => t === 30)).toBe(true);
    expect(slq.products()).toBe(12);
  });
});

describe('densityOnGrid', () => {
  it('places a normal density N(θ, σ²) at each node, scaled by its weight', () => {
    const grid = new Float64Array([0, 1, 2.5]);
    const p = densityOnGrid(new Float64Array([1]), new Float64Array([0.5]), grid, 0.5);
    const gauss = (x: number) => Math.exp(-((x - 1) ** 2) / (2 * 0.25)) / (0.5 * Math.sqrt(2 * Math.PI));
    grid.forEach((x, i) => expect(p[i]).toBeCloseTo(0.5 * gauss(x), 14));
  });

  it('rejects a non-positive width', () => {
    expect(() => densityOnGrid(new Float64Array([0]), new Float64Array([1]), linearGrid(-1, 1, 5), 0)).toThrow(RangeError);
  });
});

describe('grids', () => {
  it('builds an evenly spaced grid including both ends', () => {
    expect(Array.from(linearGrid(-1, 1, 5))).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('extends a margin of σ beyond the nodes', () => {
    const grid = gridAround(new Float64Array([2, -1, 0.5]), 0.1, 11, 5);
    expect(grid[0]).toBeCloseTo(-1.5, 14);
    expect(grid[10]).toBeCloseTo(2.5, 14);
  });

  it('integrates a linear function exactly with the trapezoid rule', () => {
    const grid = new Float64Array([0, 0.5, 2, 3]);
    expect(integrateOnGrid(grid, Float64Array.from(grid, (x) => 2 * x + 1))).toBeCloseTo(12, 14);
  });
});

import { describe, expect, it } from 'vitest';
import { hutchinsonTrace, hutchPlusPlusTrace, traceEstimates } from './trace';
import { knownBatch } from './knownBatch';
import { spectrumWithBulk } from './testOperators';
import type { MatVec } from './operator';
import { operatorWithSpectrum } from './testOperators';

const n = 100;
/** Eight large eigenvalues 100/i and a small bulk: a spectrum dominated by a low-rank part. */
const lowRankDominated = Array.from({ length: n }, (_, i) => (i < 8 ? 100 / (i + 1) : 0.05 * Math.sin(i)));

function diagonalMatVec(diagonal: number[]): MatVec {
  return async (v) => Float64Array.from(v, (x, i) => diagonal[i] * x);
}

/** Root-mean-square error and mean estimate and mean reported standard error over seeds. */
async function summarise(estimator: (seed: number) => Promise<{ estimate: number; standardError: number }>, truth: number, seeds: number) {
  let squaredError = 0, sum = 0, reportedError = 0;
  for (let seed = 0; seed < seeds; seed++) {
    const { estimate, standardError } = await estimator(seed);
    squaredError += (estimate - truth) ** 2;
    sum += estimate;
    reportedError += standardError;
  }
  return { rmse: Math.sqrt(squaredError / seeds), mean: sum / seeds, meanReportedError: reportedError / seeds };
}

describe('hutchinsonTrace', () => {
  it('is exact for a diagonal matrix, since zᵀ D z = Σ dᵢ zᵢ² = tr D for z ∈ {±1}ⁿ', async () => {
    const diagonal = [3, -1, 0.5, 7, 2];
    const result = await hutchinsonTrace(diagonalMatVec(diagonal), 5, 4, { seed: 1 });
    expect(result.estimate).toBeCloseTo(11.5, 12);
    expect(result.standardError).toBeCloseTo(0, 12);
    expect(result.samples.length).toBe(4);
    expect(result.products).toBe(4);
  });

  it('is unbiased, with a standard error that matches the observed spread', async () => {
    const op = operatorWithSpectrum(lowRankDominated, 1);
    const seeds = 40;
    const s = await summarise((seed) => hutchinsonTrace(op.matVec, n, 30, { seed, relativeTolerance: 0 }), op.trace, seeds);
    // The mean of 40 estimates lies within 4 of its standard errors of the truth.
    expect(Math.abs(s.mean - op.trace)).toBeLessThan((4 * s.rmse) / Math.sqrt(seeds));
    expect(s.meanReportedError / s.rmse).toBeGreaterThan(0.67);
    expect(s.meanReportedError / s.rmse).toBeLessThan(1.5);
  });

  it('reports progress and rejects with an AbortError when cancelled', async () => {
    const op = operatorWithSpectrum(lowRankDominated, 2);
    const controller = new AbortController();
    const progress: Array<[number, number]> = [];
    const run = hutchinsonTrace(op.matVec, n, 50, {
      relativeTolerance: 0,
      signal: controller.signal,
      onProgress: (done, total) => {
        progress.push([done, total]);
        if (done === 4) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toEqual([[1, 50], [2, 50], [3, 50], [4, 50]]);
    expect(op.calls).toBe(4);
  });
});

describe('hutchPlusPlusTrace', () => {
  it('is unbiased and far more accurate than Hutchinson at the same budget on a low-rank-dominated spectrum', async () => {
    const op = operatorWithSpectrum(lowRankDominated, 3);
    const seeds = 40;
    const budget = 30;
    const plain = await summarise((seed) => hutchinsonTrace(op.matVec, n, budget, { seed, relativeTolerance: 0 }), op.trace, seeds);
    const plus = await summarise((seed) => hutchPlusPlusTrace(op.matVec, n, budget, { seed, relativeTolerance: 0 }), op.trace, seeds);
    expect(Math.abs(plus.mean - op.trace)).toBeLessThan((4 * plus.rmse) / Math.sqrt(seeds));
    expect(plus.rmse).toBeLessThan(plain.rmse / 20);
    // Its standard error describes its own (much smaller) spread.
    expect(plus.meanReportedError / plus.rmse).toBeGreaterThan(0.5);
    expect(plus.meanReportedError / plus.rmse).toBeLessThan(2);
  });

  it('uses exactly its budget, split in thirds', async () => {
    const op = operatorWithSpectrum(lowRankDominated, 4);
    const progress: number[] = [];
    const result = await hutchPlusPlusTrace(op.matVec, n, 31, {
      seed: 5,
      relativeTolerance: 0,
      onProgress: (done, total) => { progress.push(done); expect(total).toBe(31); },
    });
    expect(result.products).toBe(31);
    expect(op.calls).toBe(31);
    expect(result.rank).toBe(10);
    expect(progress).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(result.estimate).toBeCloseTo(result.subspaceTrace + result.remainderTrace, 12);
  });

  it('is exact when the sketch captures the whole range of a low-rank matrix', async () => {
    const rankFour = Array.from({ length: 40 }, (_, i) => [5, -3, 2, 1][i] ?? 0);
    const op = operatorWithSpectrum(rankFour, 5);
    const result = await hutchPlusPlusTrace(op.matVec, 40, 18, { seed: 2, relativeTolerance: 0 });
    expect(result.rank).toBe(4);
    expect(result.estimate).toBeCloseTo(5, 9);
    expect(result.standardError).toBeLessThan(1e-9);
    // Columns of A S beyond the rank add nothing, so the saved products go to the remainder.
    expect(result.products).toBe(18);
  });

  it('rejects a budget below 3 and cancels with an AbortError', async () => {
    const op = operatorWithSpectrum(lowRankDominated, 6);
    await expect(hutchPlusPlusTrace(op.matVec, n, 2)).rejects.toThrow(RangeError);
    const controller = new AbortController();
    controller.abort();
    await expect(hutchPlusPlusTrace(op.matVec, n, 30, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(op.calls).toBe(0);
  });
});

describe('accuracy on request', () => {
  it('Hutchinson stops at the requested relative standard error, in batches, and says so', async () => {
    const op = operatorWithSpectrum(spectrumWithBulk([3, 2], n, 0.5, 1.5), 7);
    const batch = knownBatch(op);
    const result = await hutchinsonTrace(op.matVec, n, 5000, { seed: 3, batch, relativeTolerance: 0.02 });
    expect(result.stop).toBe('tolerance');
    expect(result.standardError).toBeLessThanOrEqual(0.02 * Math.abs(result.estimate));
    expect(result.products).toBeLessThan(5000);
    expect(result.products % 16).toBe(0);
    expect(batch.calls.every((count) => count === 16)).toBe(true);
    // One batch fewer would not have been enough (it stops at the first batch that is).
    expect(result.samples.length).toBeGreaterThanOrEqual(16);
  });

  it('Hutchinson spends the budget when the tolerance is out of reach, and says so', async () => {
    const op = operatorWithSpectrum(lowRankDominated, 8);
    const result = await hutchinsonTrace(op.matVec, n, 40, { seed: 1, batch: knownBatch(op), relativeTolerance: 0.001 });
    expect(result.stop).toBe('budget');
    expect(result.products).toBe(40);
    expect(result.standardError).toBeGreaterThan(0.001 * Math.abs(result.estimate));
  });

  it('Hutch++ grows its sketch while the remainder would cost more, and reaches the tolerance with far fewer products than Hutchinson', async () => {
    const op = operatorWithSpectrum(lowRankDominated, 9);
    const batch = knownBatch(op);
    const plus = await hutchPlusPlusTrace(op.matVec, n, 3000, { seed: 2, batch, relativeTolerance: 0.005 });
    expect(plus.stop).toBe('tolerance');
    expect(plus.standardError).toBeLessThanOrEqual(0.005 * Math.abs(plus.estimate));
    expect(Math.abs(plus.estimate - op.trace)).toBeLessThan(4 * plus.standardError + 1e-9);
    // The eight large eigenvalues are caught by the sketch.
    expect(plus.rank).toBeGreaterThanOrEqual(8);
    const plain = await hutchinsonTrace(op.matVec, n, 3000, { seed: 2, batch: knownBatch(op), relativeTolerance: 0.005 });
    expect(plus.products).toBeLessThan(plain.products / 5);
  });

  it('Hutch++ is exact, and says so, once the sketch spans ℝⁿ', async () => {
    const op = operatorWithSpectrum(spectrumWithBulk([4, -3], 12, -1, 1), 10);
    const result = await hutchPlusPlusTrace(op.matVec, 12, 200, { seed: 4, batch: knownBatch(op), relativeTolerance: 1e-6 });
    expect(result.stop).toBe('exact');
    expect(result.rank).toBe(12);
    expect(result.standardError).toBe(0);
    expect(result.estimate).toBeCloseTo(op.trace, 10);
  });
});

describe('traceEstimates', () => {
  const m = 40;
  const spectrum = spectrumWithBulk([10, -6, 4], m, -0.5, 1);

  it('gives Hutchinson within its standard error and Hutch++ exactly once its sketch spans ℝⁿ', async () => {
    const op = operatorWithSpectrum(spectrum, 1);
    const result = await traceEstimates(op.matVec, m, { hutchinsonBudget: 50, hutchPlusPlusBudget: 3 * m, seed: 2, relativeTolerance: 0 });
    expect(result.hutchinson.products).toBe(50);
    expect(result.hutchinson.standardError).toBeGreaterThan(0);
    expect(Math.abs(result.hutchinson.estimate - op.trace)).toBeLessThan(4 * result.hutchinson.standardError);
    expect(result.hutchPlusPlus.estimate).toBeCloseTo(op.trace, 8);
    // The sketch A S spans the range of A, which misses the eigenvalue 0 of the bulk (−0.5 + 1.5·12/36).
    expect(result.hutchPlusPlus.sketchRank).toBe(m - 1);
    expect(op.calls).toBe(50 + 3 * m);
  });

  it('computes the probes in batches when given the batched product', async () => {
    const op = operatorWithSpectrum(spectrum, 3);
    const batch = knownBatch(op);
    const seen: number[] = [];
    const result = await traceEstimates(op.matVec, m, {
      hutchinsonBudget: 37,
      hutchPlusPlusBudget: 9,
      batch,
      seed: 4,
      relativeTolerance: 0,
      onProgress: (done, total) => {
        expect(total).toBe(37 + 9);
        seen.push(done);
      },
    });
    // Hutchinson's 37 probes in calls of 16, 16 and 5 vectors, then Hutch++'s sketch, its trace and its probes.
    expect(batch.calls.slice(0, 3)).toEqual([16, 16, 5]);
    expect(batch.calls.slice(3).reduce((s, c) => s + c, 0)).toBe(9);
    expect(result.hutchinson.products).toBe(37);
    expect(Math.abs(result.hutchinson.estimate - op.trace)).toBeLessThan(4 * result.hutchinson.standardError);
    expect(seen.at(-1)).toBe(37 + 9);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
  });

  it('stops when aborted', async () => {
    const op = operatorWithSpectrum(spectrum, 5);
    const options = { signal: AbortSignal.abort(), batch: knownBatch(op) };
    await expect(traceEstimates(op.matVec, m, options)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

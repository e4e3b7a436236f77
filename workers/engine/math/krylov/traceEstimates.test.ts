import { describe, expect, it } from 'vitest';
import { operatorWithSpectrum, spectrumWithBulk } from './testOperators';
import { knownBatch } from './knownBatch';
import { traceEstimates } from './traceEstimates';

const n = 40;
const spectrum = spectrumWithBulk([10, -6, 4], n, -0.5, 1);

describe('traceEstimates', () => {
  it('gives Hutchinson within its standard error and Hutch++ exactly once its sketch spans ℝⁿ', async () => {
    const op = operatorWithSpectrum(spectrum, 1);
    const result = await traceEstimates(op.matVec, n, { hutchinsonProbes: 50, hutchPlusPlusBudget: 3 * n, seed: 2 });
    expect(result.hutchinson.products).toBe(50);
    expect(result.hutchinson.standardError).toBeGreaterThan(0);
    expect(Math.abs(result.hutchinson.estimate - op.trace)).toBeLessThan(4 * result.hutchinson.standardError);
    expect(result.hutchPlusPlus.estimate).toBeCloseTo(op.trace, 8);
    // The sketch A S spans the range of A, which misses the eigenvalue 0 of the bulk (−0.5 + 1.5·12/36).
    expect(result.hutchPlusPlus.sketchRank).toBe(n - 1);
    expect(op.calls).toBe(50 + 3 * n);
  });

  it('computes the Hutchinson probes in batches when given the batched product', async () => {
    const op = operatorWithSpectrum(spectrum, 3);
    const batch = knownBatch(op);
    const seen: number[] = [];
    const result = await traceEstimates(op.matVec, n, {
      hutchinsonProbes: 37,
      hutchPlusPlusBudget: 9,
      batch,
      seed: 4,
      onProgress: (done, total) => {
        expect(total).toBe(37 + 9);
        seen.push(done);
      },
    });
    // 16 lanes: 37 = 5 lanes of 3 probes + 11 lanes of 2, so calls of 16, 16 and 5 vectors.
    expect(batch.calls).toEqual([16, 16, 5]);
    expect(result.hutchinson.products).toBe(37);
    expect(Math.abs(result.hutchinson.estimate - op.trace)).toBeLessThan(4 * result.hutchinson.standardError);
    expect(seen.at(-1)).toBe(37 + 9);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
  });

  it('stops when aborted', async () => {
    const op = operatorWithSpectrum(spectrum, 5);
    const options = { signal: AbortSignal.abort(), batch: knownBatch(op) };
    await expect(traceEstimates(op.matVec, n, options)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

import { describe, expect, it } from 'vitest';
import { operatorWithSpectrum, spectrumWithBulk } from './testOperators';
import { deflatedSpectralDensity } from './deflatedSlq';
import { knownBatch } from './knownBatch';

const n = 200;
/**
 * Large outliers of both signs over a small bulk: ‖A‖_F ≈ 66 against
 * tr A ≈ 30, the situation (met in network Hessians) where plain SLQ's mean
 * is dominated by probe noise.
 */
const spectrum = spectrumWithBulk([40, 30, -35, -25], n, -0.3, 0.5);
const trace = spectrum.reduce((s, x) => s + x, 0);

function sum(values: Float64Array): number {
  return values.reduce((s, x) => s + x, 0);
}

describe('deflatedSpectralDensity', () => {
  it('returns weights that are non-negative and sum to 1, using m + R·steps products', async () => {
    const op = operatorWithSpectrum(spectrum, 1);
    const batch = knownBatch(op);
    const result = await deflatedSpectralDensity(op.matVec, batch, n, { deflationSteps: 30, deflationBlockSize: 1, runs: 4, steps: 12, seed: 2 });
    expect(result.deflatedDimension).toBe(30);
    expect(result.nodes.length).toBe(30 + 4 * 12);
    expect(result.products).toBe(30 + 4 * 12);
    expect(op.calls).toBe(30);
    // The remainder runs advance side by side: 12 batched calls of 4 vectors.
    expect(batch.calls).toEqual(new Array(12).fill(4));
    expect(sum(result.weights)).toBeCloseTo(1, 12);
    for (const w of result.weights) expect(w).toBeGreaterThanOrEqual(0);
    // The deflated Ritz values carry 1/n each.
    for (let i = 0; i < 30; i++) expect(result.weights[i]).toBeCloseTo(1 / n, 15);
  });

  it('is exact when the Krylov space fills ℝⁿ', async () => {
    const small = [5, 3, -2, 1, 0.5, -0.25, 4, 2];
    const op = operatorWithSpectrum(small, 3);
    const result = await deflatedSpectralDensity(op.matVec, knownBatch(op), small.length, { deflationSteps: 20, seed: 4 });
    expect(result.deflatedDimension).toBe(small.length);
    expect(result.runs).toBe(0);
    const nodes = Array.from(result.nodes).sort((a, b) => a - b);
    const exact = [...small].sort((a, b) => a - b);
    nodes.forEach((x, i) => expect(x).toBeCloseTo(exact[i], 10));
    expect(result.traceEstimate).toBeCloseTo(op.trace, 10);
    expect(result.traceStandardError).toBe(0);
  });

  it('estimates the mean far more precisely than plain SLQ with the same probes', async () => {
    const op = operatorWithSpectrum(spectrum, 5);
    const options = { runs: 10, steps: 20, seed: 6 };
    const plain = await deflatedSpectralDensity(op.matVec, knownBatch(op), n, { ...options, deflationSteps: 0 });
    const deflated = await deflatedSpectralDensity(op.matVec, knownBatch(op), n, { ...options, deflationSteps: 40 });
    // Plain SLQ's error is of order √2‖A‖_F/√R ≈ 30 = tr A; deflation removes the outliers' share of ‖A‖_F.
    expect(deflated.traceStandardError).toBeLessThan(plain.traceStandardError / 5);
    expect(Math.abs(deflated.traceEstimate - trace)).toBeLessThan(3 * deflated.traceStandardError);
    expect(Math.abs(deflated.traceEstimate - trace) / trace).toBeLessThan(0.05);
    // The density's mean is the trace estimate over n.
    const mean = deflated.nodes.reduce((s, x, k) => s + x * deflated.weights[k], 0);
    expect(mean * n).toBeCloseTo(deflated.traceEstimate, 6);
    // Plain SLQ's reported uncertainty covers its (large) error.
    expect(Math.abs(plain.traceEstimate - trace)).toBeLessThan(3 * plain.traceStandardError);
  });

  it('reports progress up to the planned products and stops when aborted', async () => {
    const op = operatorWithSpectrum(spectrum, 7);
    const seen: [number, number][] = [];
    await deflatedSpectralDensity(op.matVec, knownBatch(op), n, {
      deflationSteps: 10,
      deflationBlockSize: 1,
      runs: 3,
      steps: 5,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen.at(-1)).toEqual([25, 25]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);

    const controller = new AbortController();
    const cancelled = deflatedSpectralDensity(op.matVec, knownBatch(op), n, {
      deflationSteps: 50,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 5) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects invalid sizes', async () => {
    const op = operatorWithSpectrum([1, 2, 3], 8);
    await expect(deflatedSpectralDensity(op.matVec, knownBatch(op), 3, { runs: 0 })).rejects.toThrow(RangeError);
    await expect(deflatedSpectralDensity(op.matVec, knownBatch(op), 3, { deflationSteps: -1 })).rejects.toThrow(/deflationSteps/);
  });
});

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

describe('deflatedSpectralDensity to a requested accuracy', () => {
  it('chooses the probe count from the measured spread and stops at the requested standard error', async () => {
    const op = operatorWithSpectrum(spectrum, 11);
    const batch = knownBatch(op);
    const result = await deflatedSpectralDensity(op.matVec, batch, n, { deflationSteps: 40, steps: 10, relativeTolerance: 0.01, seed: 3 });
    expect(result.stop).toBe('tolerance');
    expect(result.traceStandardError).toBeLessThanOrEqual(0.01 * Math.abs(result.traceEstimate));
    expect(result.mean.standardError).toBeCloseTo(result.traceStandardError / n, 15);
    expect(result.mean.estimate).toBeCloseTo(result.traceEstimate / n, 15);
    expect(result.runs).toBeGreaterThanOrEqual(10);
    expect(Math.abs(result.traceEstimate - trace)).toBeLessThan(4 * result.traceStandardError);
    expect(sum(result.weights)).toBeCloseTo(1, 12);
    // Products: the deflation, pilots of 16 one-product probes (one per Krylov space tried), and R probes of 10 steps.
    expect(result.pilotProducts % 16).toBe(0);
    expect(result.pilotProducts).toBeGreaterThanOrEqual(16);
    expect(result.products).toBe(result.deflatedDimension + result.pilotProducts + result.runs * 10);
    expect(result.products).toBeLessThanOrEqual(result.budget);
  });

  it('asks for more probes when the remainder spreads more: the count follows the variance, not a constant', async () => {
    const op = operatorWithSpectrum(spectrum, 12);
    const options = { steps: 5, seed: 4, maxDeflationSteps: 8 };
    const loose = await deflatedSpectralDensity(op.matVec, knownBatch(op), n, { ...options, deflationSteps: 8, relativeTolerance: 0.05 });
    const tight = await deflatedSpectralDensity(op.matVec, knownBatch(op), n, { ...options, deflationSteps: 8, relativeTolerance: 0.02 });
    expect(tight.runs).toBeGreaterThan(2 * loose.runs);
    expect(tight.traceStandardError).toBeLessThan(loose.traceStandardError);
  });

  it('grows the deflated Krylov space when that is cheaper than the probes the spread asks for', async () => {
    const op = operatorWithSpectrum(spectrum, 13);
    const result = await deflatedSpectralDensity(op.matVec, knownBatch(op), n, { deflationSteps: 4, steps: 30, relativeTolerance: 0.03, seed: 5 });
    // The outliers need more than 4 Krylov directions: the space grows past what was asked.
    expect(result.deflatedDimension).toBeGreaterThan(4);
    expect(['tolerance', 'exact']).toContain(result.stop);
  });

  it('says when the budget ran out before the tolerance, with the standard error it reached', async () => {
    const op = operatorWithSpectrum(spectrum, 14);
    const result = await deflatedSpectralDensity(op.matVec, knownBatch(op), n, {
      deflationSteps: 0,
      steps: 10,
      relativeTolerance: 0.001,
      budget: 300,
      seed: 6,
    });
    expect(result.stop).toBe('budget');
    expect(result.products).toBeLessThanOrEqual(300);
    expect(result.traceStandardError).toBeGreaterThan(0.001 * Math.abs(result.traceEstimate));
  });

  it('estimates the fraction of negative eigenvalues with a standard error', async () => {
    const op = operatorWithSpectrum(spectrum, 15);
    const result = await deflatedSpectralDensity(op.matVec, knownBatch(op), n, { deflationSteps: 20, runs: 30, steps: 30, seed: 7 });
    const negatives = spectrum.filter((x) => x < 0).length / n;
    expect(result.negativeMass.standardError).toBeGreaterThan(0);
    // The quadrature smears some mass across zero, beyond its sampling error: allow a little more.
    expect(Math.abs(result.negativeMass.estimate - negatives)).toBeLessThan(4 * result.negativeMass.standardError + 0.05);
  });
});

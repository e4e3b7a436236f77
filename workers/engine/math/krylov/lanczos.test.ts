import { describe, expect, it } from 'vitest';
import { dot, norm2 } from '../linalg/vectorOps';
import { Rng } from '../rng';
import { errorBar, lanczosExtremes } from './lanczos';
import { knownBatch } from './knownBatch';
import { operatorWithSpectrum, spectrumWithBulk } from './testOperators';

const n = 200;
/** Three outliers at each end, well separated from a bulk spread over [−2, 2]. */
const spectrum = spectrumWithBulk([10, 8, 6.5, -10, -8, -6.5], n, -2, 2);
const top = [10, 8, 6.5];
const bottom = [-10, -8, -6.5];

function residualNorm(apply: (v: Float64Array) => Float64Array, value: number, vector: Float64Array): number {
  const r = apply(vector);
  for (let i = 0; i < r.length; i++) r[i] -= value * vector[i];
  return norm2(r);
}

describe('lanczosExtremes', () => {
  it('finds the top 3 and bottom 3 eigenvalues to 1e-6 relative within 40 products', async () => {
    const op = operatorWithSpectrum(spectrum, 1);
    const result = await lanczosExtremes(op.matVec, n, { k: 3, which: 'both', tol: 1e-7, maxProducts: 40, seed: 2 });
    expect(result.converged).toBe(true);
    expect(result.products).toBeLessThanOrEqual(40);
    expect(op.calls).toBe(result.products);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(result.largest!.values[i] - top[i]) / Math.abs(top[i])).toBeLessThan(1e-6);
      expect(Math.abs(result.smallest!.values[i] - bottom[i]) / Math.abs(bottom[i])).toBeLessThan(1e-6);
    }
  });

  it('returns unit Ritz vectors aligned with the true eigenvectors, with honest residuals', async () => {
    const op = operatorWithSpectrum(spectrum, 4);
    const result = await lanczosExtremes(op.matVec, n, { k: 2, which: 'largest', tol: 1e-9, seed: 5 });
    expect(result.smallest).toBeUndefined();
    const { values, vectors, residuals } = result.largest!;
    for (let i = 0; i < 2; i++) {
      expect(norm2(vectors[i])).toBeCloseTo(1, 12);
      expect(Math.abs(dot(vectors[i], op.eigenvector(i)))).toBeGreaterThan(1 - 1e-9);
      // The residual from the Lanczos identity equals ‖A y − θ y‖ computed directly.
      const direct = residualNorm(op.applyNow, values[i], vectors[i]);
      expect(Math.abs(residuals[i] - direct)).toBeLessThan(1e-10 * Math.abs(values[0]));
      expect(residuals[i]).toBeLessThanOrEqual(1e-9 * 10);
    }
  });

  it('orders values descending for largest and ascending for smallest', async () => {
    const op = operatorWithSpectrum(spectrum, 6);
    const result = await lanczosExtremes(op.matVec, n, { k: 3, which: 'smallest', seed: 1 });
    expect(result.largest).toBeUndefined();
    const values = Array.from(result.smallest!.values);
    expect(values).toEqual([...values].sort((p, q) => p - q));
    expect(values[0]).toBeCloseTo(-10, 6);
    const ritz = Array.from(result.ritzValues);
    expect(ritz).toEqual([...ritz].sort((p, q) => q - p));
  });

  it('needs fewer products from a warm start near the top eigenvector', async () => {
    const op = operatorWithSpectrum(spectrum, 7);
    const cold = await lanczosExtremes(op.matVec, n, { k: 1, tol: 1e-8, seed: 3 });
    // The top eigenvector plus a perturbation of relative size 1e-4.
    const noise = new Rng(17).fillNormal(new Float64Array(n));
    const warm = op.eigenvector(0);
    const scale = 1e-4 / norm2(noise);
    for (let i = 0; i < n; i++) warm[i] += scale * noise[i];
    const warmResult = await lanczosExtremes(op.matVec, n, { k: 1, tol: 1e-8, initial: warm, seed: 3 });
    expect(warmResult.largest!.values[0]).toBeCloseTo(10, 8);
    expect(warmResult.products).toBeLessThan(cold.products);
  });

  it('continues past an invariant subspace (start vector = an eigenvector)', async () => {
    const op = operatorWithSpectrum(spectrum, 8);
    const result = await lanczosExtremes(op.matVec, n, { k: 3, tol: 1e-8, initial: op.eigenvector(0), seed: 9 });
    expect(result.beta[0]).toBe(0); // the first step found the invariant line span{v₁}
    expect(result.converged).toBe(true);
    for (let i = 0; i < 3; i++) expect(result.largest!.values[i]).toBeCloseTo(top[i], 8);
  });

  it('is exact once the Krylov space fills a small space', async () => {
    const small = [3, 1, -2, 0.5, 7];
    const op = operatorWithSpectrum(small, 10);
    const result = await lanczosExtremes(op.matVec, 5, { k: 2, which: 'both', tol: 1e-15, seed: 1 });
    expect(result.converged).toBe(true);
    expect(result.products).toBeLessThanOrEqual(5);
    expect(Array.from(result.ritzValues).map((v) => +v.toFixed(10))).toEqual([7, 3, 1, 0.5, -2]);
  });

  it('is reproducible for a seed', async () => {
    const op = operatorWithSpectrum(spectrum, 11);
    const a = await lanczosExtremes(op.matVec, n, { k: 1, maxProducts: 6, tol: 0, seed: 21 });
    const b = await lanczosExtremes(op.matVec, n, { k: 1, maxProducts: 6, tol: 0, seed: 21 });
    const c = await lanczosExtremes(op.matVec, n, { k: 1, maxProducts: 6, tol: 0, seed: 22 });
    expect(Array.from(a.alpha)).toEqual(Array.from(b.alpha));
    expect(Array.from(a.alpha)).not.toEqual(Array.from(c.alpha));
  });

  it('reports progress after every step against maxProducts', async () => {
    const op = operatorWithSpectrum(spectrum, 12);
    const seen: Array<[number, number]> = [];
    const result = await lanczosExtremes(op.matVec, n, {
      k: 1, tol: 1e-6, maxProducts: 50, seed: 1, onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen.length).toBe(result.iterations);
    seen.forEach(([done, total], i) => {
      expect(done).toBe(i + 1);
      expect(total).toBe(50);
    });
  });

  it('rejects with an AbortError and stops computing when cancelled', async () => {
    const op = operatorWithSpectrum(spectrum, 13);
    const controller = new AbortController();
    const run = lanczosExtremes(op.matVec, n, {
      k: 3, which: 'both', tol: 1e-14, maxProducts: 100, seed: 1, signal: controller.signal,
      onProgress: (done) => { if (done === 5) controller.abort(); },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(op.calls).toBe(5);
  });

  it('rejects a start vector of the wrong length', async () => {
    const op = operatorWithSpectrum([1, 2, 3], 1);
    await expect(lanczosExtremes(op.matVec, 3, { initial: new Float64Array(2) })).rejects.toThrow(RangeError);
  });
});

describe('lanczosExtremes for both ends (formerly extremeEigenvalues)', () => {
  const m = 120;
  const ends = spectrumWithBulk([9, 7.5, 6, -4, -3.2, -2.5], m, -1, 1);

  it('finds the k largest and k smallest eigenvalues from one Krylov space', async () => {
    const op = operatorWithSpectrum(ends, 1);
    const result = await lanczosExtremes(op.matVec, m, { k: 3, which: 'both', tol: 1e-8, maxProducts: 80 });
    expect(Array.from(result.largest!.values)).toEqual([9, 7.5, 6].map((x) => expect.closeTo(x, 6)));
    expect(Array.from(result.smallest!.values)).toEqual([-4, -3.2, -2.5].map((x) => expect.closeTo(x, 6)));
    expect(result.converged).toBe(true);
    // One product per Lanczos step, counted once for both ends.
    expect(result.products).toBe(op.calls);
    expect(result.products).toBeLessThanOrEqual(80);
    // Each residual bounds the distance of its Ritz value to an eigenvalue.
    result.largest!.residuals.forEach((r) => expect(r).toBeLessThan(1e-6 * 9));
  });

  it('returns unit Ritz vectors that are eigenvectors', async () => {
    const op = operatorWithSpectrum(ends, 2);
    const result = await lanczosExtremes(op.matVec, m, { k: 1, which: 'both', tol: 1e-10 });
    const v = result.largest!.vectors[0];
    const overlap = v.reduce((s, x, i) => s + x * op.eigenvector(0)[i], 0);
    expect(Math.abs(overlap)).toBeGreaterThan(0.99999);
  });

  it('refuses more than 20 per end', async () => {
    const op = operatorWithSpectrum(ends, 3);
    await expect(lanczosExtremes(op.matVec, m, { k: 21 })).rejects.toThrow(/1…20/);
  });
});

describe('block Lanczos', () => {
  it('batches the b products of each step and finds both ends', async () => {
    const op = operatorWithSpectrum(spectrum, 14);
    const batch = knownBatch(op);
    const result = await lanczosExtremes(op.matVec, n, { k: 3, which: 'both', blockSize: 4, batch, tol: 1e-8, seed: 3 });
    expect(result.converged).toBe(true);
    expect(result.blockSize).toBe(4);
    expect(batch.calls.every((count) => count === 4)).toBe(true);
    expect(result.products).toBe(4 * batch.calls.length);
    expect(result.iterations).toBe(batch.calls.length);
    for (let i = 0; i < 3; i++) {
      expect(result.largest!.values[i]).toBeCloseTo(top[i], 7);
      expect(result.smallest!.values[i]).toBeCloseTo(bottom[i], 7);
    }
  });

  it('gives residuals equal to ‖A y − θ y‖ computed directly', async () => {
    const op = operatorWithSpectrum(spectrum, 15);
    const result = await lanczosExtremes(op.matVec, n, { k: 3, which: 'both', blockSize: 3, batch: knownBatch(op), tol: 1e-3, seed: 4 });
    for (const end of [result.largest!, result.smallest!]) {
      end.values.forEach((value, i) => {
        expect(Math.abs(end.residuals[i] - residualNorm(op.applyNow, value, end.vectors[i]))).toBeLessThan(1e-10 * 10);
      });
    }
  });

  it('reports error bars: r²/gap where the gap to the other Ritz values is clear, r otherwise, at least the floor', async () => {
    const op = operatorWithSpectrum(spectrum, 16);
    const result = await lanczosExtremes(op.matVec, n, { k: 3, which: 'both', tol: 1e-4, seed: 5, precision: 1e-13 });
    for (const [end, truth] of [[result.largest!, top], [result.smallest!, bottom]] as const) {
      end.values.forEach((value, i) => {
        expect(Math.abs(value - truth[i])).toBeLessThanOrEqual(end.errors[i] * (1 + 1e-9) + 1e-14);
        expect(end.errors[i]).toBeLessThanOrEqual(Math.max(end.residuals[i], 1e-13 * 10));
        if (end.gaps[i] > end.residuals[i]) expect(end.errors[i]).toBeCloseTo(Math.max(end.residuals[i] ** 2 / end.gaps[i], 1e-12), 12);
      });
    }
    // With the float32 floor, no error bar is below 1e-6 · max|θ|.
    const floored = await lanczosExtremes(op.matVec, n, { k: 1, which: 'both', tol: 1e-10, seed: 5 });
    expect(floored.largest!.errors[0]).toBeGreaterThanOrEqual(1e-6 * 10 * (1 - 1e-9));
  });
});

describe('errorBar', () => {
  it('is r²/gap for a clear gap, r otherwise, never below the floor', () => {
    expect(errorBar(1e-3, 0.5, 0)).toBeCloseTo(2e-6, 15);
    expect(errorBar(1e-3, 5e-4, 0)).toBe(1e-3);
    expect(errorBar(1e-3, Number.NaN, 0)).toBe(1e-3);
    expect(errorBar(1e-9, 1, 1e-6)).toBe(1e-6);
  });
});

import { describe, expect, it } from 'vitest';
import { dot, norm2 } from '../linalg/vectorOps';
import { Rng } from '../rng';
import { lanczosExtremes } from './lanczos';
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

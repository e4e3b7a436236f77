import { describe, expect, it } from 'vitest';
import { operatorWithSpectrum, spectrumWithBulk } from './testOperators';
import { comparePowerIteration, extremeEigenvalues } from './extremes';

const n = 120;
const spectrum = spectrumWithBulk([9, 7.5, 6, -4, -3.2, -2.5], n, -1, 1);

describe('extremeEigenvalues', () => {
  it('finds the k largest and k smallest eigenvalues from one Krylov space', async () => {
    const op = operatorWithSpectrum(spectrum, 1);
    const result = await extremeEigenvalues(op.matVec, n, { k: 3, tol: 1e-8, maxProducts: 80 });
    expect(Array.from(result.largest.values)).toEqual([9, 7.5, 6].map((x) => expect.closeTo(x, 6)));
    expect(Array.from(result.smallest.values)).toEqual([-4, -3.2, -2.5].map((x) => expect.closeTo(x, 6)));
    expect(result.converged).toBe(true);
    // One product per Lanczos step, counted once for both ends.
    expect(result.products).toBe(op.calls);
    expect(result.products).toBeLessThanOrEqual(80);
    // Each residual bounds the distance of its Ritz value to an eigenvalue.
    result.largest.residuals.forEach((r) => expect(r).toBeLessThan(1e-6 * 9));
  });

  it('returns unit Ritz vectors that are eigenvectors', async () => {
    const op = operatorWithSpectrum(spectrum, 2);
    const result = await extremeEigenvalues(op.matVec, n, { k: 1, tol: 1e-10 });
    const v = result.largest.vectors[0];
    const overlap = v.reduce((s, x, i) => s + x * op.eigenvector(0)[i], 0);
    expect(Math.abs(overlap)).toBeGreaterThan(0.99999);
  });

  it('refuses more than 20 per end', async () => {
    const op = operatorWithSpectrum(spectrum, 3);
    await expect(extremeEigenvalues(op.matVec, n, { k: 21 })).rejects.toThrow(/1…20/);
  });
});

describe('comparePowerIteration', () => {
  it('needs more products with power iteration than with Lanczos for a small gap', async () => {
    // λ₂/λ₁ = 0.95: power iteration's error shrinks by 0.95 per product.
    const op = operatorWithSpectrum(spectrumWithBulk([10, 9.5], 80, 0, 5), 4);
    const result = await comparePowerIteration(op.matVec, 80, { tol: 1e-3, maxProducts: 400 });
    expect(result.power.converged).toBe(true);
    expect(result.lanczos.converged).toBe(true);
    expect(result.power.value).toBeCloseTo(10, 3);
    expect(result.lanczos.value).toBeCloseTo(10, 5);
    expect(result.power.products).toBeGreaterThan(2 * result.lanczos.products);
  });
});

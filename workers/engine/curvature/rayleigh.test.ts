import { describe, expect, it } from 'vitest';
import { rayleighQuotient } from './rayleigh';
import { operatorWithSpectrum } from '../math/krylov/testOperators';

describe('rayleighQuotient', () => {
  it('gives the eigenvalue along an eigenvector, whatever its length', async () => {
    const op = operatorWithSpectrum([4, -2, 0.5, 1], 1);
    const v = op.eigenvector(1).map((x) => 3 * x);
    expect(await rayleighQuotient(op.matVec, v)).toBeCloseTo(-2, 12);
    expect(op.calls).toBe(1);
  });

  it('gives the weighted mean of eigenvalues for a mixed direction', async () => {
    const op = operatorWithSpectrum([4, -2, 0.5, 1], 2);
    // d = v₀ + 2 v₁: dᵀAd / dᵀd = (4 + 4·(−2)) / 5.
    const d = op.eigenvector(0).map((x, i) => x + 2 * op.eigenvector(1)[i]);
    expect(await rayleighQuotient(op.matVec, d)).toBeCloseTo(-4 / 5, 12);
  });

  it('rejects the zero direction', async () => {
    const op = operatorWithSpectrum([1, 2], 3);
    await expect(rayleighQuotient(op.matVec, new Float64Array(2))).rejects.toThrow(RangeError);
  });
});

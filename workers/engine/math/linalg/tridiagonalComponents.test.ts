import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { tridiagonalEigen } from './symmetricEigen';
import { tridiagonalEigenComponents } from './tridiagonalComponents';

describe('tridiagonalEigenComponents', () => {
  it('matches the eigenvalues and (up to sign) the chosen row of the full eigenvectors', () => {
    const m = 30;
    const rng = new Rng(4);
    const alpha = rng.fillNormal(new Float64Array(m));
    const beta = rng.fillNormal(new Float64Array(m - 1));
    const full = tridiagonalEigen(alpha, beta);
    for (const index of [0, 13, m - 1]) {
      const { values, components } = tridiagonalEigenComponents(alpha, beta, index);
      for (let k = 0; k < m; k++) {
        expect(values[k]).toBeCloseTo(full.values[k], 12);
        expect(Math.abs(components[k])).toBeCloseTo(Math.abs(full.vectors[k * m + index]), 12);
      }
      // A row of an orthogonal matrix has unit norm.
      expect(components.reduce((s, c) => s + c * c, 0)).toBeCloseTo(1, 13);
    }
  });

  it('gives Gauss quadrature weights: Σ s₁ₖ² θₖ = α₁', () => {
    const alpha = new Float64Array([2, -1, 0.5, 3]);
    const beta = new Float64Array([1, 0.3, -0.7]);
    const { values, components } = tridiagonalEigenComponents(alpha, beta, 0);
    expect(values.reduce((s, v, k) => s + components[k] ** 2 * v, 0)).toBeCloseTo(2, 13);
  });

  it('rejects an index outside the matrix', () => {
    expect(() => tridiagonalEigenComponents(new Float64Array([1, 2]), new Float64Array([1]), 2)).toThrow(RangeError);
  });
});

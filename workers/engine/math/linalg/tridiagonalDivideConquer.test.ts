import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { tridiagonalEigen } from './symmetricEigen';
import { tridiagonalEigenDivideConquer } from './tridiagonalDivideConquer';
import { orthonormalityError } from './testing/orthonormality';

/** max_k ‖T v_k − λ_k v_k‖∞ / ‖T‖ and max |VVᵀ − I| for the returned rows. */
function quality(d: Float64Array, e: Float64Array, values: Float64Array, rows: Float64Array) {
  const m = d.length;
  let norm = 0;
  for (const x of d) norm = Math.max(norm, Math.abs(x));
  for (const x of e) norm = Math.max(norm, Math.abs(x));
  let residual = 0;
  for (let k = 0; k < m; k++) {
    const v = rows.subarray(k * m, k * m + m);
    for (let i = 0; i < m; i++) {
      const tv = d[i] * v[i] + (i > 0 ? e[i - 1] * v[i - 1] : 0) + (i < m - 1 ? e[i] * v[i + 1] : 0);
      residual = Math.max(residual, Math.abs(tv - values[k] * v[i]));
    }
  }
  return { residual: residual / norm, orthogonality: orthonormalityError(rows, m) };
}

const rng = new Rng(12);
const cases: Array<[string, Float64Array, Float64Array]> = [
  ['random', rng.fillNormal(new Float64Array(150)), rng.fillNormal(new Float64Array(149))],
  ['second difference tridiag(−1, 2, −1)', new Float64Array(120).fill(2), new Float64Array(119).fill(-1)],
  ['zero diagonal (spectrum symmetric about 0)', new Float64Array(101), new Float64Array(100).fill(1)],
  // Wilkinson's W⁺: pairs of eigenvalues agreeing to many digits.
  ['Wilkinson W⁺₁₀₁', Float64Array.from({ length: 101 }, (_, i) => Math.abs(i - 50)), new Float64Array(100).fill(1)],
  ['identity plus tiny coupling (everything deflates)', new Float64Array(90).fill(1), new Float64Array(89).fill(1e-13)],
  [
    'three clustered values, some exact splits',
    Float64Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    Float64Array.from({ length: 119 }, (_, i) => (i % 40 === 0 ? 0 : 1e-3 * Math.sin(i))),
  ],
  [
    'an O(1) block followed by a block of rounding noise (a low-rank matrix\'s null space)',
    Float64Array.from({ length: 140 }, (_, i) => (i < 30 ? 1 + Math.cos(i) : 1e-14 * Math.sin(7 * i))),
    Float64Array.from({ length: 139 }, (_, i) => (i < 29 ? 0.5 : 1e-14 * Math.cos(3 * i))),
  ],
  [
    'graded over 15 orders of magnitude',
    Float64Array.from({ length: 100 }, (_, i) => 10 ** -(i % 16)),
    Float64Array.from({ length: 99 }, (_, i) => 1e-9 * (i % 5)),
  ],
];

describe('tridiagonalEigenDivideConquer', () => {
  it.each(cases)('%s: small residuals, orthonormal rows, the same eigenvalues as QR', (_, d, e) => {
    const dCopy = Float64Array.from(d);
    const { values, rows } = tridiagonalEigenDivideConquer(d, e);
    expect(d).toEqual(dCopy);
    const { residual, orthogonality } = quality(d, e, values, rows);
    expect(residual).toBeLessThan(1e-13);
    expect(orthogonality).toBeLessThan(1e-13);
    const reference = tridiagonalEigen(d, e).values; // descending
    const m = d.length;
    let scale = 0;
    for (const x of reference) scale = Math.max(scale, Math.abs(x));
    for (let k = 0; k < m; k++) {
      expect(Math.abs(values[k] - reference[m - 1 - k])).toBeLessThan(1e-13 * scale);
      if (k > 0) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
    }
  });

  it('returns the identity for the zero matrix and handles sizes 1 and 2', () => {
    const zero = tridiagonalEigenDivideConquer(new Float64Array(30), new Float64Array(29));
    expect(Array.from(zero.values)).toEqual(new Array(30).fill(0));
    expect(quality(new Float64Array(30), new Float64Array(29).fill(0), zero.values, zero.rows).orthogonality).toBe(0);
    expect(Array.from(tridiagonalEigenDivideConquer(new Float64Array([5]), new Float64Array(0)).values)).toEqual([5]);
    const two = tridiagonalEigenDivideConquer(new Float64Array([1, 1]), new Float64Array([2]));
    expect(two.values[0]).toBeCloseTo(-1, 14);
    expect(two.values[1]).toBeCloseTo(3, 14);
  });
});

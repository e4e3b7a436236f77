import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { axpy, combine, dot, norm2, orthogonalizeAgainst, scaleInPlace } from './vectorOps';

describe('vector operations', () => {
  it('computes dot products and norms, including odd lengths and extreme scales', () => {
    expect(dot(new Float64Array([1, 2, 3]), new Float64Array([4, -5, 6]))).toBe(12);
    expect(norm2(new Float64Array([3, 4, 12]))).toBe(13);
    expect(norm2(new Float64Array([3e200, 4e200]))).toBeCloseTo(5e200, -186);
    expect(norm2(new Float64Array([3e-200, 4e-200]))).toBeCloseTo(5e-200, 210);
    expect(norm2(new Float64Array(3))).toBe(0);
  });

  it('updates in place with axpy and scaleInPlace', () => {
    const y = new Float64Array([1, 1]);
    expect(axpy(2, new Float64Array([3, -1]), y)).toBe(y);
    expect(Array.from(y)).toEqual([7, -1]);
    expect(Array.from(scaleInPlace(-0.5, y))).toEqual([-3.5, 0.5]);
  });

  it('orthogonalises against an orthonormal basis to working precision', () => {
    const rng = new Rng(1);
    const n = 50;
    const basis: Float64Array[] = [];
    for (let k = 0; k < 10; k++) {
      const v = orthogonalizeAgainst(rng.fillNormal(new Float64Array(n)), basis);
      basis.push(scaleInPlace(1 / norm2(v), v));
    }
    // A vector almost inside the span: the hard case for a single Gram–Schmidt pass.
    const w = combine(basis, Array.from({ length: 10 }, (_, k) => k + 1), n);
    w[0] += 1e-10;
    orthogonalizeAgainst(w, basis);
    for (const q of basis) expect(Math.abs(dot(q, w))).toBeLessThan(1e-24);
  });

  it('combines basis vectors with coefficients', () => {
    const out = combine([new Float64Array([1, 0]), new Float64Array([0, 1])], [2, -3], 2);
    expect(Array.from(out)).toEqual([2, -3]);
  });
});

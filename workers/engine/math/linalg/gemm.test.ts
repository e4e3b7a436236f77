import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { gemmAccumulate } from './gemm';

/** The textbook triple loop, as the reference. */
function naive(m: number, n: number, k: number, a: Float64Array, lda: number, b: Float64Array, ldb: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += a[i * lda + p] * b[p * ldb + j];
    c[i * n + j] = s;
  }
  return c;
}

describe('gemmAccumulate', () => {
  it.each([
    [1, 1, 1], [3, 5, 2], [4, 4, 4], [7, 9, 300], [17, 6, 513], [8, 13, 1],
  ])('adds s·A B for m=%i, n=%i, k=%i (edges, and inner slices past 256)', (m, n, k) => {
    const rng = new Rng(m * 1000 + n * 10 + k);
    const a = rng.fillNormal(new Float64Array(m * k));
    const b = rng.fillNormal(new Float64Array(k * n));
    const c0 = rng.fillNormal(new Float64Array(m * n));
    const c = Float64Array.from(c0);
    gemmAccumulate(m, n, k, -0.5, { data: a, offset: 0, stride: k }, { data: b, offset: 0, stride: n }, { data: c, offset: 0, stride: n });
    const ab = naive(m, n, k, a, k, b, n);
    for (let i = 0; i < m * n; i++) expect(c[i]).toBeCloseTo(c0[i] - 0.5 * ab[i], 10);
  });

  it('reads and writes sub-blocks through offsets and strides, leaving the rest alone', () => {
    const rng = new Rng(3);
    // A is the 5×6 block at (1, 2) of a 8×10 array; B the 6×3 block at (0, 4) of a 6×9 array;
    // C the 5×3 block at (2, 1) of a 9×7 array.
    const bigA = rng.fillNormal(new Float64Array(80));
    const bigB = rng.fillNormal(new Float64Array(54));
    const bigC = new Float64Array(63);
    gemmAccumulate(5, 3, 6, 1,
      { data: bigA, offset: 1 * 10 + 2, stride: 10 },
      { data: bigB, offset: 4, stride: 9 },
      { data: bigC, offset: 2 * 7 + 1, stride: 7 });
    for (let i = 0; i < 9; i++) for (let j = 0; j < 7; j++) {
      const inside = i >= 2 && i < 7 && j >= 1 && j < 4;
      let expected = 0;
      if (inside) for (let p = 0; p < 6; p++) expected += bigA[(i - 1) * 10 + 2 + p] * bigB[p * 9 + 4 + j - 1];
      expect(bigC[i * 7 + j]).toBeCloseTo(expected, 12);
    }
  });
});

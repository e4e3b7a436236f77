import { describe, expect, it } from 'vitest';
import { Rng } from '../../math/rng';
import { allZero, columnSums, fillRows, gemm } from './gemm';

/** Σ_p A(i, p) B(p, j) in float64 from plain row-major A [m×k] and B [k×n]. */
function naive(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) out[i * n + j] += a[i * k + p] * b[p * n + j];
  return out;
}

function transpose(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c];
  return out;
}

function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let w = 0;
  for (let i = 0; i < b.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]));
  return w;
}

describe('gemm', () => {
  // Odd rows, columns that are not a multiple of 4, and single rows or columns exercise every remainder loop.
  const SHAPES = [[1, 1, 1], [2, 4, 3], [5, 7, 6], [7, 9, 13], [3, 1, 8], [1, 6, 2], [8, 16, 16]] as const;

  it.each(SHAPES)('A B, A from Aᵀ and B from Bᵀ give the float64 product (m %i, n %i, k %i)', (m, n, k) => {
    const rng = new Rng(m * 100 + n * 10 + k);
    const a = rng.fillNormal(new Float32Array(m * k));
    const b = rng.fillNormal(new Float32Array(k * n));
    const expected = naive(a, b, m, k, n);
    const out = new Float32Array(m * n);
    gemm(m, n, k, a, 0, k, 1, b, 0, n, 1, out, 0, false);
    expect(worst(out, expected)).toBeLessThan(1e-5);
    // A stored transposed ([k×m]): A(i, p) = aᵀ[p·m + i].
    gemm(m, n, k, transpose(a, m, k), 0, 1, m, b, 0, n, 1, out, 0, false);
    expect(worst(out, expected)).toBeLessThan(1e-5);
    // B stored transposed ([n×k]): B(p, j) = bᵀ[j·k + p]; and accumulate onto what is there.
    gemm(m, n, k, a, 0, k, 1, transpose(b, k, n), 0, 1, k, out, 0, true);
    expect(worst(out, expected.map((x) => 2 * x))).toBeLessThan(2e-5);
  });

  it('honours offsets into every operand', () => {
    const a = Float32Array.from([9, 9, 1, 2, 3, 4]);
    const b = Float32Array.from([9, 5, 6, 7, 8]);
    const out = new Float32Array(6).fill(-1);
    // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] into out[2 …].
    gemm(2, 2, 2, a, 2, 2, 1, b, 1, 2, 1, out, 2, false);
    expect(Array.from(out)).toEqual([-1, -1, 19, 22, 43, 50]);
  });

  it('fillRows, columnSums and allZero', () => {
    const out = new Float32Array(6);
    fillRows(out, 3, 2, Float32Array.from([0, 1, 2]), 1);
    expect(Array.from(out)).toEqual([1, 2, 1, 2, 1, 2]);
    const sums = new Float32Array(3);
    columnSums(Float32Array.from([1, 2, 3, 4, 5, 6]), 3, 2, sums, 1);
    expect(Array.from(sums)).toEqual([0, 9, 12]);
    expect(allZero(Float32Array.from([1, 0, 0, 2]), 1, 2)).toBe(true);
    expect(allZero(Float32Array.from([1, 0, 0, 2]), 1, 3)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { denseSymmetricFromProducts, symmetrizeInPlace } from './denseSymmetric';

/** Products with the fixed matrix a (n×n row-major), the way an operator would give them. */
function multiplier(a: number[], n: number, calls: number[]) {
  return async (directions: Float32Array, count: number) => {
    calls.push(count);
    const out = new Float32Array(count * n);
    for (let b = 0; b < count; b++) {
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += a[i * n + j] * directions[b * n + j];
        out[b * n + i] = sum;
      }
    }
    return out;
  };
}

describe('denseSymmetricFromProducts', () => {
  it('assembles the matrix from chunks of identity columns, symmetrised', async () => {
    // Slightly asymmetric, as rounding in products could make it.
    const a = [2, 1, 0.5, 1.5, 3, -1, 0.5, -1, 4];
    const calls: number[] = [];
    const progress: [number, number][] = [];
    const matrix = await denseSymmetricFromProducts(3, 2, multiplier(a, 3, calls), {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(Array.from(matrix)).toEqual([2, 1.25, 0.5, 1.25, 3, -1, 0.5, -1, 4]);
    expect(calls).toEqual([2, 1]);
    expect(progress).toEqual([
      [2, 3],
      [3, 3],
    ]);
  });

  it('rejects when aborted, before any product', async () => {
    const calls: number[] = [];
    const controller = new AbortController();
    controller.abort();
    await expect(
      denseSymmetricFromProducts(2, 1, multiplier([1, 0, 0, 1], 2, calls), { signal: controller.signal }),
    ).rejects.toThrow();
    expect(calls).toEqual([]);
  });
});

describe('symmetrizeInPlace', () => {
  it('replaces A by (A + Aᵀ)/2', () => {
    const a = Float64Array.from([1, 2, 4, 3]);
    expect(Array.from(symmetrizeInPlace(a, 2))).toEqual([1, 3, 3, 3]);
  });
});

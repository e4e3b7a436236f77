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
    // One column is timed first; the products are fast, so the rest fit in one chunk of at most 2.
    expect(calls).toEqual([1, 2]);
    expect(progress).toEqual([
      [1, 3],
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

describe('denseSymmetricFromProducts with slow products', () => {
  it('sizes its chunks to the time they take, never above the chunk limit', async () => {
    const n = 40;
    const a = Array.from({ length: n * n }, (_, k) => ((k * 7) % 11) - 5);
    const calls: number[] = [];
    const slow = multiplier(a, n, calls);
    // Each column costs at least 10 ms: chunks of about 100 ms hold about 10 columns.
    const multiply = async (directions: Float32Array, count: number) => {
      await new Promise((resolve) => setTimeout(resolve, 10 * count));
      return slow(directions, count);
    };
    await denseSymmetricFromProducts(n, 16, multiply, { chunkMilliseconds: 100 });
    expect(calls[0]).toBe(1);
    expect(calls.reduce((sum, c) => sum + c, 0)).toBe(n);
    for (const count of calls) expect(count).toBeLessThanOrEqual(16);
    // It grew past one column but stayed at about the 100 ms a chunk is meant to take.
    expect(Math.max(...calls)).toBeGreaterThan(1);
    expect(Math.max(...calls)).toBeLessThan(16);
  });

  it('stops at the next chunk when a cancellation arrives from another task during assembly', async () => {
    const n = 64;
    const calls: number[] = [];
    const identity = Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));
    // Products that resolve without ever giving timers a turn (as a CPU backend's do): only the yield between chunks lets the abort in.
    const multiply = multiplier(identity, n, calls);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    let yields = 0;
    const assembly = denseSymmetricFromProducts(n, 4, multiply, {
      signal: controller.signal,
      betweenChunks: () =>
        new Promise<void>((resolve) => {
          yields++;
          setTimeout(resolve, 0);
        }),
    });
    await expect(assembly).rejects.toThrow();
    expect(yields).toBeGreaterThanOrEqual(1);
    expect(calls.reduce((sum, c) => sum + c, 0)).toBeLessThan(n);
  });
});

describe('symmetrizeInPlace', () => {
  it('replaces A by (A + Aᵀ)/2', () => {
    const a = Float64Array.from([1, 2, 4, 3]);
    expect(Array.from(symmetrizeInPlace(a, 2))).toEqual([1, 3, 3, 3]);
  });
});

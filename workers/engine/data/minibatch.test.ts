import { describe, expect, it } from 'vitest';
import { minibatchOrder } from './minibatch';

function flat(batches: Int32Array[]): number[] {
  return batches.flatMap((b) => Array.from(b));
}

describe('minibatchOrder', () => {
  it('cuts a permutation of all rows into batches of the given size, the remainder last', () => {
    const batches = minibatchOrder(23, 5, 1, 0);
    expect(batches.map((b) => b.length)).toEqual([5, 5, 5, 5, 3]);
    expect(flat(batches).sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });

  it('is the same for the same seed and epoch, different across epochs and seeds', () => {
    const a = flat(minibatchOrder(50, 8, 7, 3));
    expect(flat(minibatchOrder(50, 8, 7, 3))).toEqual(a);
    expect(flat(minibatchOrder(50, 8, 7, 4))).not.toEqual(a);
    expect(flat(minibatchOrder(50, 8, 8, 3))).not.toEqual(a);
  });

  it('is actually shuffled, not the identity', () => {
    const order = flat(minibatchOrder(100, 100, 2, 0));
    const fixedPoints = order.filter((v, i) => v === i).length;
    // A random permutation has one fixed point on average; 10 would be absurd.
    expect(fixedPoints).toBeLessThan(10);
  });

  it('gives one full batch when the batch size is at least n', () => {
    const batches = minibatchOrder(10, 64, 1, 0);
    expect(batches).toHaveLength(1);
    expect(batches[0].length).toBe(10);
  });

  it('rejects nonsense sizes', () => {
    expect(() => minibatchOrder(0, 4, 1, 0)).toThrow(/n must be a positive integer, got 0/);
    expect(() => minibatchOrder(10, 0, 1, 0)).toThrow(/batchSize must be a positive integer, got 0/);
    expect(() => minibatchOrder(10, 2.5, 1, 0)).toThrow(/batchSize/);
    expect(() => minibatchOrder(10, 2, 1, -1)).toThrow(/epoch must be a non-negative integer/);
  });
});

import { describe, expect, it } from 'vitest';
import { CountedOperator, abortError, batchOfMatVec, resolveRng } from './operator';
import { Rng } from '../rng';

describe('CountedOperator', () => {
  it('counts products and passes a copy, so the operator may keep or detach its argument', async () => {
    const received: Float64Array[] = [];
    const op = new CountedOperator(async (v) => {
      received.push(v);
      return Float64Array.from(v, (x) => 2 * x);
    }, 2);
    const v = new Float64Array([1, 2]);
    const out = await op.apply(v);
    expect(Array.from(out)).toEqual([2, 4]);
    expect(received[0]).not.toBe(v);
    expect(op.products).toBe(1);
  });

  it('rejects a result of the wrong length and a cancelled signal', async () => {
    const bad = new CountedOperator(async () => new Float64Array(3), 2);
    await expect(bad.apply(new Float64Array(2))).rejects.toThrow(RangeError);
    const controller = new AbortController();
    let calls = 0;
    const op = new CountedOperator(async (v) => { calls++; controller.abort(); return v; }, 2, controller.signal);
    // The abort fired during the product: its result is discarded.
    await expect(op.apply(new Float64Array(2))).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(1);
    expect(op.products).toBe(0);
  });

  it('rejects a non-positive dimension', () => {
    expect(() => new CountedOperator(async (v) => v, 0)).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('abortError is a DOMException named AbortError carrying the reason', () => {
    const error = abortError('user');
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('AbortError');
    expect((error as unknown as { cause: unknown }).cause).toBe('user');
  });

  it('resolveRng prefers an explicit generator and otherwise derives one from the seed and label', () => {
    const rng = new Rng(5);
    expect(resolveRng({ rng, seed: 1 }, 'x')).toBe(rng);
    const a = resolveRng({ seed: 3 }, 'x').nextUint32();
    expect(resolveRng({ seed: 3 }, 'x').nextUint32()).toBe(a);
    expect(resolveRng({ seed: 3 }, 'y').nextUint32()).not.toBe(a);
  });
});

describe('batched products', () => {
  it('applyAll makes one batched call for several vectors, counts each, and checks the result size', async () => {
    const calls: number[] = [];
    const batch = async (vectors: Float64Array, count: number) => {
      calls.push(count);
      return Float64Array.from(vectors, (x) => 3 * x);
    };
    const op = new CountedOperator(async (v) => Float64Array.from(v, (x) => 3 * x), 2, undefined, batch);
    const out = await op.applyAll([Float64Array.of(1, 2), Float64Array.of(-1, 0), Float64Array.of(0, 5)]);
    expect(out.map((v) => Array.from(v))).toEqual([[3, 6], [-3, 0], [0, 15]]);
    expect(calls).toEqual([3]);
    expect(op.products).toBe(3);
    // A single vector goes through matVec.
    await op.applyAll([Float64Array.of(1, 1)]);
    expect(calls).toEqual([3]);
    expect(op.products).toBe(4);
    const short = new CountedOperator(async (v) => v, 2, undefined, async () => new Float64Array(3));
    await expect(short.applyAll([Float64Array.of(1, 2), Float64Array.of(3, 4)])).rejects.toThrow(RangeError);
  });

  it('batchOfMatVec computes the rows one product at a time', async () => {
    const seen: number[][] = [];
    const batch = batchOfMatVec(async (v) => {
      seen.push(Array.from(v));
      return Float64Array.from(v, (x) => x + 1);
    }, 2);
    expect(Array.from(await batch(Float64Array.of(1, 2, 3, 4), 2))).toEqual([2, 3, 4, 5]);
    expect(seen).toEqual([[1, 2], [3, 4]]);
  });
});

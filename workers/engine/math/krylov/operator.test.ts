import { describe, expect, it } from 'vitest';
import { CountedOperator, abortError, resolveRng } from './operator';
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

import { describe, expect, it } from 'vitest';
import { inLockstep } from './lockstep';
import type { BatchProduct } from './operator';

const n = 3;

/** A batch product of A = diag(1, 2, 3) that records how many vectors each call held. */
function recordingDiagonal(): { batch: BatchProduct; calls: number[] } {
  const calls: number[] = [];
  const batch: BatchProduct = async (vectors, count) => {
    calls.push(count);
    return Float64Array.from(vectors, (v, i) => v * ((i % n) + 1));
  };
  return { batch, calls };
}

describe('inLockstep', () => {
  it('computes the products of concurrent tasks in one call per step', async () => {
    const { batch, calls } = recordingDiagonal();
    const results = await inLockstep(n, 4, batch, async (matVec, index) => {
      // Each task applies A three times to (index, 1, 0): A³ v.
      let v: Float64Array = Float64Array.of(index, 1, 0);
      for (let step = 0; step < 3; step++) v = await matVec(v);
      return v;
    });
    expect(calls).toEqual([4, 4, 4]);
    results.forEach((v, index) => expect(Array.from(v)).toEqual([index, 8, 0]));
  });

  it('keeps going with fewer vectors per call as tasks finish', async () => {
    const { batch, calls } = recordingDiagonal();
    const lengths = [1, 3, 2];
    const results = await inLockstep(n, lengths.length, batch, async (matVec, index) => {
      let v: Float64Array = Float64Array.of(1, 1, 1);
      for (let step = 0; step < lengths[index]; step++) v = await matVec(v);
      return v[2];
    });
    expect(calls).toEqual([3, 2, 1]);
    expect(results).toEqual([3, 27, 9]);
  });

  it('rejects with the error of a failing task, and fails the products still waiting', async () => {
    const { batch } = recordingDiagonal();
    const failure = new Error('task 1 failed');
    const outcome = inLockstep(n, 3, batch, async (matVec, index) => {
      await matVec(Float64Array.of(1, 0, 0));
      if (index === 1) throw failure;
      await matVec(Float64Array.of(1, 0, 0));
      return index;
    });
    await expect(outcome).rejects.toBe(failure);
  });

  it('rejects every task when a batched call fails', async () => {
    const failing: BatchProduct = async () => {
      throw new Error('backend lost');
    };
    let reached = 0;
    const outcome = inLockstep(n, 2, failing, async (matVec) => {
      await matVec(Float64Array.of(1, 2, 3));
      reached++;
    });
    await expect(outcome).rejects.toThrow('backend lost');
    expect(reached).toBe(0);
  });

  it('returns at once for no tasks', async () => {
    const { batch, calls } = recordingDiagonal();
    expect(await inLockstep(n, 0, batch, async () => 1)).toEqual([]);
    expect(calls).toEqual([]);
  });
});

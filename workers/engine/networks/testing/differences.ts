/**
 * Test helper: the largest entries and differences the network tests
 * compare against their tolerances.
 */
import { expect } from 'vitest';

/** max_i |v_i| (0 for no values). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** max_i |a_i − b_i|, after expecting a and b to be equally long. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

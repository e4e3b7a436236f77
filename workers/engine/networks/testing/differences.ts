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

/** θ + s·v in float32. */
export function step(params: Float32Array, v: Float32Array, s: number): Float32Array {
  return params.map((p, i) => p + s * v[i]);
}

/** (∇L(θ + h v) − ∇L(θ − h v)) / 2h, the central difference of the objective's gradient along v (≈ H v). */
export async function gradientDifference(
  objective: { lossAndGrad(params: Float32Array): Promise<{ grad: Float32Array }> },
  params: Float32Array,
  v: Float32Array,
  h: number,
): Promise<Float32Array> {
  const plus = (await objective.lossAndGrad(step(params, v, h))).grad;
  const minus = (await objective.lossAndGrad(step(params, v, -h))).grad;
  return plus.map((g, i) => (g - minus[i]) / (2 * h));
}

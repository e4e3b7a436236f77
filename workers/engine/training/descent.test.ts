import { describe, expect, it } from 'vitest';
import { descend, plainGradient, type GradientModel } from './descent';
import { resolveOptimizer } from '../spec/optimizers/validate';

/** L(θ) = ½ Σ a_i θ_i², ∇L = a ⊙ θ: gradient descent with rate η multiplies θ_i by (1 − η a_i) each step. */
const A = [1, 4, 0.5];
const quadratic: GradientModel = {
  paramCount: 3,
  lossAndGrad: async (p) => ({
    loss: 0.5 * A.reduce((s, a, i) => s + a * p[i] * p[i], 0),
    grad: Float32Array.from(A, (a, i) => a * p[i]),
  }),
};
const START = Float32Array.of(1, -2, 3);

describe('descend', () => {
  it('applies the optimizer’s rule: gradient descent contracts each coordinate by (1 − η a_i)', async () => {
    const seen: number[] = [];
    const progress: number[] = [];
    const result = await descend(START, plainGradient(quadratic), {
      optimizer: resolveOptimizer({ name: 'sgd', lr: 0.1 }, 'analytic'),
      steps: 6,
      observeEvery: 3,
      observe: (step) => {
        seen.push(step);
      },
      onProgress: (done) => progress.push(done),
    });
    result.params.forEach((p, i) => expect(p).toBeCloseTo(START[i] * (1 - 0.1 * A[i]) ** 6, 6));
    expect(seen).toEqual([3, 6]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.losses).toHaveLength(6);
    expect(result.evaluations).toBe(6);
    expect(result.divergedAt).toBeNull();
    expect(Array.from(START)).toEqual([1, -2, 3]);
  });

  it('keeps every update in the range of the projection, also for Adam', async () => {
    // Project off the first coordinate: it must never move.
    const result = await descend(START, plainGradient(quadratic), {
      optimizer: resolveOptimizer({ name: 'adam', lr: 0.1 }, 'analytic'),
      steps: 5,
      project: (v) => {
        v[0] = 0;
      },
    });
    expect(result.params[0]).toBe(1);
    expect(Math.abs(result.params[1])).toBeLessThan(2);
  });

  it('stops at the first step whose loss is not finite, and honours cancellation', async () => {
    const blowUp: GradientModel = {
      paramCount: 1,
      lossAndGrad: async (p) => ({ loss: Math.abs(p[0]) > 10 ? Number.POSITIVE_INFINITY : p[0] * p[0], grad: Float32Array.of(2 * p[0]) }),
    };
    const result = await descend(Float32Array.of(1), plainGradient(blowUp), { optimizer: resolveOptimizer({ name: 'sgd', lr: 3 }, 'analytic'), steps: 10 });
    // θ: 1 → −5 → 25, whose loss is infinite at step 3.
    expect(result.divergedAt).toBe(3);
    expect(result.losses).toHaveLength(2);
    const controller = new AbortController();
    controller.abort();
    await expect(descend(START, plainGradient(quadratic), { optimizer: resolveOptimizer({ name: 'sgd', lr: 0.1 }, 'analytic'), steps: 2, signal: controller.signal })).rejects.toThrow(/aborted/);
    await expect(descend(START, plainGradient(quadratic), { optimizer: resolveOptimizer({ name: 'sgd', lr: 0.1 }, 'analytic'), steps: -1 })).rejects.toThrow(/steps/);
  });
});

import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { withFixtureObjective } from '../fixtures/testing/objectiveHooks';
import type { MlpObjective } from '../networks/objective';
import { exactSpectrum, type DenseCurvatureModel } from './denseSpectrum';
import { MAX_EXACT_PARAMETERS } from '../spec/limits';
import { estimateExactCost } from './exactCost';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';

const fixture = loadModelFixture('tanh-2-8-1-mse');
let objective: MlpObjective;

withFixtureObjective(fixture, (built) => (objective = built));

/** max_i |a_i − b_i| ≤ 1e-4 · max |b| (the reference vectors' eigenvalue tolerance). */
function expectEigenvalues(actual: Float64Array, expected: number[]): void {
  const scale = Math.max(...expected.map(Math.abs));
  expect(actual.length).toBe(expected.length);
  actual.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThanOrEqual(1e-4 * scale));
}

describe('exactSpectrum', () => {
  it('reproduces the reference Hessian and Gauss-Newton eigenvalues', async () => {
    const before = tf.memory().numTensors;
    const hessian = await exactSpectrum(objective, fixture.params, 'hessian');
    const gaussNewton = await exactSpectrum(objective, fixture.params, 'gaussNewton');
    // The dense assembly disposes all its tensors.
    expect(tf.memory().numTensors).toBe(before);
    expectEigenvalues(hessian.eigenvalues, fixture.expected.hessianEigenvalues);
    expectEigenvalues(gaussNewton.eigenvalues, fixture.expected.gaussNewtonEigenvalues);
    expect(hessian.dense.length).toBe(objective.paramCount ** 2);
  });

  it('gives S = H − G, whose trace is tr H − tr G', async () => {
    const residual = await exactSpectrum(objective, fixture.params, 'residual');
    const sum = (values: ArrayLike<number>) => Array.from(values).reduce((s, x) => s + x, 0);
    const expected = fixture.expected.hessianTrace - sum(fixture.expected.gaussNewtonEigenvalues);
    expect(sum(residual.eigenvalues)).toBeCloseTo(expected, 4);
  });

  it('reports progress and can be cancelled', async () => {
    const seen: number[] = [];
    await exactSpectrum(objective, fixture.params, 'hessian', { onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(objective.paramCount);
    const controller = new AbortController();
    controller.abort();
    await expect(exactSpectrum(objective, fixture.params, 'hessian', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('lets a cancellation that arrives during the eigensolver through (as a message would: a macrotask)', async () => {
    const controller = new AbortController();
    let cancelledAt: number | null = null;
    const run = exactSpectrum(objective, fixture.params, 'hessian', {
      signal: controller.signal,
      onProgress: (done, total) => {
        // The matrix is assembled: the cancellation is sent now and can only be read once the eigensolver yields.
        if (done === total) {
          setTimeout(() => {
            cancelledAt = done;
            controller.abort();
          }, 0);
        }
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(cancelledAt).toBe(objective.paramCount);
  });

  it('refuses networks beyond 2000 parameters before any work', async () => {
    const tooLarge = { paramCount: MAX_EXACT_PARAMETERS + 1 } as DenseCurvatureModel;
    await expect(exactSpectrum(tooLarge, new Float32Array(MAX_EXACT_PARAMETERS + 1), 'hessian')).rejects.toThrow(/2000/);
  });
});

describe('estimateExactCost', () => {
  it('predicts a positive time from a timed product and a timed small eigensolve', async () => {
    const before = tf.memory().numTensors;
    const estimate = await estimateExactCost(objective, fixture.params, 'hessian', { calibrationSize: 32 });
    // The timed products dispose their tensors.
    expect(tf.memory().numTensors).toBe(before);
    expect(estimate.size).toBe(objective.paramCount);
    expect(estimate.feasible).toBe(true);
    expect(estimate.productMs).toBeGreaterThan(0);
    expect(estimate.assemblyMs).toBeCloseTo(estimate.productMs * objective.paramCount, 6);
    expect(estimate.eigenMs).toBeGreaterThan(0);
    expect(estimate.totalMs).toBeCloseTo(estimate.assemblyMs + estimate.eigenMs, 6);
  });
});

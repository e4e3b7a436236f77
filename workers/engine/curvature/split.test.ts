import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { withFixtureObjective } from '../fixtures/testing/objectiveHooks';
import type { MlpObjective } from '../networks/objective';
import { denseCurvature } from './denseSpectrum';
import { estimatedFrobeniusSplit, exactSplit } from './split';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';

describe('exactSplit', () => {
  it('forms S = H − G with its spectrum and the Frobenius norms', () => {
    const hessian = Float64Array.of(2, 1, 1, -1);
    const gaussNewton = Float64Array.of(1, 0.5, 0.5, 0.25);
    const split = exactSplit(hessian, gaussNewton, 2);
    // S = [[1, 0.5], [0.5, −1.25]]: tr −0.25, det −1.5, so λ = (−0.25 ± √6.0625) / 2.
    const root = Math.sqrt(0.0625 + 6);
    expect(split.residualEigenvalues[0]).toBeCloseTo((-0.25 + root) / 2, 12);
    expect(split.residualEigenvalues[1]).toBeCloseTo((-0.25 - root) / 2, 12);
    expect(split.gaussNewtonEigenvalues[0]).toBeCloseTo(1.25, 12);
    expect(split.gaussNewtonEigenvalues[1]).toBeCloseTo(0, 12);
    expect(split.hessianFrobenius).toBeCloseTo(Math.sqrt(7), 12);
    expect(split.residualFrobenius).toBeCloseTo(1.75, 12);
    expect(split.residualShare).toBeCloseTo(1.75 / Math.sqrt(7), 12);
    expect(split.residualShareError).toBe(0);
  });

  it('checks the sizes', () => {
    expect(() => exactSplit(new Float64Array(4), new Float64Array(9), 2)).toThrow(RangeError);
  });
});

describe('estimatedFrobeniusSplit', () => {
  const fixture = loadModelFixture('tanh-2-8-1-mse');
  let objective: MlpObjective;
  withFixtureObjective(fixture, (built) => (objective = built));

  it('agrees with the dense matrices within its standard error', async () => {
    const n = objective.paramCount;
    const exact = exactSplit(
      await denseCurvature(objective, fixture.params, 'hessian'),
      await denseCurvature(objective, fixture.params, 'gaussNewton'),
      n,
    );
    const before = tf.memory().numTensors;
    const estimate = await estimatedFrobeniusSplit(objective, fixture.params, { probes: 64, seed: 3 });
    // The probes' products dispose every tensor they make.
    expect(tf.memory().numTensors).toBe(before);
    expect(estimate.residualShareError).toBeGreaterThan(0);
    expect(estimate.residualShareError).toBeLessThan(0.1 * exact.residualShare);
    expect(Math.abs(estimate.residualShare - exact.residualShare)).toBeLessThan(4 * estimate.residualShareError);
    expect(estimate.hessianFrobenius / exact.hessianFrobenius).toBeGreaterThan(0.8);
    expect(estimate.hessianFrobenius / exact.hessianFrobenius).toBeLessThan(1.2);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(estimatedFrobeniusSplit(objective, fixture.params, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import { buildNetwork, type BuiltNetwork } from '../networks/build';
import { networkProblem } from '../spec/networkProblem';
import { Rng } from '../math/rng';
import { useTestBackend } from '../testing/backend';
import { resolveOptimizer } from '../spec/optimizers/validate';
import { NonFiniteCurvatureError, SharpnessTracker, stabilityThresholds } from './sharpness';

/** A 2-6-1 tanh network on two moons with weight decay: 25 parameters, an indefinite Hessian. */
let network: BuiltNetwork;

beforeAll(async () => {
  await useTestBackend();
  network = buildNetwork(networkProblem({ dataset: 'moons', datasetOptions: { n: 40 }, hidden: [6], testFraction: 0, weightDecay: 0.01 }));
});

afterAll(() => network.dispose());

/** The parameters moved a little along a seeded direction. */
function perturbed(params: Float32Array, size: number, seed: number): Float32Array {
  const noise = new Rng(seed).fillNormal(new Float32Array(params.length), 0, size);
  return params.map((v, i) => v + noise[i]);
}

describe('SharpnessTracker', () => {
  const sgd = resolveOptimizer({ name: 'sgd', lr: 0.1 }, 'network');

  it('finds the extreme eigenvalues of the dense Hessian (weight decay included)', async () => {
    const params = perturbed(network.initialParams, 0.5, 1);
    const size = network.objective.paramCount;
    const exact = symmetricEigenvalues(await network.objective.fullHessian(params), size);
    const tracker = new SharpnessTracker(network.objective, { every: 1, maxIterations: size, tolerance: 1e-6 }, 3);
    const record = await tracker.measure(params, 7, sgd);
    const scale = Math.max(Math.abs(exact[0]), Math.abs(exact[size - 1]));
    expect(exact[size - 1]).toBeLessThan(0);
    expect(Math.abs(record.lambdaMax - exact[0])).toBeLessThan(1e-3 * scale);
    expect(Math.abs(record.lambdaMin - exact[size - 1])).toBeLessThan(1e-3 * scale);
    expect(record.step).toBe(7);
    expect(record.gradientDescentThreshold).toBeCloseTo(20, 12);
    expect(record.momentumThreshold).toBeNull();
  });

  it('a warm start from the previous eigenvectors needs fewer products than a cold one', async () => {
    const options = { every: 1, maxIterations: 25, tolerance: 1e-4 };
    const first = perturbed(network.initialParams, 0.5, 2);
    const next = perturbed(first, 1e-3, 3);
    const warm = new SharpnessTracker(network.objective, options, 4);
    await warm.measure(first, 0, sgd);
    const warmRecord = await warm.measure(next, 1, sgd);
    const coldRecord = await new SharpnessTracker(network.objective, options, 4).measure(next, 1, sgd);
    expect(warmRecord.converged).toBe(true);
    expect(warmRecord.products).toBeLessThan(coldRecord.products);
    expect(Math.abs(warmRecord.lambdaMax - coldRecord.lambdaMax)).toBeLessThan(1e-3 * Math.abs(coldRecord.lambdaMax));
    // After reset the tracker starts cold again.
    warm.reset();
    expect((await warm.measure(next, 1, sgd)).products).toBe(coldRecord.products);
  });

  it('is due every `every` steps and refuses bad options', () => {
    const tracker = new SharpnessTracker(network.objective, { every: 5 }, 1);
    expect([0, 1, 5, 9, 10].map((step) => tracker.due(step))).toEqual([true, false, true, false, true]);
    expect(() => new SharpnessTracker(network.objective, { every: 0 }, 1)).toThrow(/every must be an integer ≥ 1/);
    expect(() => new SharpnessTracker(network.objective, { every: 1, maxIterations: 1 }, 1)).toThrow(/maxIterations/);
  });

  it('leaves the tensor count unchanged (every Hessian-vector product disposes its tensors)', async () => {
    const before = tf.memory().numTensors;
    await new SharpnessTracker(network.objective, { every: 1, maxIterations: 5 }, 1).measure(network.initialParams, 0, sgd);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('stabilityThresholds', () => {
  it('gives 2/η, heavy-ball 2(1+β)/η and Nesterov 2(1+β)/(η(1+2β)) at the warmed-up rate', () => {
    const momentum = stabilityThresholds(resolveOptimizer({ name: 'momentum', lr: 0.1, momentum: 0.9 }, 'network'), 3);
    expect(momentum.learningRate).toBe(0.1);
    expect(momentum.gradientDescentThreshold).toBeCloseTo(20, 12);
    expect(momentum.momentumThreshold).toBeCloseTo(38, 12);
    const nesterov = stabilityThresholds(resolveOptimizer({ name: 'nesterov', lr: 0.1, momentum: 0.5 }, 'network'), 1);
    expect(nesterov.momentumThreshold).toBeCloseTo((2 * 1.5) / (0.1 * 2), 12);
    // Warm-up over 10 steps: update 5 uses η/2, so every threshold doubles.
    const warming = stabilityThresholds(resolveOptimizer({ name: 'sgd', lr: 0.1, warmupSteps: 10 }, 'network'), 5);
    expect(warming.learningRate).toBeCloseTo(0.05, 15);
    expect(warming.gradientDescentThreshold).toBeCloseTo(40, 12);
    const trustRegion = stabilityThresholds(resolveOptimizer({ name: 'trust_region' }, 'network'), 1);
    expect(trustRegion).toEqual({ learningRate: null, gradientDescentThreshold: null, momentumThreshold: null });
  });
});

describe('SharpnessTracker on a Hessian that is not finite', () => {
  it.each([NaN, Infinity, -Infinity])('reports a product entry of %s as a non-finite Hessian, not an eigensolver failure', async (bad) => {
    // A 10 × 10 identity whose products carry one bad entry: the parameters of a diverged run.
    const objective = { paramCount: 10, hvp: async (_params: Float32Array, v: Float32Array) => v.map((x, i) => (i === 3 ? bad : x)) };
    const tracker = new SharpnessTracker(objective, { every: 1 }, 1);
    const measuring = tracker.measure(new Float32Array(10), 4, resolveOptimizer({ name: 'sgd', lr: 1 }, 'network'));
    await expect(measuring).rejects.toBeInstanceOf(NonFiniteCurvatureError);
    await expect(tracker.measure(new Float32Array(10), 4, resolveOptimizer({ name: 'sgd', lr: 1 }, 'network'))).rejects.toThrow(
      'its Hessian at step 4 is no longer finite',
    );
  });
});

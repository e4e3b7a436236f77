import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import { buildNetwork, type BuiltNetwork } from '../networks/build';
import { networkProblem } from '../spec/networkProblem';
import { useTestBackend } from '../testing/backend';
import { layerRanges, perLayerCurvature, perLayerCurvatureDuringTraining } from './perLayer';
import { resolveOptimizer } from '../spec/optimizers/validate';

/** A 2-5-4-1 tanh network on 40 circles points: layers of 15, 24 and 5 parameters (44 in all). */
let network: BuiltNetwork;
let hessian: Float64Array;
let n: number;

beforeAll(async () => {
  await useTestBackend();
  network = buildNetwork(networkProblem({ dataset: 'circles', datasetOptions: { n: 40 }, hidden: [5, 4], testFraction: 0 }));
  n = network.objective.paramCount;
  hessian = await network.objective.fullHessian(network.initialParams);
});
afterAll(() => network.dispose());

/** The diagonal block of the dense Hessian on [offset, offset + size). */
function block(offset: number, size: number): Float64Array {
  return Float64Array.from({ length: size * size }, (_, k) => hessian[(offset + Math.floor(k / size)) * n + offset + (k % size)]);
}

describe('perLayerCurvature', () => {
  it('splits θ into each layer’s kernel and bias', () => {
    expect(layerRanges(network.spec)).toEqual([
      { offset: 0, size: 15 },
      { offset: 15, size: 24 },
      { offset: 39, size: 5 },
    ]);
  });

  it('exact: each block’s λ_max and trace from the dense Hessian, the gradient norms, and Σ tr H_ll = tr H', async () => {
    const result = await perLayerCurvature(network.objective, network.initialParams, { method: 'exact' });
    const { grad } = await network.objective.lossAndGrad(network.initialParams);
    let total = 0;
    result.layers.forEach(({ range, lambdaMax, trace, gradientNorm }) => {
      const values = symmetricEigenvalues(block(range.offset, range.size), range.size);
      expect(lambdaMax).toBeCloseTo(values[0], 10);
      expect(trace).toBeCloseTo(values.reduce((s, v) => s + v, 0), 10);
      expect(gradientNorm).toBeCloseTo(Math.hypot(...grad.subarray(range.offset, range.offset + range.size)), 5);
      total += trace;
    });
    let fullTrace = 0;
    for (let i = 0; i < n; i++) fullTrace += hessian[i * n + i];
    expect(total).toBeCloseTo(fullTrace, 10);
  });

  it('estimated: Lanczos on each block finds its λ_max and Hutchinson its trace within the standard error, for every seed', async () => {
    const exact = await perLayerCurvature(network.objective, network.initialParams, { method: 'exact' });
    const before = tf.memory().numTensors;
    for (const seed of [0, 1, 2]) {
      const estimated = await perLayerCurvature(network.objective, network.initialParams, { method: 'estimated', lanczosSteps: 24, traceProbes: 16, seed });
      // Lanczos needs at most one product per parameter of a block; Hutchinson 16 per layer.
      expect(estimated.products).toBeLessThanOrEqual(15 + 24 + 5 + 3 * 16);
      estimated.layers.forEach((layer, l) => {
        const reference = exact.layers[l];
        expect(Math.abs(layer.lambdaMax - reference.lambdaMax)).toBeLessThan(1e-4 * Math.abs(reference.lambdaMax) + 1e-7);
        expect(layer.traceStandardError).toBeGreaterThan(0);
        expect(Math.abs(layer.trace - reference.trace)).toBeLessThan(5 * layer.traceStandardError);
        expect(layer.gradientNorm).toBeCloseTo(reference.gradientNorm, 6);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('follows every layer during training', async () => {
    const history = await perLayerCurvatureDuringTraining(network.objective, network.initialParams, {
      optimizer: resolveOptimizer({ name: 'sgd', lr: 0.5 }, 'analytic'),
      steps: 20,
      every: 10,
    });
    expect(Array.from(history.steps)).toEqual([0, 10, 20]);
    expect(history.layerCount).toBe(3);
    expect(history.lambdaMax).toHaveLength(9);
    const start = await perLayerCurvature(network.objective, network.initialParams);
    start.layers.forEach((layer, l) => {
      expect(history.lambdaMax[l]).toBeCloseTo(layer.lambdaMax, 8);
      expect(history.gradientNorm[l]).toBeCloseTo(layer.gradientNorm, 8);
    });
    expect(history.loss[2]).toBeLessThan(history.loss[0]);
    const end = await perLayerCurvature(network.objective, history.params);
    end.layers.forEach((layer, l) => expect(history.trace[6 + l]).toBeCloseTo(layer.trace, 8));
  });
});

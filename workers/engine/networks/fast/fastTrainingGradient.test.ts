import '../../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../build';
import { Rng } from '../../math/rng';
import { networkProblem } from '../../spec/networkProblem';
import { useTestBackend } from '../../testing/backend';
import { dropoutMasks } from '../../training/dropout';
import { TrainingGradient } from '../../training/trainingGradient';
import { createTrainingGradient } from './engine';
import { FastTrainingGradient } from './fastTrainingGradient';

beforeAll(async () => {
  await useTestBackend();
});

const relativeError = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let worst = 0;
  let scale = 1e-3;
  for (let i = 0; i < b.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return worst / scale;
};

/** One network per loss, with weight decay and two hidden layers where dropout has two masks. */
const CASES = [
  networkProblem({ dataset: 'sine', datasetOptions: { n: 40 }, hidden: [6, 5], weightDecay: 0.05 }),
  networkProblem({ dataset: 'moons', datasetOptions: { n: 40 }, hidden: [7, 3], activation: 'sigmoid' }),
  networkProblem({ dataset: 'iris', hidden: [5], activation: 'relu', weightDecay: 0.01 }),
];

describe('FastTrainingGradient', () => {
  for (const problem of CASES) {
    it(`${problem.dataset} (${problem.activation}): the tensor engine's loss and gradient, with rows, masks and several members`, async () => {
      const network = buildNetwork(problem);
      const before = tf.memory().numTensors;
      const fast = new FastTrainingGradient(network.spec, network.train, problem.weightDecay);
      expect(tf.memory().numTensors).toBe(before);
      const tensor = new TrainingGradient(network.spec, network.train, problem.weightDecay);
      try {
        const rows = Int32Array.from([5, 0, 17, 3, 11, 29, 2]);
        const rng = new Rng(3);
        const params = network.initialParams;
        const shifted = rng.fillNormal(new Float32Array(params.length), 0, 0.2).map((d, i) => params[i] + d);
        const members = [
          { params, masks: dropoutMasks(rng, rows.length, fast.hiddenWidths, 0.4) },
          { params: shifted, masks: null },
          { params: shifted, masks: dropoutMasks(rng, rows.length, fast.hiddenWidths, 0.25) },
        ];
        for (const batchRows of [rows, null]) {
          const masked = batchRows === null ? members.map((m) => ({ ...m, masks: null })) : members;
          const [a, b] = [await fast.lossAndGradBatch(masked, batchRows), await tensor.lossAndGradBatch(masked, batchRows)];
          a.forEach((result, k) => {
            expect(Math.abs(result.loss - b[k].loss)).toBeLessThan(1e-6 * Math.max(1, b[k].loss));
            expect(relativeError(result.grad, b[k].grad)).toBeLessThan(1e-5);
          });
        }
        // The full batch without masks is the training objective's gradient.
        const full = await fast.lossAndGrad(params, { rows: null, masks: null });
        const reference = await network.objective.lossAndGrad(params);
        expect(Math.abs(full.loss - reference.loss)).toBeLessThan(1e-6 * Math.max(1, reference.loss));
        expect(relativeError(full.grad, reference.grad)).toBeLessThan(1e-5);
        expect(tf.memory().numTensors).toBe(before + 2);
      } finally {
        fast.dispose();
        tensor.dispose();
        network.dispose();
      }
    });
  }

  it('refuses what TrainingGradient refuses, with the same messages', async () => {
    const network = buildNetwork(networkProblem({ dataset: 'sine', datasetOptions: { n: 20 }, hidden: [4], testFraction: 0 }));
    const fast = createTrainingGradient(network.spec, network.train, 0, 'fast');
    expect(fast).toBeInstanceOf(FastTrainingGradient);
    const params = network.initialParams;
    await expect(fast.lossAndGrad(params, { rows: Int32Array.from([20]), masks: null })).rejects.toThrow('Minibatch rows must lie in [0, 20)');
    await expect(fast.lossAndGrad(params, { rows: Int32Array.from([1, 2]), masks: [new Float32Array(3)] })).rejects.toThrow(
      'Dropout masks must be 2 × [4] per hidden layer',
    );
    await expect(fast.lossAndGradBatch([], null)).rejects.toThrow('at least one network');
    fast.dispose();
    await expect(fast.lossAndGrad(params, { rows: null, masks: null })).rejects.toThrow('has been disposed');
    network.dispose();
  });
});

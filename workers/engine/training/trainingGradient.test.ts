import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { subsetRows } from '../data/subset';
import { MlpObjective } from '../networks/objective';
import { buildNetwork, type BuiltNetwork } from '../networks/build';
import { networkProblem, type NetworkProblem } from '../spec/networkProblem';
import { RegularizedObjective } from '../networks/regularizedObjective';
import { Rng } from '../math/rng';
import { useTestBackend } from '../testing/backend';
import { TrainingGradient } from './trainingGradient';

/** `problem`'s network and its TrainingGradient with `weightDecay`, handed to `body`; both disposed afterwards. */
async function withGradient(problem: NetworkProblem, weightDecay: number, body: (network: BuiltNetwork, gradient: TrainingGradient) => Promise<void>): Promise<void> {
  const network = buildNetwork(problem);
  const gradient = new TrainingGradient(network.spec, network.train, weightDecay);
  try {
    await body(network, gradient);
  } finally {
    gradient.dispose();
    network.dispose();
  }
}

beforeAll(async () => {
  await useTestBackend();
});

const maxAbs = (values: ArrayLike<number>) => Math.max(...Array.from(values, (v) => Math.abs(v)));
const maxAbsDifference = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.max(...Array.from({ length: a.length }, (_, i) => Math.abs(a[i] - b[i])));

/** One small network per loss: regression (mse), two classes (sigmoid_ce), three classes (softmax_ce). */
const CASES = [
  { loss: 'mse', problem: networkProblem({ dataset: 'sine', datasetOptions: { n: 40 }, hidden: [6, 5], weightDecay: 0.05 }) },
  { loss: 'sigmoid_ce', problem: networkProblem({ dataset: 'moons', datasetOptions: { n: 40 }, hidden: [7], activation: 'sigmoid' }) },
  { loss: 'softmax_ce', problem: networkProblem({ dataset: 'iris', hidden: [5], activation: 'relu', weightDecay: 0.01 }) },
] as const;

describe('TrainingGradient', () => {
  for (const { loss, problem } of CASES) {
    it(`${loss}: matches the training objective on the full batch and on a minibatch`, async () => {
      await withGradient(problem, problem.weightDecay, async (network, gradient) => {
        expect(network.spec.loss).toBe(loss);
        const params = network.initialParams;
        const full = await gradient.lossAndGrad(params, { rows: null, masks: null });
        const reference = await network.objective.lossAndGrad(params);
        expect(Math.abs(full.loss - reference.loss)).toBeLessThan(1e-5 * Math.max(1, reference.loss));
        expect(maxAbsDifference(full.grad, reference.grad)).toBeLessThan(1e-5 * Math.max(1e-3, maxAbs(reference.grad)));

        const rows = Int32Array.from([5, 0, 17, 3, 11]);
        const batch = await gradient.lossAndGrad(params, { rows, masks: null });
        const batchObjective = new RegularizedObjective(
          new MlpObjective(network.spec, subsetRows(network.train, rows)),
          problem.weightDecay,
        );
        const batchReference = await batchObjective.lossAndGrad(params);
        batchObjective.dispose();
        expect(Math.abs(batch.loss - batchReference.loss)).toBeLessThan(1e-5 * Math.max(1, batchReference.loss));
        expect(maxAbsDifference(batch.grad, batchReference.grad)).toBeLessThan(1e-5 * Math.max(1e-3, maxAbs(batchReference.grad)));
        expect(Math.abs(batch.loss - full.loss)).toBeGreaterThan(1e-6);
      });
    });
  }

  it('dropout: a unit dropped in every row acts as a zeroed outgoing row; kept units are scaled by 1/(1 − p)', async () => {
    await withGradient(networkProblem({ dataset: 'sine', datasetOptions: { n: 30 }, hidden: [4], testFraction: 0 }), 0, async (network, gradient) => {
      const n = network.train.n;
      const rate = 0.5;
      // Unit 2 dropped for every sample, the others kept (scaled by 2).
      const mask = new Float32Array(n * 4);
      for (let row = 0; row < n; row++) for (let unit = 0; unit < 4; unit++) mask[row * 4 + unit] = unit === 2 ? 0 : 1 / (1 - rate);
      const params = network.initialParams;
      const dropped = await gradient.lossAndGrad(params, { rows: null, masks: [mask] });
      // The same network without dropout: outgoing weights of unit 2 zeroed, of the others doubled.
      // Layout: W1 [1×4] at 0, b1 at 4, W2 [4×1] at 8, b2 at 12.
      const equivalent = Float32Array.from(params);
      for (let unit = 0; unit < 4; unit++) equivalent[8 + unit] = unit === 2 ? 0 : params[8 + unit] / (1 - rate);
      const reference = await network.objective.loss(equivalent);
      expect(Math.abs(dropped.loss - reference)).toBeLessThan(1e-5);
      // A dropped unit's incoming weight and bias get no gradient; a kept one's do.
      expect(dropped.grad[2]).toBe(0);
      expect(dropped.grad[4 + 2]).toBe(0);
      expect(Math.abs(dropped.grad[1])).toBeGreaterThan(0);
      // All-ones masks change nothing.
      const ones = new Float32Array(n * 4).fill(1);
      const plain = await gradient.lossAndGrad(params, { rows: null, masks: null });
      const withOnes = await gradient.lossAndGrad(params, { rows: null, masks: [ones] });
      expect(withOnes.loss).toBe(plain.loss);
    });
  });

  it('a batched call over several networks gives each network its own loss and gradient', async () => {
    await withGradient(networkProblem({ dataset: 'iris', hidden: [5, 4], weightDecay: 0.02 }), 0.02, async (network, gradient) => {
      const rows = Int32Array.from([3, 9, 27, 1]);
      const rng = new Rng(4);
      const mask = (width: number) => Float32Array.from({ length: 4 * width }, () => (rng.uniform() < 0.5 ? 0 : 2));
      const members = [
        { params: network.initialParams, masks: [mask(5), mask(4)] },
        { params: network.initialParams.map((v) => 0.5 * v + 0.1), masks: null },
        { params: network.initialParams.map((v) => -v), masks: [mask(5), mask(4)] },
      ];
      const together = await gradient.lossAndGradBatch(members, rows);
      for (const [k, member] of members.entries()) {
        const alone = await gradient.lossAndGrad(member.params, { rows, masks: member.masks });
        expect(Math.abs(together[k].loss - alone.loss)).toBeLessThan(1e-6);
        expect(maxAbsDifference(together[k].grad, alone.grad)).toBeLessThan(1e-6 * Math.max(1, maxAbs(alone.grad)));
      }
      expect(together[0].loss).not.toBe(together[2].loss);
    });
  });

  it('refuses wrong lengths, rows and mask shapes', async () => {
    const network = buildNetwork(networkProblem({ dataset: 'sine', datasetOptions: { n: 30 }, hidden: [4], testFraction: 0 }));
    const gradient = new TrainingGradient(network.spec, network.train, 0);
    const params = network.initialParams;
    await expect(gradient.lossAndGrad(params.subarray(1), { rows: null, masks: null })).rejects.toThrow(/Expected 13 parameters/);
    await expect(gradient.lossAndGrad(params, { rows: Int32Array.from([30]), masks: null })).rejects.toThrow(/rows must lie in \[0, 30\)/);
    await expect(gradient.lossAndGrad(params, { rows: Int32Array.from([1, 2]), masks: [new Float32Array(4)] })).rejects.toThrow(/2 × \[4\]/);
    await expect(gradient.lossAndGradBatch([], null)).rejects.toThrow(/at least one network/);
    gradient.dispose();
    await expect(gradient.lossAndGrad(params, { rows: null, masks: null })).rejects.toThrow(/disposed/);
    network.dispose();
  });

  it('leaves the tensor count unchanged: lossAndGrad disposes its intermediates, dispose frees the data', async () => {
    const network = buildNetwork(networkProblem({ dataset: 'iris', hidden: [5] }));
    const before = tf.memory().numTensors;
    const gradient = new TrainingGradient(network.spec, network.train, 0.1);
    const masks = [new Float32Array(3 * 5).fill(2)];
    await gradient.lossAndGrad(network.initialParams, { rows: null, masks: null });
    await gradient.lossAndGrad(network.initialParams, { rows: Int32Array.from([0, 1, 2]), masks });
    await gradient.lossAndGradBatch(
      [{ params: network.initialParams, masks }, { params: network.initialParams, masks: null }],
      Int32Array.from([4, 5, 6]),
    );
    gradient.dispose();
    expect(tf.memory().numTensors).toBe(before);
    network.dispose();
  });
});

import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { buildNetwork } from './build';
import { initialParams } from './initialization';
import { networkProblem } from '../spec/networkProblem';
import { threeClassCsv, uploadOf } from '../testing/csvFixtures';

beforeAll(async () => {
  await useTestBackend();
});

describe('buildNetwork', () => {
  it('builds the default problem: splits, spec, objectives and θ₀', async () => {
    const problem = networkProblem({ weightDecay: 0.01 });
    const network = buildNetwork(problem);
    try {
      expect(network.spec).toEqual({ layers: [2, 16, 16, 1], activation: 'tanh', loss: 'sigmoid_ce' });
      expect(network.train.n + network.test.n).toBe(400);
      expect(network.test.n).toBe(80);
      expect(network.objective.paramCount).toBe(337);
      expect(network.objective.sampleCount).toBe(network.train.n);
      expect(network.objective.weightDecay).toBe(0.01);
      expect(network.testObjective?.sampleCount).toBe(80);
      expect(network.initialParams).toEqual(initialParams(network.spec, problem.init));
      // The test loss has no penalty; the training objective has one.
      const trainLoss = await network.objective.loss(network.initialParams);
      const dataLoss = await network.objective.data.loss(network.initialParams);
      expect(trainLoss).toBeGreaterThan(dataLoss);
      expect(Number.isFinite(await network.testObjective!.loss(network.initialParams))).toBe(true);
    } finally {
      network.dispose();
    }
  });

  it('has no test objective when nothing is held out, and copies the problem', () => {
    const problem = networkProblem({ dataset: 'sine', testFraction: 0 });
    const network = buildNetwork(problem);
    problem.hidden[0] = 3;
    expect(network.problem.hidden).toEqual([16, 16]);
    expect(network.testObjective).toBeNull();
    expect(network.test.n).toBe(0);
    expect(network.spec.loss).toBe('mse');
    network.dispose();
  });

  it('builds an uploaded data set from the rows the problem carries (as the workers receive it)', async () => {
    const problem = structuredClone(networkProblem({ dataset: 'csv', upload: uploadOf(threeClassCsv(40)), hidden: [5] }));
    const network = buildNetwork(problem);
    try {
      expect(network.spec).toEqual({ layers: [2, 5, 3], activation: 'tanh', loss: 'softmax_ce' });
      expect(network.train.n + network.test.n).toBe(40);
      expect(network.train.classNames).toEqual(['a', 'b', 'c']);
      const loss = await network.objective.loss(network.initialParams);
      expect(Number.isFinite(loss)).toBe(true);
    } finally {
      network.dispose();
    }
  });

  it('refuses an invalid problem with every fault listed', () => {
    expect(() => buildNetwork(networkProblem({ dropout: -1, hidden: [0] }))).toThrow(/hidden layer 1.*dropout/);
  });

  it('dispose frees every tensor the network made', () => {
    const before = tf.memory().numTensors;
    const network = buildNetwork(networkProblem({ dataset: 'iris' }), { engine: 'tfjs' });
    expect(network.engine).toBe('tfjs');
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("on the typed-array engine makes no tensors, and gives the tensor engine's losses", async () => {
    const before = tf.memory().numTensors;
    const fast = buildNetwork(networkProblem({ dataset: 'iris', weightDecay: 0.01 }), { engine: 'fast' });
    expect(fast.engine).toBe('fast');
    expect(tf.memory().numTensors).toBe(before);
    const tensor = buildNetwork(networkProblem({ dataset: 'iris', weightDecay: 0.01 }), { engine: 'tfjs' });
    try {
      const params = fast.initialParams;
      const [a, b] = [await fast.objective.loss(params), await tensor.objective.loss(params)];
      expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, b));
      const [ta, tb] = [await fast.testObjective!.loss(params), await tensor.testObjective!.loss(params)];
      expect(Math.abs(ta - tb)).toBeLessThan(1e-6 * Math.max(1, tb));
    } finally {
      fast.dispose();
      tensor.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../networks/build';
import { networkProblem } from '../spec/networkProblem';
import { useTestBackend } from '../testing/backend';
import { evaluateAt } from './evaluation';

beforeAll(async () => {
  await useTestBackend();
});

describe('evaluateAt', () => {
  it('reports each vector’s data losses and accuracies on both splits and its penalty, leaving no tensors', async () => {
    const network = buildNetwork(networkProblem({ dataset: 'iris', hidden: [4], weightDecay: 0.2 }));
    const other = network.initialParams.map((v) => 2 * v);
    // evaluateBatch reads its results back and disposes every tensor it made.
    const before = tf.memory().numTensors;
    const [first, second] = await evaluateAt(network, [network.initialParams, other]);
    expect(tf.memory().numTensors).toBe(before);
    for (const [record, params] of [[first, network.initialParams], [second, other]] as const) {
      expect(Math.abs(record.trainLoss - (await network.objective.data.loss(params)))).toBeLessThan(1e-6);
      expect(Math.abs(record.testLoss! - (await network.testObjective!.loss(params)))).toBeLessThan(1e-6);
      expect(record.penalty).toBeCloseTo(0.1 * params.reduce((s, v) => s + v * v, 0), 6);
      // An accuracy counts correct samples: a multiple of 1/n.
      const correct = record.trainAccuracy! * network.train.n;
      expect(Math.abs(correct - Math.round(correct))).toBeLessThan(1e-3);
      expect(record.testAccuracy).toBeGreaterThanOrEqual(0);
    }
    expect(second.penalty).toBeCloseTo(4 * first.penalty, 6);
    network.dispose();
  });

  it('has no test figures without a test set, and no accuracy for regression', async () => {
    const network = buildNetwork(networkProblem({ dataset: 'sine', hidden: [3], testFraction: 0 }));
    const [record] = await evaluateAt(network, [network.initialParams]);
    expect(record.testLoss).toBeNull();
    expect(record.testAccuracy).toBeNull();
    expect(record.trainAccuracy).toBeNull();
    expect(record.penalty).toBe(0);
    network.dispose();
  });
});

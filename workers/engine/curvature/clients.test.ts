import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { federatedSplit } from '../data/federatedSplit';
import { Rng } from '../math/rng';
import { buildNetwork, type BuiltNetwork } from '../networks/build';
import { MlpObjective } from '../networks/objective';
import { RegularizedObjective } from '../networks/regularizedObjective';
import { networkProblem } from '../spec/networkProblem';
import { useTestBackend } from '../testing/backend';
import { clientSumProduct, federatedFingerprints } from './clients';

/** A 2-4-4 tanh softmax network on 160 points of four Gaussian blobs: 32 parameters. */
let network: BuiltNetwork;
const WEIGHT_DECAY = 1e-3;

beforeAll(async () => {
  await useTestBackend();
  network = buildNetwork(networkProblem({ dataset: 'blobs', datasetOptions: { n: 160, classes: 4 }, hidden: [4], testFraction: 0, weightDecay: WEIGHT_DECAY }));
});
afterAll(() => network.dispose());

const meanOffDiagonal = (matrix: Float64Array, k: number) => {
  let sum = 0;
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) sum += matrix[a * k + b];
  return sum / ((k * (k - 1)) / 2);
};

describe('federatedFingerprints', () => {
  it('the clients’ Hessians weighted by n_k / N sum to the full-data Hessian; unweighted they do not', async () => {
    const split = federatedSplit(network.train, 4, { kind: 'dirichlet', alpha: 0.3 }, 1);
    const before = tf.memory().numTensors;
    const result = await federatedFingerprints(network.spec, network.train, WEIGHT_DECAY, split, network.initialParams);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.method).toBe('exact');
    expect(result.global.relativeError).toBeLessThan(1e-5);
    // Independently: the full objective's dense Hessian against Σ w_k H_k, and against the plain mean of the H_k.
    const n = network.objective.paramCount;
    const full = await network.objective.fullHessian(network.initialParams);
    const sum = result.global.sumOfClients as Float64Array;
    const plainMean = new Float64Array(n * n);
    for (const client of split.clients) {
      const objective = new RegularizedObjective(new MlpObjective(network.spec, client), WEIGHT_DECAY);
      (await objective.fullHessian(network.initialParams)).forEach((v, i) => (plainMean[i] += v / split.clients.length));
      objective.dispose();
    }
    const error = (a: Float64Array) => Math.sqrt(a.reduce((s, v, i) => s + (v - full[i]) ** 2, 0) / full.reduce((s, v) => s + v * v, 0));
    expect(error(sum)).toBeLessThan(1e-5);
    expect(error(plainMean)).toBeGreaterThan(1e-2);
    expect(result.clients.map((c) => c.weight).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    result.clients.forEach((c) => {
      expect(c.topEigenvalues).toHaveLength(5);
      expect(c.density.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    });
  });

  it('the distance matrices are symmetric with a zero diagonal, and label skew sets the spectra further apart than iid, for every seed', async () => {
    for (const seed of [0, 1, 2]) {
      const iid = await federatedFingerprints(network.spec, network.train, WEIGHT_DECAY, federatedSplit(network.train, 4, { kind: 'iid' }, seed), network.initialParams);
      const skewed = await federatedFingerprints(network.spec, network.train, WEIGHT_DECAY, federatedSplit(network.train, 4, { kind: 'dirichlet', alpha: 0.1 }, seed), network.initialParams);
      for (const matrix of [iid.wassersteinDistance, iid.topEigenvalueDistance]) {
        for (let a = 0; a < 4; a++) {
          expect(matrix[a * 4 + a]).toBe(0);
          for (let b = 0; b < 4; b++) {
            expect(matrix[a * 4 + b]).toBe(matrix[b * 4 + a]);
            expect(matrix[a * 4 + b]).toBeGreaterThanOrEqual(0);
          }
        }
      }
      expect(meanOffDiagonal(skewed.wassersteinDistance, 4)).toBeGreaterThan(2 * meanOffDiagonal(iid.wassersteinDistance, 4));
    }
  });

  it('estimated: Lanczos finds each client’s top eigenvalues, SLQ its density, and the product check holds', async () => {
    const split = federatedSplit(network.train, 2, { kind: 'dirichlet', alpha: 0.5 }, 4);
    const exact = await federatedFingerprints(network.spec, network.train, WEIGHT_DECAY, split, network.initialParams, { topK: 3 });
    const estimated = await federatedFingerprints(network.spec, network.train, WEIGHT_DECAY, split, network.initialParams, {
      topK: 3, method: 'estimated', slqRuns: 2, slqSteps: 8,
    });
    expect(estimated.method).toBe('estimated');
    expect(estimated.global.relativeError).toBeLessThan(1e-5);
    estimated.clients.forEach((client, k) => {
      client.topEigenvalues.forEach((value, i) => {
        expect(Math.abs(value - exact.clients[k].topEigenvalues[i])).toBeLessThan(1e-3 * exact.clients[k].topEigenvalues[0]);
      });
      expect(client.density.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
    });
  });

  it('clientSumProduct is the full-data Hessian-vector product', async () => {
    const split = federatedSplit(network.train, 5, { kind: 'iid' }, 2);
    const objectives = split.clients.map((c) => new RegularizedObjective(new MlpObjective(network.spec, c), WEIGHT_DECAY));
    const n = network.objective.paramCount;
    const v = new Rng(3).fillNormal(new Float32Array(2 * n));
    const product = await clientSumProduct(objectives, split.clients.map((c) => c.n / network.train.n), network.initialParams)(v, 2);
    const direct = await network.objective.hvpBatch(network.initialParams, v, 2);
    const scale = Math.max(...direct.map(Math.abs));
    direct.forEach((value, i) => expect(Math.abs(product[i] - value)).toBeLessThan(1e-5 * scale));
    objectives.forEach((o) => o.dispose());
  });

  it('refuses clients that do not hold the training set', async () => {
    const split = federatedSplit(network.train, 2, { kind: 'iid' }, 0);
    await expect(federatedFingerprints(network.spec, split.clients[0], 0, split, network.initialParams)).rejects.toThrow(/rows/);
  });
});

import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Samples } from '../data/types';
import { useTestBackend } from '../testing/backend';
import type { Activation, LossName, MlpSpec } from '../spec/mlp';
import { MlpObjective } from './objective';
import { perExampleGradients } from './perExampleGradients';
import { randomProblem } from './testing/randomProblem';
import { maxAbs } from './testing/differences';

beforeAll(async () => {
  await useTestBackend();
});

/** Row `i` of a data set as a one-sample data set. */
function oneRow(data: Samples, i: number): Samples {
  const width = data.y instanceof Int32Array ? 1 : data.outputDim;
  return {
    ...data,
    n: 1,
    x: data.x.slice(i * data.inputDim, (i + 1) * data.inputDim),
    y: data.y.slice(i * width, (i + 1) * width),
  };
}

/** ∇ℓ_i from the objective of the one-row data set, sample by sample. */
async function oneAtATime(spec: MlpSpec, data: Samples, params: Float32Array): Promise<Float32Array[]> {
  const rows: Float32Array[] = [];
  for (let i = 0; i < data.n; i++) {
    const objective = new MlpObjective(spec, oneRow(data, i));
    rows.push((await objective.lossAndGrad(params)).grad);
    objective.dispose();
  }
  return rows;
}

const CASES: [Activation, LossName, number[]][] = [
  ['tanh', 'mse', [3, 5, 2]],
  ['relu', 'softmax_ce', [2, 6, 4, 3]],
  ['sigmoid', 'sigmoid_ce', [3, 4, 1]],
];

describe('perExampleGradients', () => {
  it.each(CASES)('%s / %s: each row is the gradient of the one-row objective', async (activation, loss, layers) => {
    const spec: MlpSpec = { layers, activation, loss };
    const { data, params } = randomProblem(spec, 7, 11);
    const batched = await perExampleGradients(spec, data, params);
    const reference = await oneAtATime(spec, data, params);
    const size = params.length;
    reference.forEach((row, i) => {
      const difference = row.map((g, k) => g - batched[i * size + k]);
      expect(maxAbs(difference)).toBeLessThan(1e-5 * Math.max(1, maxAbs(row)));
    });
  });

  it('their mean is the full-batch gradient', async () => {
    const spec: MlpSpec = { layers: [3, 5, 2], activation: 'tanh', loss: 'mse' };
    const { data, params } = randomProblem(spec, 9, 3);
    const rows = await perExampleGradients(spec, data, params);
    const objective = new MlpObjective(spec, data);
    const { grad } = await objective.lossAndGrad(params);
    objective.dispose();
    const size = params.length;
    const mean = grad.map((_, k) => {
      let sum = 0;
      for (let i = 0; i < data.n; i++) sum += rows[i * size + k];
      return sum / data.n;
    });
    expect(maxAbs(mean.map((m, k) => m - grad[k]))).toBeLessThan(1e-6 * Math.max(1, maxAbs(grad)));
  });

  it('gives the same rows in small passes, reports progress per pass, and leaves no tensors behind', async () => {
    const spec: MlpSpec = { layers: [2, 6, 3], activation: 'relu', loss: 'softmax_ce' };
    const { data, params } = randomProblem(spec, 10, 5);
    const before = tf.memory().numTensors;
    const whole = await perExampleGradients(spec, data, params);
    const progress: number[] = [];
    // P = 39, widest layer 6: a budget of 3 · 45 values makes passes of 3 samples.
    const chunked = await perExampleGradients(spec, data, params, { maxBatchElements: 135, onProgress: (done) => progress.push(done) });
    expect(tf.memory().numTensors).toBe(before);
    expect(progress).toEqual([3, 6, 9, 10]);
    expect(maxAbs(chunked.map((g, k) => g - whole[k]))).toBeLessThan(1e-6 * Math.max(1, maxAbs(whole)));
  });

  it('rejects a wrong parameter count and stops when aborted', async () => {
    const spec: MlpSpec = { layers: [2, 3, 1], activation: 'tanh', loss: 'mse' };
    const { data, params } = randomProblem(spec, 4, 1);
    await expect(perExampleGradients(spec, data, params.subarray(1))).rejects.toThrow(/Expected 13 parameter values/);
    const controller = new AbortController();
    controller.abort();
    await expect(perExampleGradients(spec, data, params, { signal: controller.signal })).rejects.toThrow(/aborted/);
  });
});

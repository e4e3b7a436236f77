import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { MlpObjective } from '../networks/objective';
import { evaluateSliceGrid, sliceGrid } from './sliceGrid';
import type { MlpSpec } from '../spec/mlp';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';
import { randomDirection, randomProblem } from '../networks/testing/randomProblem';

beforeAll(async () => {
  await useTestBackend();
});

describe('sliceGrid', () => {
  it.each(['tanh-2-8-1-mse.json', 'sigmoid-2-6-1-bce.json', 'relu-2-10-10-3-softmax.json', 'tanh-2-24-24-1-mse.json'])(
    'reproduces the slice of %s',
    async (file) => {
      const { fixture, spec, data, params } = await loadModelFixture(file);
      const slice = fixture.expected.slice!;
      const objective = new MlpObjective(spec, data);
      const before = tf.memory().numTensors;
      const losses = await sliceGrid(
        objective,
        params,
        Float32Array.from(slice.d1),
        Float32Array.from(slice.d2),
        slice.alphas,
        slice.betas,
      );
      // Nothing kept: every chunk's tensors are disposed.
      expect(tf.memory().numTensors).toBe(before);
      objective.dispose();
      const expected = slice.loss.flat();
      const scale = Math.max(...expected.map(Math.abs));
      losses.forEach((value, k) => expect(Math.abs(value - expected[k])).toBeLessThanOrEqual(1e-4 * scale));
    },
  );

  it('lays out α by rows and β by columns, in chunks, with accuracy, progress and the centre value', async () => {
    const spec: MlpSpec = { layers: [2, 4, 3], activation: 'tanh', loss: 'softmax_ce' };
    const { data, params } = randomProblem(spec, 20, 3);
    const d1 = randomDirection(params.length, 4);
    const d2 = randomDirection(params.length, 5);
    const alphas = [-1, 0, 0.5];
    const betas = [-0.5, 0, 0.25, 1];
    const objective = new MlpObjective(spec, data);
    const progress: number[] = [];
    // Five grid points per chunk.
    const grid = await evaluateSliceGrid(objective, params, d1, d2, alphas, betas, {
      maxBatchValues: 5 * params.length,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([5, 10, 12]);
    const i = 2;
    const j = 3;
    const point = params.map((p, k) => p + alphas[i] * d1[k] + betas[j] * d2[k]);
    const single = await objective.evaluateBatch(point, 1);
    expect(grid.loss[i * betas.length + j]).toBeCloseTo(single.loss[0], 6);
    expect(grid.accuracy![i * betas.length + j]).toBeCloseTo(single.accuracy![0], 6);
    expect(grid.loss[1 * betas.length + 1]).toBeCloseTo(await objective.loss(params), 6);
    objective.dispose();
  });

  it('checks vector lengths and stops when aborted', async () => {
    const spec: MlpSpec = { layers: [2, 3, 1], activation: 'tanh', loss: 'mse' };
    const { data, params } = randomProblem(spec, 5, 6);
    const objective = new MlpObjective(spec, data);
    await expect(sliceGrid(objective, params, params.subarray(1), params, [0], [0])).rejects.toThrow(/d1 12/);
    await expect(sliceGrid(objective, params, params, params, [], [0])).rejects.toThrow(/at least one alpha/);
    const controller = new AbortController();
    controller.abort();
    await expect(sliceGrid(objective, params, params, params, [0], [0], { signal: controller.signal })).rejects.toThrow();
    objective.dispose();
  });
});

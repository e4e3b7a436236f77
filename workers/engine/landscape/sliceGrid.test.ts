import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { MlpObjective } from '../networks/objective';
import { evaluateSliceGrid, sliceGrid } from './sliceGrid';
import type { MlpSpec } from '../spec/mlp';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';
import { referenceSliceField } from '../fixtures/modelChecks';
import { gridIndex } from '../math/plane/gridIndex';
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
      const plane = { centre: params, d1: Float32Array.from(slice.d1), d2: Float32Array.from(slice.d2) };
      const losses = await sliceGrid(objective, plane, slice.alphas, slice.betas);
      // Nothing kept: every chunk's tensors are disposed.
      expect(tf.memory().numTensors).toBe(before);
      objective.dispose();
      const expected = referenceSliceField(slice);
      const scale = Math.max(...expected.map(Math.abs));
      losses.forEach((value, k) => expect(Math.abs(value - expected[k])).toBeLessThanOrEqual(1e-4 * scale));
    },
  );

  it('lays out α along each row and β down the rows (gridIndex), in chunks, with accuracy, progress and the centre value', async () => {
    const spec: MlpSpec = { layers: [2, 4, 3], activation: 'tanh', loss: 'softmax_ce' };
    const { data, params } = randomProblem(spec, 20, 3);
    const d1 = randomDirection(params.length, 4);
    const d2 = randomDirection(params.length, 5);
    const alphas = [-1, 0, 0.5];
    const betas = [-0.5, 0, 0.25, 1];
    const objective = new MlpObjective(spec, data);
    const progress: number[] = [];
    // Five grid points per chunk.
    const grid = await evaluateSliceGrid(objective, { centre: params, d1, d2 }, alphas, betas, {
      maxBatchValues: 5 * params.length,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([5, 10, 12]);
    const i = 2;
    const j = 3;
    const point = params.map((p, k) => p + alphas[i] * d1[k] + betas[j] * d2[k]);
    const single = await objective.evaluateBatch(point, 1);
    expect(grid.loss[gridIndex(alphas.length, i, j)]).toBeCloseTo(single.loss[0], 6);
    expect(grid.accuracy![gridIndex(alphas.length, i, j)]).toBeCloseTo(single.accuracy![0], 6);
    expect(grid.loss[gridIndex(alphas.length, 1, 1)]).toBeCloseTo(await objective.loss(params), 6);
    objective.dispose();
  });

  it('checks vector lengths and stops when aborted', async () => {
    const spec: MlpSpec = { layers: [2, 3, 1], activation: 'tanh', loss: 'mse' };
    const { data, params } = randomProblem(spec, 5, 6);
    const objective = new MlpObjective(spec, data);
    const plane = { centre: params, d1: params, d2: params };
    await expect(sliceGrid(objective, { ...plane, d1: params.subarray(1) }, [0], [0])).rejects.toThrow(/d1 12/);
    await expect(sliceGrid(objective, plane, [], [0])).rejects.toThrow(/at least one alpha/);
    const controller = new AbortController();
    controller.abort();
    await expect(sliceGrid(objective, plane, [0], [0], { signal: controller.signal })).rejects.toThrow();
    objective.dispose();
  });
});

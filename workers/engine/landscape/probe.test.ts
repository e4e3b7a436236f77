import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MlpObjective } from '../networks/objective';
import { fixtureObjective, loadModelFixture } from '../fixtures/testing/referenceVectors';
import { useTestBackend } from '../testing/backend';
import { inputBoxOf, predictionGrid } from './predictionGrid';
import { probeAt } from './probe';

const fixture = loadModelFixture('tanh-2-8-1-mse');
let train: MlpObjective;
let test: MlpObjective;
const held = 16;

beforeAll(async () => {
  await useTestBackend();
  train = fixtureObjective(fixture);
  // A "test split": the first 16 samples of the fixture's data.
  const { data } = fixture;
  test = new MlpObjective(fixture.spec, { ...data, n: held, x: data.x.subarray(0, 2 * held), y: data.y.subarray(0, held) });
});
afterAll(() => {
  train.dispose();
  test.dispose();
});

describe('probeAt', () => {
  it('evaluates the point, predicts over the input box and finds the extreme Hessian eigenvalues', async () => {
    const n = train.paramCount;
    const box = inputBoxOf(fixture.data);
    const before = tf.memory().numTensors;
    const progress: [number, number][] = [];
    const result = await probeAt(train, fixture.params, {
      test,
      inputBox: box,
      resolution: 12,
      eigenProducts: n,
      onProgress: (done, total) => progress.push([done, total]),
    });
    // Evaluations, predictions and Hessian-vector products dispose all their tensors.
    expect(tf.memory().numTensors).toBe(before);
    expect(result.train.loss).toBeCloseTo(fixture.expected.loss, 5);
    expect(result.train.accuracy).toBeNull();
    expect(result.test!.loss).toBeCloseTo(await test.loss(fixture.params), 6);

    const grid = result.predictions!;
    expect([grid.nx, grid.ny, grid.outputDim]).toEqual([12, 12, 1]);
    // Output (i, j) is the network at input (x_i, y_j).
    const [i, j] = [3, 8];
    const single = await train.predict(fixture.params, Float32Array.of(grid.xs[i], grid.ys[j]));
    expect(grid.outputs[j * 12 + i]).toBeCloseTo(single[0], 6);

    const expected = fixture.expected.hessianEigenvalues;
    const scale = Math.max(...expected.map(Math.abs));
    const curvature = result.curvature!;
    expect(Math.abs(curvature.lambdaMax - expected[0])).toBeLessThan(1e-4 * scale);
    expect(Math.abs(curvature.lambdaMin - expected[n - 1])).toBeLessThan(1e-4 * scale);
    expect(curvature.products).toBeLessThanOrEqual(n);
    for (let k = 1; k < progress.length; k++) expect(progress[k][0]).toBeGreaterThanOrEqual(progress[k - 1][0]);
    expect(progress.at(-1)![0]).toBeLessThanOrEqual(progress.at(-1)![1]);
  });

  it('skips what is not asked for, and rejects when cancelled or given a wrong point', async () => {
    const result = await probeAt(train, fixture.params, { eigenProducts: 0 });
    expect(result).toMatchObject({ test: null, predictions: null, curvature: null });
    await expect(probeAt(train, fixture.params, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(probeAt(train, new Float32Array(4))).rejects.toThrow(/4 entries/);
  });
});

describe('inputBoxOf and predictionGrid', () => {
  it('pads the data range by a fraction of its width', () => {
    const box = inputBoxOf({ x: Float32Array.of(0, 10, 2, -10, 1, 0), n: 3, inputDim: 2 }, 0.25);
    expect(box.x).toEqual([-0.5, 2.5]);
    expect(box.y).toEqual([-15, 15]);
  });

  it('has no picture for more than two inputs, and a line for one', async () => {
    const wide = new MlpObjective(
      { layers: [3, 2, 1], activation: 'relu', loss: 'mse' },
      { x: Float32Array.of(1, 2, 3, 4, 5, 6), n: 2, inputDim: 3, y: Float32Array.of(0, 1), outputDim: 1 },
    );
    const narrow = new MlpObjective(
      { layers: [1, 3, 1], activation: 'tanh', loss: 'mse' },
      { x: Float32Array.of(-1, 1), n: 2, inputDim: 1, y: Float32Array.of(0, 1), outputDim: 1 },
    );
    try {
      const box = { x: [-1, 1] as [number, number], y: [0, 0] as [number, number] };
      expect(await predictionGrid(wide, new Float32Array(wide.paramCount), box)).toBeNull();
      const params = Float32Array.from({ length: narrow.paramCount }, (_, k) => 0.1 * (k + 1));
      const curve = (await predictionGrid(narrow, params, box, 7))!;
      expect([curve.nx, curve.ny]).toEqual([7, 1]);
      const ends = await narrow.predict(params, Float32Array.of(-1, 1));
      expect(curve.outputs[0]).toBeCloseTo(ends[0], 6);
      expect(curve.outputs[6]).toBeCloseTo(ends[1], 6);
      await expect(predictionGrid(narrow, params, box, 1)).rejects.toThrow(/resolution/);
    } finally {
      wide.dispose();
      narrow.dispose();
    }
  });
});

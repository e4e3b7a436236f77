import '../../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../testing/backend';
import { ACTIVATIONS, LOSSES, type Activation, type LossName, type MlpSpec } from '../../spec/mlp';
import { MlpObjective } from '../objective';
import { randomDirection, randomProblem } from '../testing/randomProblem';
import { referenceLoss } from '../testing/referenceMlp';
import { FastMlpObjective } from './fastObjective';
import { gradientDifference, maxAbs, step } from '../testing/differences';

let tensorsBefore = 0;

beforeAll(async () => {
  await useTestBackend();
  tensorsBefore = tf.memory().numTensors;
});

afterAll(() => {
  // The typed-array engine never makes a tensor; the TensorFlow.js objectives here are all disposed.
  expect(tf.memory().numTensors).toBe(tensorsBefore);
});

const COMBINATIONS = ACTIVATIONS.flatMap((activation) => LOSSES.map((loss) => [activation, loss] as const));

/** Two hidden layers, so that the R-operator runs through a hidden-to-hidden layer. */
function specOf(activation: Activation, loss: LossName): MlpSpec {
  return { layers: [3, 5, 4, loss === 'softmax_ce' ? 3 : 2], activation, loss };
}

/** max |a − b| / max(floor, max |b|). */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-3): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m / Math.max(floor, maxAbs(b));
}

describe('FastMlpObjective against the TensorFlow.js objective', () => {
  it.each(COMBINATIONS)('every quantity of a %s network with %s', async (activation, loss) => {
    const spec = specOf(activation, loss);
    const { data, params } = randomProblem(spec, 23, 11);
    const size = params.length;
    const fast = new FastMlpObjective(spec, data);
    const tensor = new MlpObjective(spec, data);
    try {
      const [a, b] = [await fast.lossAndGrad(params), await tensor.lossAndGrad(params)];
      expect(Math.abs(a.loss - b.loss)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b.loss)));
      expect(relativeError(a.grad, b.grad)).toBeLessThan(1e-5);

      const directions = randomDirection(3 * size, 12);
      expect(relativeError(await fast.hvpBatch(params, directions, 3), await tensor.hvpBatch(params, directions, 3))).toBeLessThan(1e-5);
      expect(relativeError(await fast.gnvpBatch(params, directions, 3), await tensor.gnvpBatch(params, directions, 3))).toBeLessThan(1e-5);
      expect(relativeError(await fast.fullHessian(params), await tensor.fullHessian(params))).toBeLessThan(1e-5);
      expect(relativeError(await fast.fullGaussNewton(params), await tensor.fullGaussNewton(params))).toBeLessThan(1e-5);

      const batch = randomDirection(4 * size, 13).map((v, i) => params[i % size] + 0.3 * v);
      const [ea, eb] = [await fast.evaluateBatch(batch, 4), await tensor.evaluateBatch(batch, 4)];
      expect(relativeError(ea.loss, eb.loss)).toBeLessThan(1e-5);
      if (loss === 'mse') expect(ea.accuracy).toBeNull();
      // Fractions of the same hits (the tensor engine's float32 mean rounds differently).
      else expect(relativeError(ea.accuracy!, eb.accuracy!)).toBeLessThan(1e-6);

      const [d1, d2] = [randomDirection(size, 14), randomDirection(size, 15)];
      const pairs = [0, 0, 0.2, -0.1, -0.3, 0.25];
      const [pa, pb] = [await fast.evaluatePlane(params, d1, d2, pairs, 3), await tensor.evaluatePlane(params, d1, d2, pairs, 3)];
      expect(relativeError(pa.loss, pb.loss)).toBeLessThan(1e-5);
      const line = [0.1, -0.2];
      const [la, lb] = [await fast.evaluatePlane(params, d1, null, line, 2), await tensor.evaluatePlane(params, d1, null, line, 2)];
      expect(relativeError(la.loss, lb.loss)).toBeLessThan(1e-5);

      const inputs = randomDirection(3 * 7, 16);
      expect(relativeError(await fast.predict(params, inputs), await tensor.predict(params, inputs))).toBeLessThan(1e-5);
    } finally {
      fast.dispose();
      tensor.dispose();
    }
  });
});

describe('FastMlpObjective against finite differences and float64 references', () => {
  it.each(COMBINATIONS)('the loss of a %s network with %s is the float64 reference loss', async (activation, loss) => {
    const spec = specOf(activation, loss);
    const { data, params } = randomProblem(spec, 17, 3);
    const objective = new FastMlpObjective(spec, data, { simd: false });
    const reference = referenceLoss(spec, params, data);
    expect(Math.abs((await objective.lossAndGrad(params)).loss - reference)).toBeLessThan(1e-6 * Math.max(1, Math.abs(reference)));
    expect(Math.abs((await objective.loss(params)) - reference)).toBeLessThan(1e-6 * Math.max(1, Math.abs(reference)));
  });

  it.each(COMBINATIONS)('the gradient of a %s network with %s matches central differences of the float64 loss', async (activation, loss) => {
    const spec = specOf(activation, loss);
    const { data, params } = randomProblem(spec, 17, 4);
    const { grad } = await new FastMlpObjective(spec, data).lossAndGrad(params);
    const h = 1e-5;
    const theta = Float64Array.from(params);
    const expected = Array.from(theta, (_, i) => {
      const plus = Float64Array.from(theta);
      const minus = Float64Array.from(theta);
      plus[i] += h;
      minus[i] -= h;
      return (referenceLoss(spec, plus, data) - referenceLoss(spec, minus, data)) / (2 * h);
    });
    expect(relativeError(grad, expected, 1e-2)).toBeLessThan(1e-4);
  });

  it.each(COMBINATIONS.filter(([activation]) => activation !== 'relu'))(
    'H v of a %s network with %s matches central differences of the engine gradient',
    async (activation, loss) => {
      const spec = specOf(activation, loss);
      const { data, params } = randomProblem(spec, 19, 5);
      const v = randomDirection(params.length, 6);
      const objective = new FastMlpObjective(spec, data);
      const hv = await objective.hvp(params, v);
      const finiteDifference = await gradientDifference(objective, params, v, 1e-2);
      expect(relativeError(hv, finiteDifference, 1e-2)).toBeLessThan(2e-3);
    },
  );

  it('relu (no finite differences across its kinks): ⟨u, H v⟩ = ⟨v, H u⟩ and ⟨v, G v⟩ ≥ 0', async () => {
    const spec: MlpSpec = { layers: [3, 6, 2], activation: 'relu', loss: 'mse' };
    const { data, params } = randomProblem(spec, 21, 7);
    const objective = new FastMlpObjective(spec, data);
    const [u, v] = [randomDirection(params.length, 8), randomDirection(params.length, 9)];
    const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i], 0);
    const [hu, hv] = [await objective.hvp(params, u), await objective.hvp(params, v)];
    expect(Math.abs(dot(u, hv) - dot(v, hu))).toBeLessThan(1e-5 * Math.max(1, Math.abs(dot(u, hv))));
    expect(dot(v, await objective.gnvp(params, v))).toBeGreaterThanOrEqual(0);
  });
});

describe('FastMlpObjective invariants', () => {
  const spec: MlpSpec = { layers: [2, 7, 5, 3], activation: 'tanh', loss: 'softmax_ce' };
  const { data, params } = randomProblem(spec, 31, 21);
  const size = params.length;

  it('gives the same numbers in any chunking of the samples', async () => {
    const whole = new FastMlpObjective(spec, data);
    // 7 values per row at most: chunks of one row.
    const rowByRow = new FastMlpObjective(spec, data, { maxChunkValues: 7 });
    const directions = randomDirection(2 * size, 22);
    expect(relativeError((await rowByRow.lossAndGrad(params)).grad, (await whole.lossAndGrad(params)).grad)).toBeLessThan(1e-6);
    expect(relativeError(await rowByRow.hvpBatch(params, directions, 2), await whole.hvpBatch(params, directions, 2))).toBeLessThan(1e-6);
    expect(relativeError(await rowByRow.gnvpBatch(params, directions, 2), await whole.gnvpBatch(params, directions, 2))).toBeLessThan(1e-6);
    expect(relativeError(await rowByRow.fullGaussNewton(params), await whole.fullGaussNewton(params))).toBeLessThan(1e-6);
    const evaluated = [await rowByRow.evaluateBatch(directions, 2), await whole.evaluateBatch(directions, 2)];
    expect(relativeError(evaluated[0].loss, evaluated[1].loss)).toBeLessThan(1e-6);
    expect(Array.from(evaluated[0].accuracy!)).toEqual(Array.from(evaluated[1].accuracy!));
  });

  it('hvpBatch rows are the single products, and a product at a new θ does not reuse the last θ', async () => {
    const objective = new FastMlpObjective(spec, data);
    const fresh = () => new FastMlpObjective(spec, data);
    const directions = randomDirection(3 * size, 23);
    const batched = await objective.hvpBatch(params, directions, 3);
    for (let k = 0; k < 3; k++) {
      const single = await objective.hvp(params, directions.subarray(k * size, (k + 1) * size));
      expect(relativeError(single, batched.subarray(k * size, (k + 1) * size))).toBeLessThan(1e-6);
    }
    const other = step(params, directions.subarray(0, size), 0.5);
    const v = directions.subarray(size, 2 * size);
    // Interleaved θ, gradients and Gauss-Newton products: every result as from a new objective.
    expect(Array.from(await objective.hvp(other, v))).toEqual(Array.from(await fresh().hvp(other, v)));
    await objective.lossAndGrad(params);
    expect(Array.from(await objective.gnvp(other, v))).toEqual(Array.from(await fresh().gnvp(other, v)));
    expect(Array.from(await objective.hvp(params, v))).toEqual(Array.from(await fresh().hvp(params, v)));
  });

  it('assembles a symmetric dense Hessian equal to its product columns, with progress and cancellation', async () => {
    const objective = new FastMlpObjective(spec, data);
    const progress: number[] = [];
    const hessian = await objective.fullHessian(params, { onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(size);
    for (let i = 0; i < size; i++) for (let j = 0; j < i; j++) expect(hessian[i * size + j]).toBe(hessian[j * size + i]);
    const column = new Float32Array(size);
    column[5] = 1;
    const product = await objective.hvp(params, column);
    expect(relativeError(Array.from({ length: size }, (_, i) => hessian[i * size + 5]), product)).toBeLessThan(1e-6);
    const controller = new AbortController();
    controller.abort();
    await expect(objective.fullGaussNewton(params, { signal: controller.signal })).rejects.toThrow();
  });

  it('evaluates on the SIMD kernels and in TypeScript alike', async () => {
    const simd = new FastMlpObjective(spec, data);
    const plain = new FastMlpObjective(spec, data, { simd: false });
    const batch = randomDirection(5 * size, 24);
    const [a, b] = [await simd.evaluateBatch(batch, 5), await plain.evaluateBatch(batch, 5)];
    expect(relativeError(a.loss, b.loss)).toBeLessThan(1e-5);
    expect(Array.from(a.accuracy!)).toEqual(Array.from(b.accuracy!));
  });

  it('refuses wrong lengths and use after dispose, with clear messages', async () => {
    const objective = new FastMlpObjective(spec, data);
    await expect(objective.lossAndGrad(params.subarray(1))).rejects.toThrow(`Expected 1 × ${size} parameter values`);
    await expect(objective.hvpBatch(params, params, 2)).rejects.toThrow(`Expected 2 × ${size} parameter values`);
    await expect(objective.evaluatePlane(params, params, params, [1, 2, 3], 2)).rejects.toThrow('evaluatePlane needs 2 × 2 coordinates; got 3');
    await expect(objective.predict(params, new Float32Array(3))).rejects.toThrow('predict needs count × 2 inputs');
    expect(() => new FastMlpObjective({ ...spec, layers: [3, 3, 3] }, data)).toThrow(/takes 3 inputs/);
    objective.dispose();
    await expect(objective.loss(params)).rejects.toThrow('This FastMlpObjective has been disposed');
  });
});

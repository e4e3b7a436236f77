import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { MlpObjective } from './objective';
import { gradientDifference, maxAbs, maxAbsDifference, step } from './testing/differences';
import type { Activation, LossName, MlpSpec } from '../spec/mlp';
import { randomDirection, randomProblem } from './testing/randomProblem';
import { referenceLoss, referenceOutputs } from './testing/referenceMlp';

beforeAll(async () => {
  await useTestBackend();
});

const ACTIVATIONS: Activation[] = ['tanh', 'relu', 'sigmoid', 'linear'];
const LOSSES: LossName[] = ['mse', 'softmax_ce', 'sigmoid_ce'];
const COMBINATIONS = ACTIVATIONS.flatMap((activation) => LOSSES.map((loss) => [activation, loss] as const));

function smallSpec(activation: Activation, loss: LossName): MlpSpec {
  return { layers: [3, 5, loss === 'softmax_ce' ? 3 : 2], activation, loss };
}

describe('MlpObjective against an independent float64 reference', () => {
  it.each(COMBINATIONS)('loss of a %s network with %s', async (activation, loss) => {
    const spec = smallSpec(activation, loss);
    const { data, params } = randomProblem(spec, 12, 7);
    const objective = new MlpObjective(spec, data);
    const value = await objective.loss(params);
    objective.dispose();
    const reference = referenceLoss(spec, params, data);
    expect(Math.abs(value - reference)).toBeLessThan(1e-5 * Math.max(1, Math.abs(reference)));
  });

  it('predict returns the network outputs', async () => {
    const spec: MlpSpec = { layers: [2, 6, 4, 3], activation: 'tanh', loss: 'softmax_ce' };
    const { data, params } = randomProblem(spec, 10, 3);
    const objective = new MlpObjective(spec, data);
    const inputs = randomDirection(2 * 9, 11);
    const outputs = await objective.predict(params, inputs);
    objective.dispose();
    expect(outputs.length).toBe(9 * 3);
    expect(maxAbsDifference(outputs, referenceOutputs(spec, params, inputs, 9))).toBeLessThan(1e-5);
  });

  it.each(COMBINATIONS)(
    'hvp of a %s network with %s matches mixed finite differences of the float64 loss',
    async (activation, loss) => {
      const spec = smallSpec(activation, loss);
      const { data, params } = randomProblem(spec, 12, 21);
      const v = randomDirection(params.length, 22);
      const objective = new MlpObjective(spec, data);
      const hv = await objective.hvp(params, v);
      objective.dispose();
      // (Hv)_i = ∂²L/∂θ_i∂v ≈ [L(θ+hv+he_i) − L(θ+hv−he_i) − L(θ−hv+he_i) + L(θ−hv−he_i)] / 4h², in float64.
      const h = 1e-4;
      const theta = Float64Array.from(params);
      const at = (sv: number, i: number, si: number) => {
        const point = theta.map((p, j) => p + sv * v[j]);
        point[i] += si;
        return referenceLoss(spec, point, data);
      };
      const expected = Array.from(params, (_, i) => (at(h, i, h) - at(h, i, -h) - at(-h, i, h) + at(-h, i, -h)) / (4 * h * h));
      expect(maxAbsDifference(hv, expected)).toBeLessThan(1e-3 * Math.max(1e-2, maxAbs(expected)));
    },
  );
});

describe('Hessian-vector products', () => {
  it.each(COMBINATIONS.filter(([activation]) => activation !== 'relu'))(
    'of a %s network with %s match finite differences of the engine gradient',
    async (activation, loss) => {
      const spec = smallSpec(activation, loss);
      const { data, params } = randomProblem(spec, 16, 5);
      const v = randomDirection(params.length, 6);
      const objective = new MlpObjective(spec, data);
      const hv = await objective.hvp(params, v);
      const finiteDifference = await gradientDifference(objective, params, v, 1e-2);
      objective.dispose();
      expect(maxAbsDifference(hv, finiteDifference)).toBeLessThan(2e-3 * Math.max(1e-2, maxAbs(finiteDifference)));
    },
  );

  it('hvpBatch gives, row by row, the single products, in any chunking', async () => {
    const spec: MlpSpec = { layers: [2, 7, 1], activation: 'tanh', loss: 'mse' };
    const { data, params } = randomProblem(spec, 20, 8);
    const count = 5;
    const directions = randomDirection(count * params.length, 9);
    const wide = new MlpObjective(spec, data);
    // 20 samples × 7 units × 2 vectors: passes of two vectors.
    const narrow = new MlpObjective(spec, data, { maxBatchElements: 2 * 20 * 7 });
    const batched = await wide.hvpBatch(params, directions, count);
    const chunked = await narrow.hvpBatch(params, directions, count);
    for (let k = 0; k < count; k++) {
      const single = await wide.hvp(params, directions.subarray(k * params.length, (k + 1) * params.length));
      expect(maxAbsDifference(batched.subarray(k * params.length, (k + 1) * params.length), single)).toBeLessThan(1e-6);
    }
    expect(maxAbsDifference(chunked, batched)).toBeLessThan(1e-6);
    wide.dispose();
    narrow.dispose();
  });
});

describe('Gauss-Newton', () => {
  it.each(COMBINATIONS)(
    'for a %s network with %s: the explicit-Jacobian matrix equals the columns of gnvpBatch',
    async (activation, loss) => {
      const spec = smallSpec(activation, loss);
      const { data, params } = randomProblem(spec, 12, 31);
      // Sample chunks of 5, 5 and 2 in fullGaussNewton.
      const objective = new MlpObjective(spec, data, { maxBatchElements: 5 * spec.layers[2] * params.length });
      const size = params.length;
      const matrix = await objective.fullGaussNewton(params);
      const identity = new Float32Array(size * size);
      for (let j = 0; j < size; j++) identity[j * size + j] = 1;
      const columns = await objective.gnvpBatch(params, identity, size);
      objective.dispose();
      // Columns of a symmetric matrix are its rows.
      expect(maxAbsDifference(matrix, columns)).toBeLessThan(1e-5 * Math.max(1, maxAbs(matrix)));
    },
  );

  it('G v is the Hessian-vector product when the outputs are linear in θ', async () => {
    // H = G + Σ_nc (∂L/∂z_nc) ∇²z_nc; a single dense layer z = xW + b has ∇²z = 0.
    const spec: MlpSpec = { layers: [4, 3], activation: 'linear', loss: 'mse' };
    const { data, params } = randomProblem(spec, 9, 41);
    const v = randomDirection(params.length, 42);
    const objective = new MlpObjective(spec, data);
    const gv = await objective.gnvp(params, v);
    const hv = await objective.hvp(params, v);
    objective.dispose();
    expect(maxAbsDifference(gv, hv)).toBeLessThan(1e-5 * maxAbs(hv));
  });
});

describe('fullHessian', () => {
  it('holds the Hessian-vector products with the identity columns, symmetrised, with progress', async () => {
    const spec: MlpSpec = { layers: [2, 4, 2], activation: 'sigmoid', loss: 'sigmoid_ce' };
    const { data, params } = randomProblem(spec, 10, 51);
    const size = params.length;
    const objective = new MlpObjective(spec, data, { maxBatchElements: 4 * 10 * 4 });
    const progress: number[] = [];
    // Chunks unbounded in time, so that only the memory bound sizes them.
    const hessian = await objective.fullHessian(params, { onProgress: (done, total) => progress.push(done / total), chunkMilliseconds: 1e9 });
    for (const j of [0, 5, size - 1]) {
      const e = new Float32Array(size);
      e[j] = 1;
      const column = await objective.hvp(params, e);
      for (let i = 0; i < size; i++) {
        expect(hessian[i * size + j]).toBeCloseTo(column[i], 5);
        expect(hessian[i * size + j]).toBe(hessian[j * size + i]);
      }
    }
    objective.dispose();
    // 22 columns: one timed first, then 4 per pass.
    expect(progress.length).toBe(1 + Math.ceil((size - 1) / 4));
    expect(progress.at(-1)).toBe(1);
  });

  it('stops when aborted', async () => {
    const spec: MlpSpec = { layers: [2, 4, 1], activation: 'tanh', loss: 'mse' };
    const { data, params } = randomProblem(spec, 10, 52);
    const objective = new MlpObjective(spec, data);
    const controller = new AbortController();
    controller.abort();
    await expect(objective.fullHessian(params, { signal: controller.signal })).rejects.toThrow();
    await expect(objective.fullGaussNewton(params, { signal: controller.signal })).rejects.toThrow();
    objective.dispose();
  });
});

describe('batched evaluation', () => {
  it('lossBatch equals K single loss() calls, chunked or not', async () => {
    const spec: MlpSpec = { layers: [2, 6, 3], activation: 'relu', loss: 'softmax_ce' };
    const { data, params } = randomProblem(spec, 15, 61);
    const count = 7;
    const batch = new Float32Array(count * params.length);
    for (let k = 0; k < count; k++) batch.set(step(params, randomDirection(params.length, 100 + k), 0.3), k * params.length);
    const objective = new MlpObjective(spec, data, { maxBatchElements: 3 * 15 * 6 });
    const losses = await objective.lossBatch(batch, count);
    for (let k = 0; k < count; k++) {
      const single = await objective.loss(batch.subarray(k * params.length, (k + 1) * params.length));
      expect(losses[k]).toBeCloseTo(single, 6);
    }
    objective.dispose();
  });

  it.each<[LossName]>([['softmax_ce'], ['sigmoid_ce']])('evaluateBatch reports the accuracy of %s predictions', async (loss) => {
    const spec: MlpSpec = { layers: [2, 5, loss === 'softmax_ce' ? 3 : 2], activation: 'tanh', loss };
    const { data, params } = randomProblem(spec, 40, 71);
    const other = step(params, randomDirection(params.length, 72), 1);
    const objective = new MlpObjective(spec, data);
    const { accuracy } = await objective.evaluateBatch(Float32Array.from([...params, ...other]), 2);
    expect(accuracy).not.toBeNull();
    for (const [k, theta] of [params, other].entries()) {
      const outputs = referenceOutputs(spec, theta, data.x, data.n);
      const width = data.outputDim;
      let correct = 0;
      for (let n = 0; n < data.n; n++) {
        const row = Array.from(outputs.subarray(n * width, (n + 1) * width));
        if (loss === 'softmax_ce') {
          if (row.indexOf(Math.max(...row)) === data.y[n]) correct++;
        } else {
          row.forEach((z, c) => {
            if (z > 0 === data.y[n * width + c] > 0.5) correct++;
          });
        }
      }
      const total = loss === 'softmax_ce' ? data.n : data.n * width;
      expect(accuracy![k]).toBeCloseTo(correct / total, 6);
    }
    objective.dispose();
  });

  it('has no accuracy for regression', async () => {
    const spec: MlpSpec = { layers: [1, 3, 1], activation: 'tanh', loss: 'mse' };
    const { data, params } = randomProblem(spec, 5, 81);
    const objective = new MlpObjective(spec, data);
    expect((await objective.evaluateBatch(params, 1)).accuracy).toBeNull();
    objective.dispose();
  });
});

describe('tensor memory', () => {
  it('every method leaves the tensor count unchanged; the objective holds two tensors until disposed', async () => {
    // The data's inputs and a ones column are the only tensors kept between calls;
    // everything else is made inside tf.tidy or read and disposed.
    const spec: MlpSpec = { layers: [2, 4, 3], activation: 'tanh', loss: 'softmax_ce' };
    const { data, params } = randomProblem(spec, 8, 91);
    const v = randomDirection(params.length, 92);
    const start = tf.memory().numTensors;
    const objective = new MlpObjective(spec, data, { maxBatchElements: 2 * 8 * 4 });
    expect(tf.memory().numTensors).toBe(start + 2);
    const calls: [string, () => Promise<unknown>][] = [
      ['loss', () => objective.loss(params)],
      ['lossAndGrad', () => objective.lossAndGrad(params)],
      ['hvp', () => objective.hvp(params, v)],
      ['hvpBatch', () => objective.hvpBatch(params, Float32Array.from([...v, ...params, ...v]), 3)],
      ['gnvp', () => objective.gnvp(params, v)],
      ['gnvpBatch', () => objective.gnvpBatch(params, Float32Array.from([...v, ...params, ...v]), 3)],
      ['fullHessian', () => objective.fullHessian(params)],
      ['fullGaussNewton', () => objective.fullGaussNewton(params)],
      ['predict', () => objective.predict(params, Float32Array.from([0.1, 0.2, -0.3, 0.4]))],
      ['lossBatch', () => objective.lossBatch(Float32Array.from([...params, ...v, ...params]), 3)],
      ['evaluateBatch', () => objective.evaluateBatch(Float32Array.from([...params, ...v]), 2)],
    ];
    for (const [name, call] of calls) {
      const before = tf.memory().numTensors;
      await call();
      expect(tf.memory().numTensors, name).toBe(before);
    }
    objective.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('argument checks', () => {
  const spec: MlpSpec = { layers: [2, 3, 1], activation: 'tanh', loss: 'mse' };
  const { data, params } = randomProblem(spec, 4, 1);

  it('rejects vectors of the wrong length and use after dispose', async () => {
    const objective = new MlpObjective(spec, data);
    await expect(objective.loss(params.subarray(1))).rejects.toThrow(/Expected 1 × 13 parameter values; got 12/);
    await expect(objective.lossBatch(params, 2)).rejects.toThrow(/Expected 2 × 13/);
    await expect(objective.predict(params, new Float32Array(3))).rejects.toThrow(/predict needs count × 2 inputs/);
    objective.dispose();
    await expect(objective.loss(params)).rejects.toThrow(/disposed/);
  });

  it('rejects data that does not fit the network', () => {
    expect(() => new MlpObjective({ ...spec, layers: [3, 3, 1] }, data)).toThrow(/takes 3 inputs/);
    const twoOutputs = { ...spec, loss: 'softmax_ce' as const, layers: [2, 3, 2] };
    expect(() => new MlpObjective(twoOutputs, { ...data, outputDim: 2, y: new Int32Array(8) })).toThrow(
      /one class label per sample/,
    );
    expect(() => new MlpObjective(twoOutputs, { ...data, outputDim: 2, y: Int32Array.from([0, 1, 2, 1]) })).toThrow(
      /Label 2 is 2/,
    );
  });
});

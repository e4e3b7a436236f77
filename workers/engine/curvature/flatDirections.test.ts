import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Samples } from '../data/types';
import { Rng } from '../math/rng';
import { MlpObjective } from '../networks/objective';
import { useTestBackend } from '../testing/backend';
import { paramCount, type Activation, type LossName, type MlpSpec } from '../spec/mlp';
import {
  flatDirectionReport,
  gaussNewtonRankBound,
  rescaledParams,
  rescalingDirection,
  rescalingSigns,
  swapHiddenUnits,
} from './flatDirections';

beforeAll(async () => {
  await useTestBackend();
});

/** N seeded samples of inputDim N(0, 1) inputs, targets of the loss's kind, and N(0, 0.7²) parameters. */
function problem(spec: MlpSpec, n: number, seed: number): { data: Samples; params: Float32Array } {
  const rng = new Rng(seed);
  const inputDim = spec.layers[0];
  const outputDim = spec.layers[spec.layers.length - 1];
  const x = rng.fillNormal(new Float32Array(n * inputDim));
  const y =
    spec.loss === 'softmax_ce'
      ? Int32Array.from({ length: n }, (_, i) => i % outputDim)
      : rng.fillNormal(new Float32Array(n * outputDim));
  return { data: { x, n, inputDim, y, outputDim }, params: rng.fillNormal(new Float32Array(paramCount(spec)), 0, 0.7) };
}

/** The same inputs with targets the network at `params` fits exactly: θ is an interpolating minimum. */
async function realisable(spec: MlpSpec, data: Samples, params: Float32Array): Promise<Samples> {
  const objective = new MlpObjective(spec, data);
  const y = await objective.predict(params, data.x);
  objective.dispose();
  return { ...data, y };
}

function norm(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * values[i];
  return Math.sqrt(s);
}

describe('flat directions by counting', () => {
  const cases: [Activation, LossName, number, number][] = [
    ['tanh', 'mse', 2, 6],
    ['relu', 'mse', 2, 6],
    ['tanh', 'softmax_ce', 3, 5],
    ['tanh', 'sigmoid_ce', 1, 7],
  ];

  it.each(cases)('%s / %s: rank G ≤ N·C (N·(C − 1) for softmax) at every width, and reaches it once P ≫ N·C', async (activation, loss, outputs, n) => {
    for (const width of [2, 6, 16]) {
      const spec: MlpSpec = { layers: [2, width, outputs], activation, loss };
      const { data, params } = problem(spec, n, 40 + width);
      const objective = new MlpObjective(spec, data);
      const before = tf.memory().numTensors;
      const report = await flatDirectionReport(objective, params);
      expect(tf.memory().numTensors).toBe(before);
      objective.dispose();
      const bound = gaussNewtonRankBound(spec, n);
      expect(report.rankBound).toBe(bound);
      expect(report.gaussNewtonRank).toBeLessThanOrEqual(Math.min(report.paramCount, bound));
      if (width === 16) expect(report.gaussNewtonRank).toBe(bound);
    }
  });

  it('at an interpolating minimum H = G: P − N·C eigenvalues are zero and none is negative', async () => {
    const spec: MlpSpec = { layers: [2, 12, 2], activation: 'tanh', loss: 'mse' };
    const { data, params } = problem(spec, 5, 3);
    const objective = new MlpObjective(spec, await realisable(spec, data, params));
    const progress: number[] = [];
    const report = await flatDirectionReport(objective, params, { onProgress: (done, total) => progress.push(done / total) });
    objective.dispose();
    expect(report.paramCount).toBe(62);
    expect(report.gaussNewtonRank).toBe(10);
    expect(report.hessianNearZero).toBe(62 - 10);
    expect(report.hessianNegative).toBe(0);
    expect(progress.at(-1)).toBe(1);
    progress.forEach((fraction, k) => k > 0 && expect(fraction).toBeGreaterThanOrEqual(progress[k - 1]));
  });
});

describe('the ReLU rescaling symmetry', () => {
  const spec: MlpSpec = { layers: [3, 7, 5, 2], activation: 'relu', loss: 'mse' };
  const { data, params } = problem(spec, 9, 11);
  const hidden = 1;
  const unit = 3;

  it('keeps the loss constant (to float32) along the curve T_c θ, but not along its straight tangent line', async () => {
    const objective = new MlpObjective(spec, data);
    const scales = [0.25, 0.5, 0.8, 1, 1.25, 2, 4];
    const points = scales.map((c) => rescaledParams(spec, params, hidden, unit, c));
    const { loss } = await objective.evaluateBatch(Float32Array.from(points.flatMap((p) => Array.from(p))), scales.length);
    const reference = loss[scales.indexOf(1)];
    for (const value of loss) expect(Math.abs(value - reference)).toBeLessThan(1e-6 * reference);
    const d = rescalingDirection(spec, params, hidden, unit);
    const along = await objective.loss(params.map((p, i) => p + 0.5 * d[i]));
    objective.dispose();
    // (1 + t)(1 − t) = 1 − t²: the straight line changes the unit's gain at second order.
    expect(Math.abs(along - reference)).toBeGreaterThan(1e-3 * reference);
  });

  it('H d = −S ∇L at any θ, so H d ≈ 0 at an interpolating minimum', async () => {
    const d = rescalingDirection(spec, params, hidden, unit);
    const signs = rescalingSigns(spec, hidden, unit);
    const objective = new MlpObjective(spec, data);
    const hd = await objective.hvp(params, d);
    const { grad } = await objective.lossAndGrad(params);
    objective.dispose();
    const residual = hd.map((value, i) => value + signs[i] * grad[i]);
    expect(norm(hd)).toBeGreaterThan(1e-2 * norm(d)); // not trivially zero here
    expect(norm(residual)).toBeLessThan(1e-5 * Math.max(norm(hd), norm(grad)));

    const fitted = new MlpObjective(spec, await realisable(spec, data, params));
    const atMinimum = await fitted.hvp(params, d);
    const hessianScale = norm(await fitted.hvp(params, params));
    fitted.dispose();
    expect(norm(atMinimum)).toBeLessThan(1e-5 * hessianScale);
  });

  it('rejects a non-homogeneous activation, a unit or layer that does not exist, and c ≤ 0', () => {
    expect(() => rescalingDirection({ ...spec, activation: 'tanh' }, params, 0, 0)).toThrow(/relu or linear units, not tanh/);
    expect(() => rescalingDirection(spec, params, 2, 0)).toThrow(/hidden layer 2 does not exist/);
    expect(() => rescalingDirection(spec, params, 0, 7)).toThrow(/unit 7 is not in hidden layer 0, which has 7 units/);
    expect(() => rescaledParams(spec, params, 0, 1, -1)).toThrow(/c must be > 0/);
    expect(Array.from(rescalingDirection({ ...spec, activation: 'linear' }, params, 0, 0))).toEqual(
      Array.from(rescalingDirection(spec, params, 0, 0)),
    );
  });
});

describe('the permutation symmetry', () => {
  it('swapping two hidden units leaves the loss equal at both ends of the segment, with a barrier between', async () => {
    const spec: MlpSpec = { layers: [2, 6, 4, 3], activation: 'tanh', loss: 'softmax_ce' };
    const { data, params } = problem(spec, 12, 21);
    const objective = new MlpObjective(spec, data);
    for (const [hidden, a, b] of [[0, 1, 4], [1, 0, 3]]) {
      const swapped = swapHiddenUnits(spec, params, hidden, a, b);
      expect(Array.from(swapHiddenUnits(spec, swapped, hidden, a, b))).toEqual(Array.from(params));
      const middle = params.map((p, i) => 0.5 * (p + swapped[i]));
      const [start, end, mid] = await objective.lossBatch(Float32Array.from([...params, ...swapped, ...middle]), 3);
      expect(Math.abs(end - start)).toBeLessThan(1e-6 * start);
      expect(Math.abs(mid - start)).toBeGreaterThan(1e-4 * start);
    }
    objective.dispose();
  });
});

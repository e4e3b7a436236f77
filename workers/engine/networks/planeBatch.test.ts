import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { MlpObjective } from './objective';
import { planeCoefficients } from './planeBatch';
import { ACTIVATIONS, LOSSES, type MlpSpec } from '../spec/mlp';
import { randomDirection, randomProblem } from './testing/randomProblem';

beforeAll(async () => {
  await useTestBackend();
});

/** Largest |a − b| / max(|b|, 1e-3) over two arrays of equal length. */
function maxRelativeError(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((value, k) => {
    worst = Math.max(worst, Math.abs(value - b[k]) / Math.max(Math.abs(b[k]), 1e-3));
  });
  return worst;
}

/** θ_k = c + α_k d₁ + β_k d₂ formed directly (float64 sums rounded once), K × P. */
function explicitPoints(c: Float32Array, d1: Float32Array, d2: Float32Array | null, coords: Float64Array, count: number): Float32Array {
  const size = c.length;
  const points = new Float32Array(count * size);
  const stride = d2 === null ? 1 : 2;
  for (let k = 0; k < count; k++) {
    const alpha = coords[k * stride];
    const beta = d2 === null ? 0 : coords[k * stride + 1];
    for (let p = 0; p < size; p++) points[k * size + p] = c[p] + alpha * d1[p] + (d2 === null ? 0 : beta * d2[p]);
  }
  return points;
}

describe('planeCoefficients', () => {
  it('writes rows (1, α, β) on a plane and (1, α) on a line, from the given point on', () => {
    expect(Array.from(planeCoefficients([0.5, -1, 2, 3], 1, 1, true))).toEqual([1, 2, 3]);
    expect(Array.from(planeCoefficients([0.5, -1, 2], 1, 2, false))).toEqual([1, -1, 1, 2]);
  });
});

describe('MlpObjective.evaluatePlane', () => {
  const cases = ACTIVATIONS.flatMap((activation) => LOSSES.map((loss) => ({ activation, loss })));
  it.each(cases)('equals evaluateBatch at the same points ($activation, $loss), on a plane and a line', async ({ activation, loss }) => {
    const outputs = loss === 'softmax_ce' ? 3 : 2;
    const spec: MlpSpec = { layers: [3, 7, 5, outputs], activation, loss };
    const { data, params } = randomProblem(spec, 23, 11);
    const d1 = randomDirection(params.length, 12).map((v) => 0.3 * v);
    const d2 = randomDirection(params.length, 13).map((v) => 0.3 * v);
    // Passes of ⌊1000 / (23 samples × 7 wide)⌋ = 6 networks: 17 = 6 + 6 + 5, the last pass partial.
    const objective = new MlpObjective(spec, data, { maxBatchElements: 1000 });
    const count = 17;
    const pairs = Float64Array.from({ length: 2 * count }, (_, i) => Math.sin(1.7 * i + 0.3) * 1.5);
    const alphas = Float64Array.from({ length: count }, (_, k) => -1.2 + 0.15 * k);
    const before = tf.memory().numTensors;
    const onPlane = await objective.evaluatePlane(params, d1, d2, pairs, count);
    const onLine = await objective.evaluatePlane(params, d1, null, alphas, count);
    // Every pass's tensors are disposed: nothing is kept between calls.
    expect(tf.memory().numTensors).toBe(before);
    const planeReference = await objective.evaluateBatch(explicitPoints(params, d1, d2, pairs, count), count);
    const lineReference = await objective.evaluateBatch(explicitPoints(params, d1, null, alphas, count), count);
    objective.dispose();
    expect(maxRelativeError(onPlane.loss, planeReference.loss)).toBeLessThan(1e-5);
    expect(maxRelativeError(onLine.loss, lineReference.loss)).toBeLessThan(1e-5);
    // The points differ: the check is not passing on one repeated value.
    expect(new Set(onPlane.loss).size).toBeGreaterThan(count / 2);
    if (loss === 'mse') {
      expect(onPlane.accuracy).toBeNull();
    } else {
      // Accuracy is a count of hits: at most a rare decision near z = 0 may flip under rounding.
      const flips = onPlane.accuracy!.filter((a, k) => Math.abs(a - planeReference.accuracy![k]) > 1e-6).length;
      expect(flips).toBeLessThanOrEqual(1);
      expect(onLine.accuracy).not.toBeNull();
    }
  });

  it('gives the same values whatever the pass size', async () => {
    const spec: MlpSpec = { layers: [2, 6, 1], activation: 'tanh', loss: 'mse' };
    const { data, params } = randomProblem(spec, 10, 21);
    const d1 = randomDirection(params.length, 22);
    const count = 13;
    const alphas = Float64Array.from({ length: count }, (_, k) => k / 6 - 1);
    const whole = new MlpObjective(spec, data);
    // 60 / (10 samples × 6 wide) = 1 network per pass.
    const single = new MlpObjective(spec, data, { maxBatchElements: 60 });
    const a = await whole.evaluatePlane(params, d1, null, alphas, count);
    const b = await single.evaluatePlane(params, d1, null, alphas, count);
    whole.dispose();
    single.dispose();
    expect(maxRelativeError(b.loss, a.loss)).toBeLessThan(1e-6);
  });

  it('checks its vectors and coordinates', async () => {
    const spec: MlpSpec = { layers: [2, 3, 1], activation: 'relu', loss: 'mse' };
    const { data, params } = randomProblem(spec, 5, 31);
    const objective = new MlpObjective(spec, data);
    await expect(objective.evaluatePlane(params, params.subarray(1), null, [0], 1)).rejects.toThrow(/parameter values/);
    await expect(objective.evaluatePlane(params, params, params, [0], 1)).rejects.toThrow(/1 × 2 coordinates/);
    await expect(objective.evaluatePlane(params, params, null, [], 0)).rejects.toThrow(/coordinates/);
    objective.dispose();
  });
});

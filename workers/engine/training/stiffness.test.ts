import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBlobs } from '../data/classification2d';
import type { Dataset } from '../data/types';
import { initialParams } from '../networks/initialization';
import { MlpObjective } from '../networks/objective';
import { useTestBackend } from '../testing/backend';
import type { MlpSpec } from '../spec/mlp';
import { classStiffness, cosineMatrix, distanceStiffness, stiffnessReport } from './stiffness';

beforeAll(async () => {
  await useTestBackend();
});

/**
 * The hand-checked case: the 1 → 1 linear network z = w x + b with squared
 * error, at w = 1, b = 0, on x = (0, 1, −1), y = (1, 0, −3). Residuals
 * r = x − y = (−1, 1, 2) and ∇ℓ_n = 2 r_n (x_n, 1):
 *   g₀ = (0, −2), g₁ = (2, 2), g₂ = (−4, 4),
 * so cos(g₀, g₁) = −4/(2 · 2√2) = −1/√2, cos(g₀, g₂) = −8/(2 · 4√2) = −1/√2,
 * cos(g₁, g₂) = 0.
 */
const TINY: Dataset = { x: Float32Array.of(0, 1, -1), n: 3, inputDim: 1, y: Float32Array.of(1, 0, -3), outputDim: 1, task: 'regression' };
const TINY_SPEC: MlpSpec = { layers: [1, 1], activation: 'linear', loss: 'mse' };
const TINY_PARAMS = Float32Array.of(1, 0); // kernel w, then bias b
const H = Math.SQRT1_2;

describe('stiffness on the hand-checked case', () => {
  it('the cosine matrix is the one worked out by hand', async () => {
    const report = await stiffnessReport(TINY_SPEC, TINY, TINY_PARAMS, { samples: 3, bins: 2 });
    // Regression: rows in data order (the draw is sorted by row), no classes.
    expect(Array.from(report.rows)).toEqual([0, 1, 2]);
    const expected = [1, -H, -H, -H, 1, 0, -H, 0, 1];
    report.cosines.forEach((value, k) => expect(value).toBeCloseTo(expected[k], 6));
    expect(report.byClass).toBeNull();
    // Distances |x_i − x_j| = 1, 1, 2 on bins [0, 1), [1, 2]: all three pairs in the second bin.
    expect(Array.from(report.byDistance.edges)).toEqual([0, 1, 2]);
    expect(Array.from(report.byDistance.pairs)).toEqual([0, 3]);
    expect(report.byDistance.mean[0]).toBeNaN();
    expect(report.byDistance.mean[1]).toBeCloseTo((-2 * H) / 3, 6);
  });

  it('classes and distance bins group the pairs as they should', () => {
    const cosines = Float64Array.of(1, -H, -H, -H, 1, 0, -H, 0, 1);
    const byClass = classStiffness(cosines, [0, 0, 1], 2);
    expect(byClass.mean[0]).toBeCloseTo(-H, 15); // the pair (0, 1)
    expect(byClass.mean[3]).toBeNaN(); // class 1 has one sample: no pair
    expect(byClass.mean[1]).toBeCloseTo(-H / 2, 15); // (0, 2) and (1, 2)
    expect(byClass.mean[2]).toBe(byClass.mean[1]);
    expect(Array.from(byClass.pairs)).toEqual([1, 2, 2, 0]);
    const byDistance = distanceStiffness(cosines, Float32Array.of(0, 1, -1), 1, 4);
    expect(Array.from(byDistance.pairs)).toEqual([0, 0, 2, 1]);
    expect(byDistance.mean[2]).toBeCloseTo(-H, 15);
    expect(byDistance.mean[3]).toBe(0);
  });

  it('a zero gradient has no cosine, and the aggregates leave it out', () => {
    const cosines = cosineMatrix(Float32Array.of(1, 0, 0, 0, 2, 2), 3, 2);
    expect(cosines[4]).toBeNaN();
    expect(cosines[2]).toBeCloseTo(H, 7);
    expect(Array.from(classStiffness(cosines, [0, 0, 0], 1).pairs)).toEqual([1]);
  });
});

describe('stiffnessReport on a classification network', () => {
  const data = makeBlobs({ n: 60, classes: 3 }, 4);
  const spec: MlpSpec = { layers: [2, 10, 3], activation: 'tanh', loss: 'softmax_ce' };
  const params = initialParams(spec, { scheme: 'glorot', scale: 1, seed: 1 });

  it('orders the draw by class, agrees with gradients taken one sample at a time, and leaves no tensors', async () => {
    const before = tf.memory().numTensors;
    const report = await stiffnessReport(spec, data, params, { samples: 20, seed: 9 });
    expect(tf.memory().numTensors).toBe(before);
    expect(report.rows.length).toBe(20);
    expect(new Set(report.rows).size).toBe(20);
    const labels = Array.from(report.labels!);
    expect(labels).toEqual([...labels].sort((a, b) => a - b));
    // Independent check of a few entries: each gradient from the objective of its one-row data set.
    const gradient = async (row: number) => {
      const objective = new MlpObjective(spec, { ...data, n: 1, x: data.x.slice(2 * row, 2 * row + 2), y: data.y.slice(row, row + 1) });
      const { grad } = await objective.lossAndGrad(params);
      objective.dispose();
      return Float64Array.from(grad);
    };
    for (const [i, j] of [[0, 19], [3, 4], [7, 15]]) {
      const [gi, gj] = [await gradient(report.rows[i]), await gradient(report.rows[j])];
      const dot = gi.reduce((s, g, k) => s + g * gj[k], 0);
      const cos = dot / Math.sqrt(gi.reduce((s, g) => s + g * g, 0) * gj.reduce((s, g) => s + g * g, 0));
      expect(report.cosines[i * 20 + j]).toBeCloseTo(cos, 5);
    }
    // Every pair counted once: within plus between = all pairs.
    const pairs = report.byClass!.pairs;
    const total = Array.from(pairs).reduce((sum, count, k) => sum + (Math.floor(k / 3) <= k % 3 ? count : 0), 0);
    expect(total).toBe((20 * 19) / 2);
    expect(report.byDistance.pairs.reduce((sum, count) => sum + count, 0)).toBe((20 * 19) / 2);
    expect(report.withinClass).not.toBeNull();
    expect(report.betweenClasses).not.toBeNull();
  });

  it('draws the same rows for the same seed and different rows for another', async () => {
    const a = await stiffnessReport(spec, data, params, { samples: 10, seed: 2 });
    const b = await stiffnessReport(spec, data, params, { samples: 10, seed: 2 });
    const c = await stiffnessReport(spec, data, params, { samples: 10, seed: 3 });
    expect(Array.from(a.rows)).toEqual(Array.from(b.rows));
    expect(Array.from(a.cosines)).toEqual(Array.from(b.cosines));
    expect(Array.from(a.rows)).not.toEqual(Array.from(c.rows));
  });
});

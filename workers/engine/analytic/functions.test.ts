import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../math/rng';
import { useTestBackend } from '../testing/backend';
import { analyticInfo, ANALYTIC_NAMES, lossOfPoints, type AnalyticProblem } from './functions';
import { reference } from './testing/referenceForms';

const PROBLEMS: AnalyticProblem[] = [
  ...ANALYTIC_NAMES.map((name) => ({ name })),
  { name: 'quadratic', condition: 100, angleDeg: 135 },
];

/** Uniform random points inside the function's default window, interleaved. */
function pointsInWindow(problem: AnalyticProblem, count: number, seed: number): Float32Array {
  const { window } = analyticInfo(problem);
  const rng = new Rng(seed);
  const points = new Float32Array(2 * count);
  for (let k = 0; k < count; k++) {
    points[2 * k] = rng.uniformIn(window.xMin, window.xMax);
    points[2 * k + 1] = rng.uniformIn(window.yMin, window.yMax);
  }
  return points;
}

beforeAll(async () => {
  await useTestBackend();
});

describe('lossOfPoints', () => {
  for (const problem of PROBLEMS) {
    const label = `${problem.name}${problem.condition ? ` κ=${problem.condition}` : ''}`;
    it(`${label}: matches the float64 formula at 200 points`, async () => {
      const count = 200;
      const points = pointsInWindow(problem, count, 5);
      const values = tf.tidy(() => lossOfPoints(problem, tf.tensor2d(points, [count, 2])));
      expect(values.shape).toEqual([count]);
      const actual = await values.data();
      values.dispose();
      for (let k = 0; k < count; k++) {
        // The points are float32 already, so the only error is float32
        // arithmetic: a few ulps of the largest term. Terms here stay below
        // ~2e5, so 1e-5 relative to max(1, |f|) has ample margin yet catches any wrong coefficient.
        const expected = reference(problem, points[2 * k], points[2 * k + 1]).f;
        expect(Math.abs(actual[k] - expected)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected)));
      }
    });
  }

  it('rejects points that are not [K, 2] and unknown functions', () => {
    const bad = tf.zeros([3, 3]) as tf.Tensor2D;
    const good = tf.zeros([3, 2]) as tf.Tensor2D;
    expect(() => lossOfPoints({ name: 'beale' }, bad)).toThrow(/shape \[K, 2\].*\[3, 3\]/);
    expect(() => lossOfPoints({ name: 'sphere' as never }, good)).toThrow(/Unknown analytic function "sphere"/);
    expect(() => lossOfPoints({ name: 'quadratic', condition: 0.5 }, good)).toThrow(/condition/);
    expect(() => lossOfPoints({ name: 'quadratic', angleDeg: Number.NaN }, good)).toThrow(/angleDeg/);
    tf.dispose([bad, good]);
  });

  it('leaves no tensors behind when called inside tf.tidy', () => {
    const points = pointsInWindow({ name: 'beale' }, 10, 1);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      lossOfPoints({ name: 'beale' }, tf.tensor2d(points, [10, 2]));
    });
    // Everything lossOfPoints makes, input included, belongs to the tidy scope.
    expect(tf.memory().numTensors).toBe(before);
  });
});

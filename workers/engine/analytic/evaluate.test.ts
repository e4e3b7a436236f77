import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../math/rng';
import { useTestBackend } from '../testing/backend';
import { derivativesAt, evaluateGrid, evaluateGridPerPoint, gridPoints, type Grid2D } from './evaluate';
import { analyticInfo, ANALYTIC_NAMES, type AnalyticProblem } from './functions';
import { loadAnalyticFixtures } from '../fixtures/testing/referenceVectors';
import { maxAbs, maxAbsDifference, reference } from './testing/referenceForms';

const PROBLEMS: AnalyticProblem[] = [
  ...ANALYTIC_NAMES.map((name) => ({ name })),
  { name: 'quadratic', condition: 40, angleDeg: -20 },
];

beforeAll(async () => {
  await useTestBackend();
});

describe('gridPoints and validation', () => {
  it('lays points out row-major with x fastest, ends included', () => {
    const points = gridPoints({ xMin: -1, xMax: 2, yMin: 0, yMax: 1, nx: 4, ny: 3 });
    expect(points.length).toBe(24);
    expect(Array.from(points.subarray(0, 8))).toEqual([-1, 0, 0, 0, 1, 0, 2, 0]);
    // index j·nx + i = 2·4 + 3 = 11 is (x_3, y_2) = (2, 1)
    expect(Array.from(points.subarray(22, 24))).toEqual([2, 1]);
    expect(points[2 * 4 + 1]).toBe(0.5);
  });

  it.each([
    [{ nx: 1 }, /nx must be an integer in \[2, 1024\], got 1/],
    [{ ny: 1025 }, /ny must be an integer in \[2, 1024\], got 1025/],
    [{ nx: 10.5 }, /nx must be an integer/],
    [{ xMin: 3 }, /finite xMin < xMax, got xMin = 3, xMax = 2/],
    [{ yMax: Number.POSITIVE_INFINITY }, /finite yMin < yMax/],
    [{ yMin: Number.NaN }, /finite yMin < yMax/],
  ])('rejects %o', async (change, message) => {
    const grid = { xMin: -1, xMax: 2, yMin: 0, yMax: 1, nx: 4, ny: 3, ...change };
    await expect(evaluateGrid({ name: 'saddle' }, grid)).rejects.toThrow(message);
    await expect(evaluateGridPerPoint({ name: 'saddle' }, grid)).rejects.toThrow(message);
  });
});

describe('evaluateGrid', () => {
  for (const problem of PROBLEMS) {
    it(`${problem.name}: one batched call equals one call per point and the float64 formula`, async () => {
      const grid: Grid2D = { ...analyticInfo(problem).window, nx: 13, ny: 9 };
      const batched = await evaluateGrid(problem, grid);
      const perPoint = await evaluateGridPerPoint(problem, grid);
      expect(batched.length).toBe(13 * 9);
      const points = gridPoints(grid);
      for (let k = 0; k < batched.length; k++) {
        // Same float32 operations on the same inputs, batched or not: equal to rounding.
        expect(Math.abs(batched[k] - perPoint[k])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(perPoint[k])));
        const expected = reference(problem, points[2 * k], points[2 * k + 1]).f;
        expect(Math.abs(batched[k] - expected)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected)));
      }
    });
  }

  it('handles grids larger than one chunk (300 × 300 = 90 000 points)', async () => {
    const grid: Grid2D = { xMin: -2, xMax: 2, yMin: -1, yMax: 3, nx: 300, ny: 300 };
    const heights = await evaluateGrid({ name: 'rosenbrock' }, grid);
    const points = gridPoints(grid);
    for (const k of [0, 65_535, 65_536, 65_537, 89_999]) {
      const expected = reference({ name: 'rosenbrock' }, points[2 * k], points[2 * k + 1]).f;
      expect(Math.abs(heights[k] - expected)).toBeLessThanOrEqual(1e-5 * Math.max(1, expected));
    }
  });

  it('leaves the tensor count unchanged', async () => {
    const grid: Grid2D = { xMin: -1, xMax: 1, yMin: -1, yMax: 1, nx: 5, ny: 4 };
    const before = tf.memory().numTensors;
    await evaluateGrid({ name: 'beale' }, grid);
    await evaluateGridPerPoint({ name: 'beale' }, grid);
    // Inputs and intermediates live in tf.tidy; each result is disposed after its read-back.
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('derivativesAt', () => {
  for (const problem of PROBLEMS) {
    it(`${problem.name}: loss, gradient and Hessian of 40 points match the closed forms`, async () => {
      const { window } = analyticInfo(problem);
      const rng = new Rng(17);
      const points = new Float64Array(80);
      for (let k = 0; k < 40; k++) {
        // Float32-representable points, so the reference sees exactly what TensorFlow.js sees.
        points[2 * k] = Math.fround(rng.uniformIn(window.xMin, window.xMax));
        points[2 * k + 1] = Math.fround(rng.uniformIn(window.yMin, window.yMax));
      }
      const result = await derivativesAt(problem, points);
      expect(result).toHaveLength(40);
      for (let k = 0; k < 40; k++) {
        const expected = reference(problem, points[2 * k], points[2 * k + 1]);
        const { loss, grad, hessian } = result[k];
        expect(Math.abs(loss - expected.f)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected.f)));
        // The fixtures' rule (1e-4 × largest entry) with a floor of 1e-4 for near-zero gradients.
        expect(maxAbsDifference(grad, expected.grad)).toBeLessThanOrEqual(1e-4 * Math.max(1, maxAbs(expected.grad)));
        expect(maxAbsDifference(hessian, expected.hessian)).toBeLessThanOrEqual(1e-4 * maxAbs(expected.hessian));
        expect(hessian[1]).toBe(hessian[2]);
      }
    });
  }

  it('reproduces the loss, gradient, Hessian and trace of every analytic fixture', async () => {
    for (const fixture of loadAnalyticFixtures()) {
      const [at] = await derivativesAt({ name: fixture.function }, Float64Array.from(fixture.params));
      const { expected } = fixture;
      const message = fixture.file;
      expect(Math.abs(at.loss - expected.loss), message).toBeLessThanOrEqual(1e-4 * Math.max(Math.abs(expected.loss), 1e-3));
      expect(maxAbsDifference(at.grad, expected.grad), message).toBeLessThanOrEqual(1e-4 * maxAbs(expected.grad));
      const hessian = expected.hessian.flat();
      expect(maxAbsDifference(at.hessian, hessian), message).toBeLessThanOrEqual(1e-4 * maxAbs(hessian));
      const trace = at.hessian[0] + at.hessian[3];
      expect(Math.abs(trace - expected.hessianTrace), message).toBeLessThanOrEqual(
        1e-4 * Math.max(Math.abs(expected.hessianTrace), maxAbs(expected.hessianEigenvalues)),
      );
    }
  });

  it('returns an empty list for no points and rejects an odd count', async () => {
    expect(await derivativesAt({ name: 'saddle' }, new Float64Array(0))).toEqual([]);
    await expect(derivativesAt({ name: 'saddle' }, new Float64Array(3))).rejects.toThrow(/pairs, got 3/);
  });

  it('leaves the tensor count unchanged', async () => {
    const before = tf.memory().numTensors;
    await derivativesAt({ name: 'himmelblau' }, Float64Array.from([0.5, 0.5, -3, 1, 2, 2]));
    // Nested tf.grad scopes, inputs and the concatenated table are all released.
    expect(tf.memory().numTensors).toBe(before);
  });
});

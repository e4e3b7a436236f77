import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../networks/build';
import { initialParams } from '../networks/initialization';
import { networkProblem } from '../spec/networkProblem';
import { useTestBackend } from '../testing/backend';
import { descend, plainGradient } from '../training/descent';
import { barrierHeight, bezierCurveRule, bezierPoint, curveSamples, modeConnectivity, type ConnectivityModel } from './modeConnectivity';
import { resolveOptimizer } from '../spec/optimizers/validate';

beforeAll(async () => {
  await useTestBackend();
});

/** L(x, y) = (x² + y² − 1)²: a ring of minima; the line from (−1, 0) to (1, 0) crosses the peak L(0, 0) = 1. */
const ring: ConnectivityModel = {
  paramCount: 2,
  lossAndGrad: async (p) => {
    const r = p[0] * p[0] + p[1] * p[1] - 1;
    return { loss: r * r, grad: Float32Array.of(4 * r * p[0], 4 * r * p[1]) };
  },
  evaluateBatch: async (points, count) => ({
    loss: Float32Array.from({ length: count }, (_, k) => (points[2 * k] ** 2 + points[2 * k + 1] ** 2 - 1) ** 2),
    accuracy: null,
  }),
};
const A = Float32Array.of(-1, 0);
const B = Float32Array.of(1, 0);

describe('Bézier curves and barriers', () => {
  it('the curve starts at θ_A, ends at θ_B and is (1 − t)²θ_A + 2t(1 − t)θ_c + t²θ_B between', () => {
    const control = [0.5, 3];
    expect(Array.from(bezierPoint(A, control, B, 0))).toEqual([-1, 0]);
    expect(Array.from(bezierPoint(A, control, B, 1))).toEqual([1, 0]);
    const mid = bezierPoint(A, control, B, 0.5);
    expect(mid[0]).toBeCloseTo(0.25 * -1 + 0.5 * 0.5 + 0.25 * 1, 14);
    expect(mid[1]).toBeCloseTo(0.5 * 3, 14);
    expect(Array.from(bezierPoint(A, null, B, 0.25))).toEqual([-0.5, 0]);
  });

  it('the barrier is the largest rise above the chord between the end losses', () => {
    // A path below its chord has no barrier: the ends themselves sit on the chord.
    expect(barrierHeight([0, 0.5, 1], [1, 1, 3])).toBe(0);
    expect(barrierHeight([0, 0.25, 0.5, 1], [0, 2, 0.5, 1])).toBeCloseTo(2 - 0.25, 14);
  });

  it('the curve rule’s gradient is that of the mean loss at the step’s samples (central differences)', async () => {
    const control = Float32Array.of(0.3, 0.8);
    const rule = bezierCurveRule(ring, A, B, 5, 7);
    const { grad } = await rule(control, 3);
    const samples = curveSamples(7, 3, 5);
    samples.forEach((t, j) => {
      expect(t).toBeGreaterThanOrEqual(j / 5);
      expect(t).toBeLessThan((j + 1) / 5);
    });
    const objective = (c: number[]) =>
      Array.from(samples).reduce((s, t) => {
        const [x, y] = bezierPoint(A, c, B, t);
        return s + (x * x + y * y - 1) ** 2 / 5;
      }, 0);
    const h = 1e-5;
    for (let i = 0; i < 2; i++) {
      const plus = [0.3, 0.8];
      const minus = [0.3, 0.8];
      plus[i] += h;
      minus[i] -= h;
      expect(grad[i]).toBeCloseTo((objective(plus) - objective(minus)) / (2 * h), 4);
    }
  });

  it('on a ring of minima, the trained curve goes round while the line crosses the peak', async () => {
    const result = await modeConnectivity(ring, A, B, {
      steps: 150, samples: 4, optimizer: resolveOptimizer({ name: 'adam', lr: 0.05 }, 'analytic'), initialControl: Float32Array.of(0, 0.2), pathPoints: 33, gridPoints: 9,
    });
    expect(result.line.barrier).toBeCloseTo(1, 6);
    expect(Math.max(...result.curve.loss)).toBeLessThan(0.2);
    expect(result.curve.barrier).toBeLessThan(0.2);
    // Plane coordinates rebuild the curve's points: centre + a d₁ + b d₂.
    result.curve.t.forEach((t, k) => {
      const point = bezierPoint(A, result.control, B, t);
      for (let i = 0; i < 2; i++) {
        const rebuilt = result.plane.centre[i] + result.curve.coordinates[2 * k] * result.plane.d1[i] + result.curve.coordinates[2 * k + 1] * (result.plane.d2 as Float64Array)[i];
        expect(rebuilt).toBeCloseTo(point[i], 5);
      }
    });
    expect(Array.from(result.anchors.subarray(0, 4))).toEqual([0, 0, 2, 0]);
    expect(result.gridLoss).toHaveLength(81);
    expect(result.curveTrainingLosses[149]).toBeLessThan(result.curveTrainingLosses[0]);
  });
});

describe('modeConnectivity cancellation', () => {
  it('stops training the curve when cancelled', async () => {
    const controller = new AbortController();
    const run = modeConnectivity(ring, A, B, {
      steps: 50, initialControl: Float32Array.of(0, 0.2), signal: controller.signal,
      onProgress: (done) => {
        if (done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/aborted/);
  });
});

describe('modeConnectivity between two trained networks', () => {
  it('finds a curve with a far lower barrier than the line, and leaves no tensors behind', async () => {
    const network = buildNetwork(networkProblem({ dataset: 'moons', datasetOptions: { n: 60 }, hidden: [6], testFraction: 0 }));
    const solutions: Float32Array[] = [];
    for (const seed of [1, 2]) {
      const start = initialParams(network.spec, { scheme: 'glorot', scale: 1, seed });
      solutions.push((await descend(start, plainGradient(network.objective), { optimizer: resolveOptimizer({ name: 'adam', lr: 0.05 }, 'analytic'), steps: 150 })).params);
    }
    const before = tf.memory().numTensors;
    const result = await modeConnectivity(network.objective, solutions[0], solutions[1], {
      steps: 50, samples: 3, optimizer: resolveOptimizer({ name: 'adam', lr: 0.05 }, 'analytic'), pathPoints: 21, gridPoints: 9,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.line.barrier).toBeGreaterThan(0.05);
    expect(result.curve.barrier).toBeLessThan(0.5 * result.line.barrier);
    // Both paths end at the two solutions.
    for (const path of [result.line, result.curve]) {
      expect(Math.abs(path.loss[0] - (await network.objective.loss(solutions[0])))).toBeLessThan(1e-6);
      expect(Math.abs(path.loss[20] - (await network.objective.loss(solutions[1])))).toBeLessThan(1e-6);
      expect(path.accuracy).not.toBeNull();
    }
    network.dispose();
  });
});

import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBlobs } from '../data/classification2d';
import { classPairTask } from '../data/classPairs';
import { labelsOf } from '../data/labels';
import { symmetricEigen } from '../math/linalg/symmetricEigen';
import { initialParams } from '../networks/initialization';
import { MlpObjective } from '../networks/objective';
import { RegularizedObjective } from '../networks/regularizedObjective';
import type { MlpSpec } from '../spec/mlp';
import { useTestBackend } from '../testing/backend';
import { forgettingExperiment, type ForgettingExperiment } from './forgetting';
import { resolveOptimizer } from '../spec/optimizers/validate';

/**
 * Four Gaussian blobs on the unit circle; task A separates blob 0 from blob 1, task B blob 2 from
 * blob 3 (the opposite quadrant, with the boundary the other way round), one 2-8-1 tanh network.
 */
const SPEC: MlpSpec = { layers: [2, 8, 1], activation: 'tanh', loss: 'sigmoid_ce' };
const data = makeBlobs({ n: 200, classes: 4, noise: 0.25 }, 1);
let taskA: RegularizedObjective;
let taskB: RegularizedObjective;
let experiment: ForgettingExperiment;
let tensorsBefore: number;
const start = initialParams(SPEC, { scheme: 'glorot', scale: 1, seed: 1 });

beforeAll(async () => {
  await useTestBackend();
  taskA = new RegularizedObjective(new MlpObjective(SPEC, classPairTask(data, [0, 1])), 0);
  taskB = new RegularizedObjective(new MlpObjective(SPEC, classPairTask(data, [2, 3])), 0);
  tensorsBefore = tf.memory().numTensors;
  experiment = await forgettingExperiment(taskA, taskB, start, { optimizer: resolveOptimizer({ name: 'adam', lr: 0.02 }, 'analytic'), stepsA: 100, stepsB: 100, topK: 3, recordEvery: 10 });
});
afterAll(() => {
  taskA.dispose();
  taskB.dispose();
});

describe('classPairTask', () => {
  it('keeps the two classes’ rows, relabelled 0 and 1, as a binary task', () => {
    const task = classPairTask(data, [2, 3]);
    const labels = labelsOf(data);
    const rows = Array.from(labels.keys()).filter((row) => labels[row] === 2 || labels[row] === 3);
    expect(task.n).toBe(rows.length);
    expect(task.task).toBe('binary');
    expect(task.outputDim).toBe(1);
    rows.forEach((row, r) => {
      expect(task.y[r]).toBe(labels[row] === 3 ? 1 : 0);
      expect(task.x[2 * r]).toBe(data.x[2 * row]);
    });
    expect(() => classPairTask(data, [1, 1])).toThrow(/two different classes/);
    expect(() => classPairTask(data, [0, 4])).toThrow(/two different classes/);
  });
});

describe('forgettingExperiment', () => {
  it('learns A, forgets it while learning B, and forgets far less with B’s updates projected off H_A’s top eigenvectors', () => {
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    const { plain, projected } = experiment;
    expect(experiment.lossesA[99]).toBeLessThan(0.1 * experiment.lossesA[0]);
    const last = plain.steps.length - 1;
    expect(Array.from(plain.steps)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(plain.measuredRise[0]).toBe(0);
    expect(plain.lossB[last]).toBeLessThan(0.2 * plain.lossB[0]);
    expect(projected.lossB[last]).toBeLessThan(0.2 * projected.lossB[0]);
    expect(plain.measuredRise[last]).toBeGreaterThan(1);
    expect(projected.measuredRise[last]).toBeLessThan(0.25 * plain.measuredRise[last]);
    // The projected updates have no weight on the protected eigenvectors; the plain ones do.
    expect(projected.meanUpdateOverlap).toBeLessThan(1e-6);
    expect(plain.meanUpdateOverlap).toBeGreaterThan(0.05);
    for (let r = 1; r <= last; r++) expect(projected.cumulativeOverlap[r]).toBeLessThan(1e-6);
  });

  it('predicts the rise g_AᵀΔ + ½ΔᵀH_AΔ as the dense Hessian of task A gives it', async () => {
    const n = taskA.paramCount;
    const hessian = await taskA.fullHessian(experiment.thetaA);
    const { grad } = await taskA.lossAndGrad(experiment.thetaA);
    const eigen = symmetricEigen(hessian, n);
    experiment.eigenvalues.forEach((value, i) => expect(value).toBeCloseTo(eigen.values[i], 8));
    // Recompute the prediction at the end point of the plain run.
    const delta = Array.from(experiment.plain.params, (p, i) => p - experiment.thetaA[i]);
    let linear = 0;
    let quadratic = 0;
    for (let i = 0; i < n; i++) {
      linear += grad[i] * delta[i];
      for (let j = 0; j < n; j++) quadratic += delta[i] * hessian[i * n + j] * delta[j];
    }
    const last = experiment.plain.steps.length - 1;
    expect(experiment.plain.quadraticRise[last]).toBeCloseTo(0.5 * quadratic, 4);
    expect(experiment.plain.predictedRise[last]).toBeCloseTo(linear + 0.5 * quadratic, 4);
  });

  it('matches the directly measured rise of L_A while B’s steps are small', async () => {
    // Task B from the trained θ_A (no task-A steps this time).
    const small = await forgettingExperiment(taskA, taskB, experiment.thetaA, { optimizer: resolveOptimizer({ name: 'adam', lr: 0.02 }, 'analytic'), stepsA: 0, stepsB: 3, topK: 3 });
    expect(small.plain.lossA[0]).toBeCloseTo(experiment.plain.lossA[0], 6);
    // Past adam's first steps the third-order terms stay below a tenth of the rise.
    const { measuredRise, predictedRise } = small.plain;
    for (let r = 1; r < measuredRise.length; r++) {
      expect(measuredRise[r]).toBeGreaterThan(0);
      expect(Math.abs(predictedRise[r] - measuredRise[r])).toBeLessThan(0.1 * measuredRise[r]);
    }
    // Projecting every direction (k = P) leaves θ_A where it is.
    const frozen = await forgettingExperiment(taskA, taskB, start, { optimizer: resolveOptimizer({ name: 'sgd', lr: 0.5 }, 'analytic'), stepsA: 0, stepsB: 3, topK: taskA.paramCount });
    expect(Math.max(...frozen.projected.measuredRise.map(Math.abs))).toBeLessThan(1e-6);
  });

  it('reports progress over both phases and stops when cancelled', async () => {
    const controller = new AbortController();
    const seen: [number, number][] = [];
    const run = forgettingExperiment(taskA, taskB, start, {
      optimizer: resolveOptimizer({ name: 'sgd', lr: 0.1 }, 'analytic'), stepsA: 4, stepsB: 4, topK: 1, signal: controller.signal,
      onProgress: (done, total) => {
        seen.push([done, total]);
        if (done === 6) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/aborted/);
    expect(seen.map(([done]) => done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen.every(([, total]) => total === 12)).toBe(true);
  });

  it('rejects tasks of different networks and a bad k', async () => {
    await expect(forgettingExperiment(taskA, taskB, start, { optimizer: resolveOptimizer({ name: 'sgd', lr: 0.1 }, 'analytic'), stepsA: 1, stepsB: 1, topK: 0 })).rejects.toThrow(/topK/);
    await expect(forgettingExperiment(taskA, taskB, start.subarray(1), { optimizer: resolveOptimizer({ name: 'sgd', lr: 0.1 }, 'analytic'), stepsA: 1, stepsB: 1, topK: 1 })).rejects.toThrow(/one network/);
  });
});

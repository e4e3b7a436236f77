import '../engine/testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultExperiment, defaultNetworkExperiment, type NetworkExperiment } from '../engine/spec/experiment';
import { networkProblem } from '../engine/spec/networkProblem';
import { defaultRun } from '../engine/spec/runs';
import { useTestBackend } from '../engine/testing/backend';
import { transferablesOf } from './packBatch';
import { TrainingJob } from './trainingJob';

beforeAll(async () => {
  await useTestBackend();
});

/** A small spiral (80 points, a quarter held out), a 2-6-1 network, a minibatch run and a full-batch run. */
function smallExperiment(edit?: (experiment: NetworkExperiment) => void): NetworkExperiment {
  const experiment = defaultNetworkExperiment(networkProblem({ datasetOptions: { n: 80 }, testFraction: 0.25, hidden: [6] }));
  edit?.(experiment);
  return experiment;
}

describe('TrainingJob', () => {
  it('hands out the data splits, classes, layers and parameter count', () => {
    const job = new TrainingJob(smallExperiment());
    const data = job.data();
    expect([data.train.n, data.test?.n]).toEqual([60, 20]);
    expect(data.train.x).toHaveLength(120);
    expect(data.train.classCount).toBe(2);
    expect(new Set(data.train.y)).toEqual(new Set([0, 1]));
    expect(data.layers).toEqual([2, 6, 1]);
    // (2 + 1)·6 + (6 + 1)·1
    expect(data.paramCount).toBe(25);
    expect(data.classNames).toEqual(['arm 1', 'arm 2']);
    job.dispose();
  });

  it('starts every run at θ₀: the initial evaluation is the step-0 evaluation each run reports', async () => {
    const job = new TrainingJob(smallExperiment());
    const initial = await job.initial();
    const batch = await job.step(3);
    for (const run of batch.runs) {
      expect(run.evaluation.steps[0]).toBe(0);
      expect(run.evaluation.trainLoss[0]).toBe(initial.trainLoss);
      expect(run.evaluation.testLoss[0]).toBe(initial.testLoss);
      expect(run.evaluation.trainAccuracy[0]).toBe(initial.trainAccuracy);
      expect(run.stepCount).toBe(3);
      expect(run.batchLosses).toHaveLength(3);
      expect(run.firstStep).toBe(1);
      expect(run.learningRate).toBe(0.5);
    }
    expect(job.params('o1', 'init')).toEqual(job.params('o2', 'init'));
    job.dispose();
  });

  it('gives the same numbers after a reset, and runs apart with their own batch sizes', async () => {
    const job = new TrainingJob(smallExperiment((e) => (e.evalEvery = 2)));
    const first = await job.step(4);
    const afterFirst = job.params('o1', 'latest');
    job.reset();
    expect(job.params('o1', 'latest')).toEqual(job.params('o1', 'init'));
    const second = await job.step(4);
    expect(second.runs[0].batchLosses).toEqual(first.runs[0].batchLosses);
    expect(second.runs[1].evaluation.trainLoss).toEqual(first.runs[1].evaluation.trainLoss);
    expect(Array.from(second.runs[0].evaluation.steps)).toEqual([0, 2, 4]);
    expect(job.params('o1', 'latest')).toEqual(afterFirst);
    // Minibatches of 8 and the full batch take different steps from the same start.
    expect(second.runs[0].batchLosses[1]).not.toBe(second.runs[1].batchLosses[1]);
    job.dispose();
  });

  it('returns kept snapshots by step, and the trajectory from θ₀ to the latest', async () => {
    const job = new TrainingJob(smallExperiment());
    await job.step(5);
    const { steps, params } = job.trajectory('o2');
    expect(Array.from(steps)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(params).toHaveLength(6 * 25);
    expect(params.slice(0, 25)).toEqual(job.params('o2', 'init'));
    expect(params.slice(3 * 25, 4 * 25)).toEqual(job.params('o2', 3));
    expect(params.slice(5 * 25)).toEqual(job.params('o2', 'latest'));
    // A step beyond the latest gives the latest kept snapshot.
    expect(job.params('o2', 99)).toEqual(job.params('o2', 'latest'));
    expect(() => job.params('zz', 'latest')).toThrow(/No run "zz"; the runs are o1, o2/);
    expect(() => job.params('o1', -1)).toThrow(/integer ≥ 0/);
    job.dispose();
  });

  it('predicts a class and its probability over the plane around the data', async () => {
    const job = new TrainingJob(smallExperiment());
    const field = (await job.prediction(job.params('o1', 'init'), 16))!;
    expect([field.nx, field.ny]).toEqual([16, 16]);
    expect(field.values.every((value) => value === 0 || value === 1)).toBe(true);
    expect(field.confidence!.every((p) => p >= 0.5 && p <= 1)).toBe(true);
    const { train } = job.data();
    const xs = train.x.filter((_, k) => k % 2 === 0);
    expect(field.window.xMin).toBeLessThan(Math.min(...xs));
    expect(field.window.xMax).toBeGreaterThan(Math.max(...xs));
    job.dispose();
  });

  it('draws a curve for one input and nothing for four', async () => {
    const sine = new TrainingJob(defaultNetworkExperiment(networkProblem({ dataset: 'sine', datasetOptions: { n: 40 }, hidden: [4] })));
    const curve = (await sine.prediction(sine.params('o1', 'init'), 32))!;
    expect([curve.nx, curve.ny, curve.confidence]).toEqual([32, 1, undefined]);
    sine.dispose();
    const iris = new TrainingJob(defaultNetworkExperiment(networkProblem({ dataset: 'iris', hidden: [4] })));
    expect(await iris.prediction(iris.params('o1', 'init'))).toBeNull();
    expect(iris.data().train.classCount).toBe(3);
    iris.dispose();
  });

  it('stops a run whose learning rate is far too large and lets the other go on', async () => {
    // Regression with the squared error: gradient descent far above 2/λ_max grows the error geometrically until it overflows.
    const job = new TrainingJob(
      defaultNetworkExperiment(networkProblem({ dataset: 'sine', datasetOptions: { n: 40 }, hidden: [4] }), [
        { ...defaultRun('network', 'sgd', 0, [], 0), lr: 100 },
        defaultRun('network', 'adam', 1, ['o1']),
      ]),
    );
    const batch = await job.step(40);
    expect(batch.runs[0].divergedAt).not.toBeNull();
    expect(batch.runs[0].divergence).toContain(`diverged at step ${batch.runs[0].divergedAt}`);
    expect(batch.runs[1].stepCount).toBe(40);
    expect(batch.live).toBe(1);
    job.dispose();
  });

  it('reports sharpness when tracking is on', async () => {
    const job = new TrainingJob(smallExperiment((e) => (e.sharpnessEvery = 2)));
    const batch = await job.step(2);
    const sharpness = batch.runs[1].sharpness;
    expect(Array.from(sharpness.steps)).toEqual([0, 2]);
    expect(sharpness.lambdaMax[0]).toBeGreaterThanOrEqual(sharpness.lambdaMin[0]);
    expect(sharpness.gradientDescentThreshold[0]).toBeCloseTo(2 / 0.5, 12);
    job.dispose();
  });

  it('transfers every typed array of a batch', async () => {
    const job = new TrainingJob(smallExperiment());
    const batch = await job.step(1);
    // Per run: the batch losses, five evaluation series and five sharpness series.
    expect(transferablesOf(batch)).toHaveLength(2 * 11);
    job.dispose();
  });

  it('refuses an invalid or analytic experiment', () => {
    expect(() => new TrainingJob(smallExperiment((e) => (e.evalEvery = 0)))).toThrow(/Invalid experiment: evalEvery/);
    expect(() => new TrainingJob(defaultExperiment())).toThrow(/trains networks/);
  });

  // Every tensor a call makes must be freed: a leak would grow with each step of a long run.
  it('leaves the tensor count unchanged by its calls, and back at the start after dispose', async () => {
    const before = tf.memory().numTensors;
    const job = new TrainingJob(smallExperiment((e) => (e.sharpnessEvery = 1)));
    const held = tf.memory().numTensors;
    await job.initial();
    await job.step(3);
    await job.prediction(job.params('o1', 'latest'), 8);
    job.reset();
    expect(tf.memory().numTensors).toBe(held);
    job.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

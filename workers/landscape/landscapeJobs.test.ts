import '../engine/testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { planePoint } from '../engine/math/plane/plane';
import { defaultSliceSettings, type SliceSettings } from '../engine/spec/landscapeSettings';
import { buildNetwork, type BuiltNetwork } from '../engine/networks/build';
import { networkProblem } from '../engine/spec/networkProblem';
import { Rng } from '../engine/math/rng';
import { isAbortError } from './jobRegistry';
import { LandscapeJobs } from './landscapeJobs';
import { SMALL_PROBLEM, withSmallLandscape } from './testing/smallLandscape';
import type { SliceChunk } from '../engine/spec/messages/landscape';

const PROBLEM = SMALL_PROBLEM;

/** An independent copy of the same network, for reference values. */
let reference: BuiltNetwork;
let jobs: LandscapeJobs;
/** Two distinct parameter vectors standing in for trained runs. */
let thetaA: Float32Array;
let thetaB: Float32Array;

withSmallLandscape((setup) => {
  ({ jobs, reference } = setup);
  const rng = Rng.derive(7, 'landscape-jobs-test');
  thetaA = Float32Array.from(reference.initialParams, (value) => value + 0.3 * rng.normal());
  thetaB = Float32Array.from(reference.initialParams, (value) => value - 0.3 * rng.normal());
});

const slice = (patch: Partial<SliceSettings>): SliceSettings => ({ ...defaultSliceSettings(), resolution: 9, ...patch });

describe('setProblem', () => {
  it('describes the network and rebuilds only for a different problem', () => {
    const generation = jobs.networkGeneration;
    const info = jobs.setProblem(structuredClone(PROBLEM));
    expect(info).toMatchObject({ paramCount: 25, task: 'binary', loss: 'sigmoid_ce', exactFeasible: true, trainCount: 64, testCount: 16 });
    expect(jobs.networkGeneration).toBe(generation);
  });

  it('rejects an invalid problem with the problem\'s own message', () => {
    const other = new LandscapeJobs();
    expect(() => other.setProblem({ ...PROBLEM, hidden: [1000] })).toThrow(/the width of hidden layer 1 must be an integer/);
    other.dispose();
  });
});

describe('computeSlice', () => {
  it('streams a coarse-to-fine random plane whose centre value is the loss at the centre', async () => {
    const chunks: SliceChunk[] = [];
    const summary = await jobs.computeSlice(slice({ directions: 'random' }), { centre: thetaA }, (chunk) => chunks.push(chunk));
    expect(summary.nx).toBe(9);
    expect(summary.ny).toBe(9);
    expect(summary.values.every(Number.isFinite)).toBe(true);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks[chunks.length - 1].done).toBe(81);
    chunks.forEach((chunk, k) => k > 0 && expect(chunk.done).toBeGreaterThan(chunks[k - 1].done));
    // α = β = 0 is the middle of a symmetric 9-point range.
    const centreLoss = await reference.objective.loss(thetaA);
    expect(summary.values[4 * 9 + 4]).toBeCloseTo(centreLoss, 5);
    expect(summary.directions.kind).toBe('random');
    // Two filter-normalised Gaussian directions in 25 dimensions are far from parallel.
    expect(summary.directions.angleDegrees).toBeGreaterThan(30);
  });

  it('runs a 1-D interpolation with both splits: θ_A at α = 0 and θ_B at α = 1', async () => {
    const summary = await jobs.computeSlice(
      slice({ directions: 'interpolation', dims: 1, alpha: [-0.5, 1.5], resolution: 9 }),
      { a: thetaA, b: thetaB },
    );
    expect(summary.ny).toBe(1);
    const line = summary.line!;
    expect(line.trainLoss[2]).toBeCloseTo(await reference.objective.loss(thetaA), 5);
    expect(line.trainLoss[6]).toBeCloseTo(await reference.objective.loss(thetaB), 5);
    expect(line.testLoss![6]).toBeCloseTo(await reference.testObjective!.loss(thetaB), 5);
    expect(line.trainAccuracy!.every((value) => value >= 0 && value <= 1)).toBe(true);
    expect(Array.from(summary.values)).toEqual(Array.from(line.trainLoss));
  });

  it('shows the accuracy on the test split when asked', async () => {
    const summary = await jobs.computeSlice(slice({ metric: 'accuracy', split: 'test', resolution: 5 }), { centre: thetaA });
    const { accuracy } = await reference.testObjective!.evaluateBatch(thetaA, 1);
    expect(summary.values[2 * 5 + 2]).toBeCloseTo(accuracy![0], 6);
  });

  it('says clearly what is missing or impossible', async () => {
    await expect(jobs.computeSlice(slice({ directions: 'random' }), {})).rejects.toThrow(/needs the centre parameters/);
    const regression = new LandscapeJobs();
    regression.setProblem(networkProblem({ dataset: 'sine', datasetOptions: { n: 40 }, hidden: [4] }));
    const centre = buildNetwork(networkProblem({ dataset: 'sine', datasetOptions: { n: 40 }, hidden: [4] }));
    await expect(regression.computeSlice(slice({ metric: 'accuracy' }), { centre: centre.initialParams })).rejects.toThrow(/classification data sets only/);
    centre.dispose();
    regression.dispose();
    const noTest = new LandscapeJobs();
    noTest.setProblem({ ...PROBLEM, testFraction: 0 });
    await expect(noTest.computeSlice(slice({ split: 'test' }), { centre: thetaA })).rejects.toThrow(/no test samples/);
    noTest.dispose();
  });

  it('cancels: a new slice aborts the running one, and cancel() aborts on request', async () => {
    const first = jobs.computeSlice(slice({ resolution: 41 }), { centre: thetaA });
    const second = jobs.computeSlice(slice({ resolution: 5 }), { centre: thetaB });
    await expect(first).rejects.toSatisfy(isAbortError);
    expect((await second).nx).toBe(5);

    let chunks = 0;
    const cancelled = jobs.computeSlice(slice({ resolution: 101 }), { centre: thetaA }, () => {
      chunks++;
      jobs.cancel('slice');
    });
    await expect(cancelled).rejects.toSatisfy(isAbortError);
    expect(chunks).toBe(1);
  });
});

describe('projectRuns and probe', () => {
  it('recovers the plane coordinates of a path lying in the plane, with its true losses', async () => {
    await jobs.computeSlice(slice({ directions: 'interpolation', dims: 2, resolution: 9, alpha: [-0.5, 1.5], beta: [-0.5, 1.5] }), {
      origin: reference.initialParams,
      a: thetaA,
      b: thetaB,
    });
    // θ_0 + a (θ_A − θ_0) + b (θ_B − θ_0) at a few (a, b), two of them grid nodes.
    const coordinates = [
      [0, 0],
      [0.5, 0.25],
      [1, 0],
      [0.3, 0.9],
    ];
    const plane = { centre: reference.initialParams, d1: thetaA.map((v, p) => v - reference.initialParams[p]), d2: thetaB.map((v, p) => v - reference.initialParams[p]) };
    const snapshots = new Float32Array(coordinates.length * 25);
    coordinates.forEach(([a, b], t) => snapshots.set(planePoint(plane, a, b), t * 25));
    const [run] = await jobs.projectRuns([{ runId: 'o1', snapshots }]);
    coordinates.forEach(([a, b], t) => {
      expect(run.alpha[t]).toBeCloseTo(a, 4);
      expect(run.beta[t]).toBeCloseTo(b, 4);
    });
    expect(run.quality.relativeResidual).toBeLessThan(1e-4);
    expect(run.trueValues[2]).toBeCloseTo(await reference.objective.loss(thetaA), 5);
    // (0, 0) and (1, 0) are grid nodes, so the surface holds their true losses exactly.
    expect(run.surfaceValues[0]).toBeCloseTo(run.trueValues[0], 5);
    expect(run.surfaceValues[2]).toBeCloseTo(run.trueValues[2], 5);
    expect(run.quality.pointsOutside).toBe(0);
  });

  it('probes a point: its losses, a prediction field of classes, and λ_max ≥ λ_min', async () => {
    const probe = await jobs.probe(1, 0);
    expect(Array.from(probe.params)).toEqual(Array.from(thetaA).map((v) => Math.fround(v)));
    expect(probe.train.loss).toBeCloseTo(await reference.objective.loss(thetaA), 5);
    expect(probe.test?.loss).toBeCloseTo(await reference.testObjective!.loss(thetaA), 5);
    const field = probe.prediction!;
    expect(field.nx * field.ny).toBe(96 * 96);
    expect(field.values.every((value) => value === 0 || value === 1)).toBe(true);
    expect(field.confidence!.every((p) => p >= 0.5 && p <= 1)).toBe(true);
    expect(probe.curvature!.lambdaMax).toBeGreaterThan(probe.curvature!.lambdaMin);
  });

  it('leaves no tensors behind: every job reads its results and disposes of them', async () => {
    const before = tf.memory().numTensors;
    await jobs.computeSlice(slice({ resolution: 5 }), { centre: thetaA }, () => {});
    await jobs.projectRuns([{ runId: 'o1', snapshots: Float32Array.from([...thetaA, ...thetaB]) }]);
    await jobs.probe(0.5, 0.5);
    expect(tf.memory().numTensors).toBe(before);
  });
});

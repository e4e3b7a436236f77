import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minibatchOrder } from '../data/minibatch';
import { subsetRows } from '../data/subset';
import { MlpObjective } from '../networks/objective';
import { buildNetwork, type BuiltNetwork } from '../networks/build';
import { networkProblem, type NetworkProblem } from '../spec/networkProblem';
import { useTestBackend } from '../testing/backend';
import type { OptimizerConfig } from '../spec/optimizers/registry';
import { resolveOptimizer } from '../spec/optimizers/validate';
import { TrainingSession, type TrainingStepBatch } from './runs';
import type { TrainingOptions, TrainingRunConfig } from '../spec/networkRuns';

/** `config` checked for a network, as the worker's entry checks it. */
const net = (config: OptimizerConfig) => resolveOptimizer(config, 'network');

/** 50 two-moons points (40 to train, 10 to test), a 2-5-1 tanh network: 21 parameters. */
const PROBLEM: NetworkProblem = networkProblem({ dataset: 'moons', datasetOptions: { n: 50 }, hidden: [5], weightDecay: 1e-3 });
let network: BuiltNetwork;

beforeAll(async () => {
  await useTestBackend();
  network = buildNetwork(PROBLEM);
});

afterAll(() => network.dispose());

const RUNS: TrainingRunConfig[] = [
  { id: 'gd', optimizer: net({ name: 'sgd', lr: 0.5 }), batchSize: 0 },
  { id: 'adam', optimizer: net({ name: 'adam', lr: 0.05 }), batchSize: 10 },
  { id: 'tr', optimizer: net({ name: 'trust_region' }), batchSize: 0 },
];

/** Everything a call reports that must be reproducible, as one comparable value. */
function numbers(batch: TrainingStepBatch) {
  return batch.runs.map((run) => ({
    losses: Array.from(run.batchLosses),
    evaluations: run.evaluations,
    sharpness: run.sharpness.map((record) => [record.lambdaMax, record.lambdaMin]),
    divergence: run.divergence,
  }));
}

async function stepAll(session: TrainingSession, count: number, chunk = count): Promise<ReturnType<typeof numbers>> {
  const collected: ReturnType<typeof numbers>[] = [];
  for (let done = 0; done < count; done += chunk) collected.push(numbers(await session.step(Math.min(chunk, count - done))));
  return collected.flat();
}

describe('TrainingSession', () => {
  it('starts every run from the same θ₀, reports step 0 once, evaluates every evalEvery steps', async () => {
    const session = new TrainingSession(network, RUNS, { seed: 3, evalEvery: 5 });
    for (let i = 0; i < RUNS.length; i++) expect(session.trajectory(i).params).toEqual(network.initialParams);
    const batch = await session.step(10);
    const [gd, adam, tr] = batch.runs;
    expect(batch.live).toBe(3);
    // Full-batch runs see the same first loss: the objective at θ₀.
    const start = await network.objective.loss(network.initialParams);
    expect(Math.abs(gd.batchLosses[0] - start)).toBeLessThan(1e-5);
    expect(Math.abs(tr.batchLosses[0] - start)).toBeLessThan(1e-5);
    for (const run of batch.runs) {
      expect(run.firstStep).toBe(1);
      expect(run.stepCount).toBe(10);
      expect(run.batchLosses).toHaveLength(10);
      expect(run.reports).toHaveLength(10);
      expect(run.evaluations.map((record) => record.step)).toEqual([0, 5, 10]);
    }
    expect(gd.evaluations[0]).toEqual(adam.evaluations[0]);
    // The step-10 evaluation is of the current parameters: data losses on both splits, accuracy, penalty.
    const params = session.params(1);
    const last = adam.evaluations[2];
    expect(Math.abs(last.trainLoss - (await network.objective.data.loss(params)))).toBeLessThan(1e-6);
    expect(Math.abs(last.testLoss! - (await network.testObjective!.loss(params)))).toBeLessThan(1e-6);
    expect(last.trainAccuracy).toBeGreaterThanOrEqual(0);
    expect(last.penalty).toBeCloseTo(0.5e-3 * params.reduce((s, v) => s + v * v, 0), 8);
    expect(last.trainLoss).toBeLessThan(adam.evaluations[0].trainLoss);
    // The trust region reports ρ and the radius at every step.
    expect(tr.reports.every((report) => report.ratio !== null && report.radius !== null)).toBe(true);
    const next = await session.step(2);
    expect(next.runs[0].firstStep).toBe(11);
    expect(next.runs[0].evaluations).toEqual([]);
    session.dispose();
  });

  it('walks through seeded minibatches epoch by epoch', async () => {
    const session = new TrainingSession(network, [RUNS[1]], { seed: 9 });
    const batch = await session.step(5);
    // 40 training rows in batches of 10: step 5 begins the second epoch.
    expect(batch.runs[0].epoch).toBe(1);
    const firstRows = minibatchOrder(network.train.n, 10, 9, 0)[0];
    const firstBatch = new MlpObjective(network.spec, subsetRows(network.train, firstRows));
    const penalty = 0.5e-3 * network.initialParams.reduce((s, v) => s + v * v, 0);
    const expected = (await firstBatch.loss(network.initialParams)) + penalty;
    firstBatch.dispose();
    expect(Math.abs(batch.runs[0].batchLosses[0] - expected)).toBeLessThan(1e-5);
    session.dispose();
  });

  it('is bit-for-bit reproducible: same network, runs and seed (minibatches, dropout, sharpness), in any chunking', async () => {
    const dropoutNetwork = buildNetwork({ ...PROBLEM, dropout: 0.3 });
    const options: TrainingOptions = { seed: 5, evalEvery: 4, sharpness: { every: 6, maxIterations: 6 } };
    const first = new TrainingSession(dropoutNetwork, RUNS, options);
    const second = new TrainingSession(dropoutNetwork, RUNS, options);
    const a = await stepAll(first, 12);
    const b = await stepAll(second, 12, 5);
    const flatten = (parts: ReturnType<typeof numbers>) => RUNS.map((_, i) => ({
      losses: parts.filter((_, k) => k % RUNS.length === i).flatMap((part) => part.losses),
      evaluations: parts.filter((_, k) => k % RUNS.length === i).flatMap((part) => part.evaluations),
      sharpness: parts.filter((_, k) => k % RUNS.length === i).flatMap((part) => part.sharpness),
    }));
    expect(flatten(b)).toEqual(flatten(a));
    for (let i = 0; i < RUNS.length; i++) expect(second.params(i)).toEqual(first.params(i));
    // reset() replays the same numbers.
    first.reset();
    expect(first.stepCount(0)).toBe(0);
    expect(first.params(1)).toEqual(dropoutNetwork.initialParams);
    expect(flatten(await stepAll(first, 12))).toEqual(flatten(a));
    // A different seed draws other minibatches and masks.
    const other = new TrainingSession(dropoutNetwork, RUNS, { ...options, seed: 6 });
    const c = await stepAll(other, 2);
    expect(c[1].losses).not.toEqual(a[1].losses.slice(0, 2));
    [first, second, other].forEach((session) => session.dispose());
    dropoutNetwork.dispose();
  });

  it('gives a run the same numbers alone as alongside others sharing its minibatches', async () => {
    const alone = new TrainingSession(network, [RUNS[1]], { seed: 4 });
    const together = new TrainingSession(
      network,
      [{ ...RUNS[1], id: 'other', optimizer: net({ name: 'sgd', lr: 0.3 }) }, RUNS[1], RUNS[0]],
      { seed: 4 },
    );
    const a = await alone.step(6);
    const b = await together.step(6);
    expect(Array.from(b.runs[1].batchLosses)).toEqual(Array.from(a.runs[0].batchLosses));
    expect(together.params(1)).toEqual(alone.params(0));
    alone.dispose();
    together.dispose();
  });

  it('draws dropout masks per run: equal optimizers with different ids see different masks; curvature methods none', async () => {
    const dropoutNetwork = buildNetwork({ ...PROBLEM, dropout: 0.5 });
    const twins: TrainingRunConfig[] = [
      { id: 'a', optimizer: net({ name: 'sgd', lr: 0.1 }), batchSize: 0 },
      { id: 'b', optimizer: net({ name: 'sgd', lr: 0.1 }), batchSize: 0 },
      { id: 'c', optimizer: net({ name: 'gauss_newton' }), batchSize: 0 },
    ];
    const session = new TrainingSession(dropoutNetwork, twins, { seed: 1 });
    const { runs } = await session.step(1);
    expect(runs[0].batchLosses[0]).not.toBe(runs[1].batchLosses[0]);
    // Without dropout the first loss is the objective at θ₀.
    const start = await dropoutNetwork.objective.loss(dropoutNetwork.initialParams);
    expect(Math.abs(runs[2].batchLosses[0] - start)).toBeLessThan(1e-6);
    session.dispose();
    dropoutNetwork.dispose();
  });

  it('stops a diverging run at the step it fails, naming it, while the others go on', async () => {
    const session = new TrainingSession(
      network,
      [
        { id: 'wild', optimizer: net({ name: 'sgd', lr: 1e30 }), batchSize: 0 },
        { id: 'calm', optimizer: net({ name: 'sgd', lr: 0.1 }), batchSize: 0 },
      ],
      { seed: 1 },
    );
    const { runs, live } = await session.step(6);
    expect(live).toBe(1);
    expect(runs[0].divergedAt).not.toBeNull();
    expect(runs[0].divergedAt).toBeLessThanOrEqual(3);
    expect(runs[0].divergence).toMatch(new RegExp(`Run "wild" \\(Gradient descent\\) diverged at step ${runs[0].divergedAt}: `));
    expect(runs[0].stepCount).toBe(runs[0].divergedAt! - 1);
    expect(runs[1].divergence).toBeNull();
    expect(runs[1].stepCount).toBe(6);
    const later = await session.step(2);
    expect(later.runs[0].batchLosses).toHaveLength(0);
    expect(later.runs[1].stepCount).toBe(8);
    session.reset();
    expect(session.live).toBe(2);
    session.dispose();
  });

  it('keeps trajectory snapshots every snapshotEvery steps, with θ₀ and the latest', async () => {
    const session = new TrainingSession(network, [RUNS[0]], { seed: 1, snapshotEvery: 4, maxSnapshots: 100 });
    await session.step(10);
    const { steps, params } = session.trajectory(0);
    expect(Array.from(steps)).toEqual([0, 4, 8, 10]);
    expect(params.subarray(3 * 21)).toEqual(session.params(0));
    session.dispose();
  });

  it('measures sharpness with the stability thresholds of each run', async () => {
    const session = new TrainingSession(
      network,
      [RUNS[0], { id: 'hb', optimizer: net({ name: 'momentum', lr: 0.05, momentum: 0.9 }), batchSize: 0 }],
      // As many products as parameters: Lanczos is exact, whatever its random start.
      { seed: 1, sharpness: { every: 3, maxIterations: 21 } },
    );
    const { runs } = await session.step(6);
    expect(runs[0].sharpness.map((record) => record.step)).toEqual([0, 3, 6]);
    expect(runs[0].sharpness[0].gradientDescentThreshold).toBeCloseTo(4, 12);
    expect(runs[1].sharpness[0].momentumThreshold).toBeCloseTo(76, 10);
    // Same θ₀: the step-0 measurements agree.
    expect(Math.abs(runs[0].sharpness[0].lambdaMax - runs[1].sharpness[0].lambdaMax)).toBeLessThan(1e-4);
    expect(runs[0].sharpness[0].lambdaMax).toBeGreaterThan(runs[0].sharpness[0].lambdaMin);
    session.dispose();
  });

  it('trains second-order methods on minibatches', async () => {
    const session = new TrainingSession(
      network,
      [
        { id: 'tr', optimizer: net({ name: 'trust_region' }), batchSize: 10 },
        { id: 'hf', optimizer: net({ name: 'hessian_free' }), batchSize: 20 },
        { id: 'sfn', optimizer: net({ name: 'saddle_free_newton', lr: 0.5, damping: 1 }), batchSize: 10 },
      ],
      { seed: 2, evalEvery: 8 },
    );
    const { runs } = await session.step(8);
    for (const run of runs) {
      expect(run.divergence).toBeNull();
      expect(run.evaluations[1].trainLoss).toBeLessThan(run.evaluations[0].trainLoss);
    }
    session.dispose();
  });

  it('refuses invalid runs, options and calls', async () => {
    const make = (runs: TrainingRunConfig[], options: TrainingOptions = { seed: 1 }) => () => new TrainingSession(network, runs, options);
    expect(make([])).toThrow(/1 to 8 runs, got 0/);
    expect(make([RUNS[0], RUNS[0]])).toThrow(/"gd" appears twice/);
    expect(make([{ ...RUNS[0], batchSize: -1 }])).toThrow(/Run "gd": batchSize must be an integer ≥ 0/);
    // Optimizer configs come checked: the validator is what refuses a bad one.
    expect(() => resolveOptimizer({ name: 'sgd', lr: 0 }, 'network')).toThrow(/lr must be a finite number > 0/);
    expect(make([RUNS[0]], { seed: -1 })).toThrow(/seed/);
    expect(make([RUNS[0]], { seed: 1, evalEvery: 0 })).toThrow(/evalEvery/);
    const session = new TrainingSession(network, [RUNS[0]], { seed: 1 });
    await expect(session.step(0)).rejects.toThrow(/step count/);
    const running = session.step(1);
    await expect(session.step(1)).rejects.toThrow(/already running/);
    expect(() => session.reset()).toThrow(/in progress/);
    await running;
    expect(() => session.params(3)).toThrow(/No run 3/);
    session.dispose();
    await expect(session.step(1)).rejects.toThrow(/disposed/);
  });

  it('leaves the tensor count unchanged by stepping (every path) and frees its own tensors on dispose', async () => {
    // Minibatch objectives of curvature steps, gradients, evaluations and Lanczos products are all disposed per step.
    const before = tf.memory().numTensors;
    const session = new TrainingSession(
      network,
      [...RUNS, { id: 'gn', optimizer: net({ name: 'gauss_newton' }), batchSize: 10 }, { id: 'nt', optimizer: net({ name: 'newton', damping: 1 }), batchSize: 0 }],
      { seed: 1, evalEvery: 2, sharpness: { every: 2, maxIterations: 4 } },
    );
    await session.step(3);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('TrainingSession: a run that diverges stops alone', () => {
  it('with sharpness tracked every step, a run whose Hessian stops being finite stops alone with its message', async () => {
    // The browser backends return NaN Hessian-vector products at the ~1e30
    // parameters of a run at η = 1e30 (the CPU backend here saturates to 0):
    // model that by an objective whose products are NaN once |θ| > 1e20.
    const objective = new Proxy(network.objective, {
      get(target, key, receiver) {
        if (key !== 'hvp') return Reflect.get(target, key, receiver);
        return async (params: Float32Array, v: Float32Array) =>
          params.some((value) => Math.abs(value) > 1e20) ? new Float32Array(v.length).fill(NaN) : target.hvp(params, v);
      },
    });
    const runs: TrainingRunConfig[] = [
      { id: 'calm', optimizer: net({ name: 'sgd', lr: 0.1 }), batchSize: 0 },
      { id: 'wild', optimizer: net({ name: 'sgd', lr: 1e30 }), batchSize: 0 },
    ];
    const session = new TrainingSession({ ...network, objective }, runs, { seed: 1, evalEvery: 5, sharpness: { every: 1 } });
    const batch = await session.step(6);
    const [calm, wild] = batch.runs;
    expect(calm.divergedAt).toBeNull();
    expect(calm.stepCount).toBe(6);
    expect(calm.sharpness.map((record) => record.step)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(calm.sharpness.every((record) => Number.isFinite(record.lambdaMax))).toBe(true);
    expect(wild.divergedAt).toBe(1);
    expect(wild.divergence).toMatch(/diverged at step 1: its Hessian at step 1 is no longer finite/);
    expect(batch.live).toBe(1);
    session.dispose();
  });

  it('flags a loss that grows a millionfold while it stays finite', async () => {
    // η = 3·10⁴ on the 21-parameter moons network: the parameters stay finite for
    // a while but the cross-entropy loss grows far beyond its start.
    const runs: TrainingRunConfig[] = [{ id: 'wild', optimizer: net({ name: 'sgd', lr: 3e4 }), batchSize: 0 }];
    const session = new TrainingSession(network, runs, { seed: 1, evalEvery: 100 });
    const batch = await session.step(50);
    const [wild] = batch.runs;
    const start = wild.batchLosses[0];
    expect(wild.divergedAt).not.toBeNull();
    expect(wild.divergence).toMatch(/grew|times its start/);
    // It stopped at the first loss above the bound, not later.
    const finite = Array.from(wild.batchLosses);
    expect(finite.every((loss) => Number.isFinite(loss))).toBe(true);
    expect(finite.slice(0, -1).every((loss) => loss <= 1e6 * Math.max(start, 1e-3))).toBe(true);
    session.dispose();
  });
});

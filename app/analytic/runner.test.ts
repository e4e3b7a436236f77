import '../../workers/engine/testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnalyticRuns } from '../../workers/engine/analytic/runs';
import { analyticProblemOf, checkedExperiment, defaultExperiment, type AnalyticExperiment } from '../../workers/engine/spec/experiment';
import { defaultRun } from '../../workers/engine/spec/runs';
import { useTestBackend } from '../../workers/engine/testing/backend';
import { selectProgress } from '../store/selectors';
import { createAppStore, type AppStore } from '../store/store';
import { Runner, pathLabels, stepsPerBatch, type RunWorker } from './runner';

/** The engine in-process, standing in for the worker. */
function inProcessWorker(): RunWorker & { stepCalls: number } {
  let runs: AnalyticRuns | null = null;
  const worker = {
    stepCalls: 0,
    async startRuns(experiment: AnalyticExperiment) {
      // Checked at the entry, as the worker checks it.
      const checked = checkedExperiment(experiment);
      if (checked.kind !== 'analytic') throw new RangeError('not an analytic experiment');
      runs = new AnalyticRuns(analyticProblemOf(experiment.problem), checked.optimizers, experiment.start);
      return runs.initial();
    },
    async step(count: number) {
      worker.stepCalls++;
      return runs!.step(count);
    },
  };
  return worker;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function setup(steps: number, edit?: (experiment: AnalyticExperiment) => void) {
  const store: AppStore = createAppStore();
  // The store starts with the default experiment.
  const experiment = defaultExperiment();
  experiment.steps = steps;
  edit?.(experiment);
  store.getState().loadExperiment(experiment, []);
  const errors: unknown[] = [];
  const runner = new Runner(store, (error) => errors.push(error), nextTurn);
  const worker = inProcessWorker();
  runner.attach(worker, (call) => call);
  return { store, runner, worker, errors };
}

/** Rosenbrock's f, written out independently of the engine. */
const rosenbrock = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

beforeAll(async () => {
  await useTestBackend();
});

describe('stepsPerBatch', () => {
  it('spreads a run over about 150 frames, at least one step each', () => {
    expect(stepsPerBatch(300)).toBe(2);
    expect(stepsPerBatch(10)).toBe(1);
    expect(stepsPerBatch(10_000)).toBe(67);
  });
});

describe('pathLabels', () => {
  it('uses the optimizer’s name, numbered only when a kind appears twice', () => {
    const experiment = defaultExperiment();
    experiment.optimizers = [
      defaultRun('analytic', 'adam', 0, []),
      defaultRun('analytic', 'sgd', 1, ['o1']),
      defaultRun('analytic', 'adam', 2, ['o1', 'o2']),
    ];
    expect(pathLabels(experiment)).toEqual(['Adam 1', 'Gradient descent', 'Adam 2']);
  });
});

describe('Runner', () => {
  it('leaves a network experiment to its own session: no analytic steps, no error, the status untouched', async () => {
    const { store, worker, errors } = setup(40);
    store.getState().setMode('network');
    store.getState().play();
    for (let i = 0; i < 20; i++) await nextTurn();
    expect(worker.stepCalls).toBe(0);
    expect(errors).toEqual([]);
    expect(store.getState().status).toBe('running');
  });

  it('plays every optimizer to the last step, writing each point into the preallocated paths', async () => {
    const { store, runner, errors } = setup(40);
    const buffers = store.getState().paths.map((path) => path.points);
    store.getState().play();
    runner.kick();
    await until(() => store.getState().status === 'done', 'the run to finish');
    expect(errors).toEqual([]);
    const { paths, experiment } = store.getState();
    const progress = selectProgress(store.getState());
    expect(paths.map((path) => path.length)).toEqual([41, 41]);
    // Same buffers as allocated at the start: written in place, never replaced.
    paths.forEach((path, i) => expect(path.points).toBe(buffers[i]));
    const [x0, y0] = experiment.start;
    for (const path of paths) {
      expect(path.points[0]).toBe(x0);
      expect(path.points[1]).toBe(y0);
      expect(path.losses[0]).toBeCloseTo(rosenbrock(x0, y0), 4);
      // Each recorded loss belongs to its recorded point.
      const last = path.length - 1;
      expect(path.losses[last]).toBeCloseTo(rosenbrock(path.points[2 * last], path.points[2 * last + 1]), 3);
      expect(path.status).toBe('done');
    }
    expect(progress.map((p) => [p.step, p.status])).toEqual([
      [40, 'done'],
      [40, 'done'],
    ]);
    expect(progress[1].loss!).toBeLessThan(rosenbrock(x0, y0));
  });

  it('stops asking for steps while paused', async () => {
    const { store, runner, worker } = setup(3000);
    store.getState().play();
    runner.kick();
    await until(() => worker.stepCalls >= 2, 'two batches');
    store.getState().pause();
    runner.syncStatuses();
    await nextTurn();
    const calls = worker.stepCalls;
    const step = selectProgress(store.getState())[0].step;
    for (let i = 0; i < 10; i++) await nextTurn();
    expect(worker.stepCalls).toBe(calls);
    expect(selectProgress(store.getState())[0].step).toBe(step);
    expect(step).toBeLessThan(3000);
    expect(selectProgress(store.getState()).map((p) => p.status)).toEqual(['paused', 'paused']);
  });

  it('takes exactly one step per single-step request', async () => {
    const { store, runner } = setup(50);
    store.getState().stepOnce();
    runner.requestSingleStep();
    await until(() => selectProgress(store.getState())[0].step === 1, 'one step');
    runner.requestSingleStep();
    runner.requestSingleStep();
    await until(() => selectProgress(store.getState())[0].step === 3, 'two more steps');
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(selectProgress(store.getState()).map((p) => p.step)).toEqual([3, 3]);
    expect(store.getState().paths.map((p) => p.length)).toEqual([4, 4]);
    expect(store.getState().status).toBe('paused');
  });

  it('starts over on reset', async () => {
    const { store, runner } = setup(30);
    store.getState().play();
    runner.kick();
    await until(() => store.getState().status === 'done', 'the run to finish');
    store.getState().reset();
    runner.invalidate();
    expect(store.getState().status).toBe('idle');
    expect(store.getState().paths.map((p) => p.length)).toEqual([0, 0]);
    expect(selectProgress(store.getState()).map((p) => [p.step, p.loss, p.status])).toEqual([
      [0, null, 'idle'],
      [0, null, 'idle'],
    ]);
  });

  it('plays the runs again when they are edited after they finished, the new optimizer with them', async () => {
    const { store, runner } = setup(20);
    store.getState().play();
    runner.kick();
    await until(() => store.getState().status === 'done', 'the run to finish');
    store.getState().addOptimizer('rmsprop');
    // The session calls this when the runs' fields change.
    runner.restartAfterEdit();
    expect(store.getState().status).toBe('running');
    await until(() => store.getState().status === 'done' && selectProgress(store.getState()).length === 3, 'the three runs to finish');
    expect(store.getState().paths.map((path) => path.length)).toEqual([21, 21, 21]);
    expect(selectProgress(store.getState()).map((p) => [p.step, p.status])).toEqual([
      [20, 'done'],
      [20, 'done'],
      [20, 'done'],
    ]);
  });

  it('leaves paused runs paused (at step 0) when they are edited', async () => {
    const { store, runner } = setup(3000);
    store.getState().play();
    runner.kick();
    await until(() => selectProgress(store.getState())[0].step > 0, 'a few steps');
    store.getState().pause();
    store.getState().setSeed(3);
    runner.restartAfterEdit();
    for (let i = 0; i < 10; i++) await nextTurn();
    expect(store.getState().status).toBe('idle');
    expect(selectProgress(store.getState()).map((p) => p.step)).toEqual([0, 0]);
  });

  it('stops a diverging run with its message while the other run goes on', async () => {
    const { store, runner } = setup(60, (experiment) => {
      experiment.optimizers = [
        { ...defaultRun('analytic', 'sgd', 0, []), lr: 0.5 },
        defaultRun('analytic', 'adam', 1, ['o1']),
      ];
    });
    store.getState().play();
    runner.kick();
    await until(() => store.getState().status === 'done', 'the run to finish');
    const [sgd, adam] = selectProgress(store.getState());
    expect(sgd.status).toBe('diverged');
    expect(sgd.divergedAt).toBeGreaterThan(0);
    expect(sgd.message).toContain(`diverged at step ${sgd.divergedAt}`);
    expect(sgd.step).toBe(sgd.divergedAt! - 1);
    expect(store.getState().paths[0].length).toBe(sgd.divergedAt!);
    expect(adam.status).toBe('done');
    expect(adam.step).toBe(60);
  });

  it('leaves no tensors behind after a whole run', async () => {
    const { store, runner } = setup(20);
    // The first run creates the backend's lasting state; count after it.
    store.getState().play();
    runner.kick();
    await until(() => store.getState().status === 'done', 'the first run');
    const before = tf.memory().numTensors;
    store.getState().play();
    runner.kick();
    await until(() => store.getState().status === 'done' && selectProgress(store.getState())[0].step === 20, 'the second run');
    expect(tf.memory().numTensors).toBe(before);
  });
});

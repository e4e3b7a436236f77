import '../../workers/engine/testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnalyticRuns } from '../../workers/engine/analytic/runs';
import { analyticProblemOf, checkedExperiment, defaultExperiment, type AnalyticExperiment } from '../../workers/engine/spec/experiment';
import { defaultRun } from '../../workers/engine/spec/runs';
import { useTestBackend } from '../../workers/engine/testing/backend';
import { selectProgress } from '../store/selectors';
import { createAppStore, type AppStore } from '../store/store';
import { MAX_BATCH_STEPS, Runner, batchSize, pathLabels, stepsPerSecond, type RunWorker, type RunnerClock } from './runner';

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

/** A clock whose time moves only when the runner waits (or when a test moves it), by the time waited. */
function fakeClock(): RunnerClock & { time: number } {
  const clock = {
    time: 0,
    now: () => clock.time,
    wait: async (ms: number) => {
      clock.time += Math.max(1, ms);
      await nextTurn();
    },
  };
  return clock;
}

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
  const clock = fakeClock();
  const runner = new Runner(store, (error) => errors.push(error), clock);
  const worker = inProcessWorker();
  runner.attach(worker, (call) => call);
  return { store, runner, worker, errors, clock };
}

/** Rosenbrock's f, written out independently of the engine. */
const rosenbrock = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

beforeAll(async () => {
  await useTestBackend();
});

describe('stepsPerSecond and batchSize', () => {
  it('plays an auto-paced run in 2.5 s whatever its length; a number is the rate; max has no limit', () => {
    expect(stepsPerSecond('auto', 300)).toBe(120);
    expect(stepsPerSecond('auto', 10_000)).toBe(4000);
    expect(stepsPerSecond(30, 300)).toBe(30);
    expect(stepsPerSecond('max', 300)).toBe(Infinity);
  });

  it('takes the steps due on the run’s clock, none before the next is due, never past the end', () => {
    expect(batchSize(100, 1, 0, 300, null)).toBe(1);
    expect(batchSize(100, 1.9, 1, 300, null)).toBe(0);
    // A page that was busy drawing for 0.6 s at 100 steps/s: 60 steps are due at once.
    expect(batchSize(100, 61.2, 1, 300, null)).toBe(60);
    expect(batchSize(100, 400, 290, 10, null)).toBe(10);
    expect(batchSize(1e9, 1e9, 0, 1e6, null)).toBe(MAX_BATCH_STEPS);
  });

  it('sizes a batch at max speed to about 16 ms of the worker’s time', () => {
    expect(batchSize(Infinity, Infinity, 0, 10_000, null)).toBe(16);
    expect(batchSize(Infinity, Infinity, 0, 10_000, 0.1)).toBe(160);
    expect(batchSize(Infinity, Infinity, 0, 10_000, 50)).toBe(1);
    expect(batchSize(Infinity, Infinity, 0, 5, 0.01)).toBe(5);
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

  it('keeps its speed however slowly the page draws: 300 steps at 100 per second take 3 s of the run’s clock, in a few big batches', async () => {
    const { store, runner, worker, clock } = setup(300);
    store.getState().setRunSpeed(100);
    // Every update of the paths costs the page 600 ms, as a 3-D view rendered in software does.
    const unsubscribe = store.subscribe((state) => state.paths, () => (clock.time += 600));
    store.getState().play();
    runner.kick();
    await until(() => store.getState().status === 'done', 'the run to finish');
    unsubscribe();
    expect(selectProgress(store.getState()).map((p) => p.step)).toEqual([300, 300]);
    // Paced by its clock: 2.99 s from the first step to the last, plus the drawing of the start and of the last batch
    // (not by the frames: 150 batches of 2 steps × 600 ms = 90 s before).
    expect(clock.time).toBeGreaterThan(2990);
    expect(clock.time).toBeLessThan(2990 + 3 * 600);
    expect(worker.stepCalls).toBeLessThan(12);
  });

  it('plays at the speed asked for: 10 steps per second, and as fast as the worker computes', async () => {
    const slow = setup(20);
    slow.store.getState().setRunSpeed(10);
    slow.store.getState().play();
    slow.runner.kick();
    await until(() => slow.store.getState().status === 'done', 'the slow run');
    // 20 steps, the first at once: 1.9 s.
    expect(slow.clock.time).toBeGreaterThanOrEqual(1900);
    expect(slow.clock.time).toBeLessThan(2000);

    const fast = setup(2000);
    fast.store.getState().setRunSpeed('max');
    fast.store.getState().play();
    fast.runner.kick();
    await until(() => fast.store.getState().status === 'done', 'the fast run');
    expect(selectProgress(fast.store.getState()).map((p) => p.step)).toEqual([2000, 2000]);
    // The step calls take no time on this clock: only the one-batch-per-frame waits count.
    expect(fast.clock.time).toBeLessThan(16 * fast.worker.stepCalls + 1);
  });

  it('sizes its batches at max speed by the worker’s own time, not by a round trip the page delays', async () => {
    const { store, runner, worker, clock } = setup(2000);
    const step = worker.step;
    // Each answer reaches a busy page half a second late; the worker itself spent 10 µs a step.
    worker.step = async (count) => {
      clock.time += 500;
      return { ...(await step(count)), elapsedMs: 0.01 * count };
    };
    store.getState().setRunSpeed('max');
    store.getState().play();
    runner.kick();
    await until(() => store.getState().status === 'done', 'the run');
    // 16 steps while the time per step is unknown, then 1600 (16 ms of the worker's time), then the rest.
    expect(worker.stepCalls).toBe(3);
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

import '../../workers/engine/testing/nodeGradients';
import * as Comlink from 'comlink';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultNetworkExperiment, type NetworkExperiment } from '../../workers/engine/spec/experiment';
import { networkProblem } from '../../workers/engine/spec/networkProblem';
import { defaultRun } from '../../workers/engine/spec/runs';
import { useTestBackend } from '../../workers/engine/testing/backend';
import type { ParameterServer } from '../../workers/engine/spec/messages/parameters';
import type { TrainingWorkerApi } from '../../workers/training.worker';
import { parameterServer } from '../../workers/training/parameterServer';
import { SerialCalls } from '../../workers/training/serialCalls';
import { TrainingJob } from '../../workers/training/trainingJob';
import { selectTrainingRuns } from '../store/networkSelectors';
import type { NetworkRunProgress } from '../store/runSlice';
import { sameData } from '../store/sameData';
import { createAppStore, type AppStore } from '../store/store';
import type { NetworkWatch } from '../offline/missingFiles';
import { ParameterChannel, type WorkerConnection } from '../workerClient';
import { TrainingSession, batchStepCount, trainingFields } from './trainingSession';
import { workerDeath } from '../session/testing/workerDeath';
import { experimentToHash, hashToExperiment } from '../url/hash';

beforeAll(async () => {
  await useTestBackend();
});

/**
 * The worker's API served in this thread by the class the worker wraps,
 * so the session is tested against real training without a browser.
 */
function inProcessWorker(): WorkerConnection<TrainingWorkerApi> & { calls: string[] } {
  let job: TrainingJob | null = null;
  const calls: string[] = [];
  const serial = new SerialCalls();
  const ports: MessagePort[] = [];
  const current = () => {
    if (job === null) throw new Error('configure() first');
    return job;
  };
  const api: TrainingWorkerApi = {
    init: async () => ({ backend: 'cpu', attempts: [] }),
    configure: async (experiment) => {
      calls.push('configure');
      job?.dispose();
      job = new TrainingJob(experiment);
      return job.data();
    },
    initial: async () => current().initial(),
    step: async (count) => {
      calls.push(`step ${count}`);
      return current().step(count);
    },
    reset: async () => {
      calls.push('reset');
      current().reset();
    },
    serveParameters: (port) => {
      calls.push('serveParameters');
      ports.push(port);
      Comlink.expose(parameterServer(current, serial), port);
    },
    predict: async (source) => current().prediction('params' in source ? source.params : current().params(source.runId, source.which), 12),
    loseBackendForTesting: () => {},
    crashForTesting: () => {},
    closeForTesting: () => {},
  };
  const terminate = () => {
    job?.dispose();
    for (const port of ports) port.close();
  };
  return { api: api as unknown as WorkerConnection<TrainingWorkerApi>['api'], guard: (call) => call, terminate, calls };
}

/** A 2-6-1 network on 80 spiral points, two runs (minibatch of 8, full batch), `steps` steps, evaluated every 5. */
function experimentOf(steps: number, edit?: (experiment: NetworkExperiment) => void): NetworkExperiment {
  const experiment = defaultNetworkExperiment(networkProblem({ datasetOptions: { n: 80 }, hidden: [6] }));
  experiment.steps = steps;
  experiment.evalEvery = 5;
  edit?.(experiment);
  return experiment;
}

let session: TrainingSession | null = null;

/** A store holding `experiment` and a started session over an in-process worker; `pace` runs between batches. */
function setup(experiment: NetworkExperiment, pace: () => Promise<void> = async () => {}) {
  const store: AppStore = createAppStore();
  store.getState().loadExperiment(experiment, []);
  const worker = inProcessWorker();
  session = new TrainingSession(store, '', () => worker, pace);
  session.start();
  return { store, worker, session };
}

afterEach(() => {
  session?.dispose();
  session = null;
});

async function until(store: AppStore, predicate: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 5) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(selectTrainingRuns(store.getState()).map((r) => [r.step, r.status]))}`);
}

const runsOf = (store: AppStore): readonly NetworkRunProgress[] => selectTrainingRuns(store.getState());

describe('batchStepCount and trainingFields', () => {
  it('sizes a batch to about 100 ms, one step while the speed is unknown, never past the end', () => {
    expect(batchStepCount(null, 50)).toBe(1);
    expect(batchStepCount(5, 500)).toBe(20);
    expect(batchStepCount(0.001, 10_000)).toBe(200);
    expect(batchStepCount(5, 3)).toBe(3);
    expect(batchStepCount(500, 30)).toBe(1);
  });

  it('ignores the step count, so raising it continues the runs', () => {
    const experiment = experimentOf(10);
    expect(sameData(trainingFields({ ...experiment, steps: 99 }), trainingFields(experiment))).toBe(true);
    expect(sameData(trainingFields({ ...experiment, seed: 2 }), trainingFields(experiment))).toBe(false);
  });
});

describe('TrainingSession', () => {
  it('shows the data and the runs at θ₀, all with the same losses, before anything is played', async () => {
    const { store } = setup(experimentOf(20));
    await until(store, () => store.getState().trainingData !== null && store.getState().runPrediction !== null, 'the data');
    const data = store.getState().trainingData!;
    expect([data.train.n, data.test?.n, data.paramCount]).toEqual([64, 16, 25]);
    const [first, second] = runsOf(store);
    expect(first.trainLoss).not.toBeNull();
    expect(first.trainLoss).toBe(second.trainLoss);
    expect(first.testLoss).toBe(second.testLoss);
    expect([first.step, first.status, first.label]).toEqual([0, 'idle', 'Gradient descent, batch 16']);
    expect(store.getState().curves.map((curve) => curve.trainLoss.length)).toEqual([1, 1]);
    expect(store.getState().runPrediction!.caption).toBe('Gradient descent, batch 16 — step 0');
  });

  it('plays every run to the last step, evaluating every 5 steps into the preallocated curves', async () => {
    const { store } = setup(experimentOf(20));
    await until(store, () => store.getState().trainingData !== null, 'the data');
    const buffers = store.getState().curves.map((curve) => curve.trainLoss.values);
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end');
    expect(runsOf(store).map((run) => [run.step, run.status])).toEqual([
      [20, 'done'],
      [20, 'done'],
    ]);
    const curves = store.getState().curves;
    expect(Array.from(curves[1].trainLoss.steps.subarray(0, curves[1].trainLoss.length))).toEqual([0, 5, 10, 15, 20]);
    // Written in place: the arrays are those allocated for the whole run.
    expect(curves.map((curve) => curve.trainLoss.values)).toEqual(buffers);
    expect(curves[0].trainLoss.values[4]).toBeLessThan(curves[0].trainLoss.values[0]);
    expect(curves[1].trainLoss.values[4]).toBeLessThan(curves[1].trainLoss.values[0]);
    await until(store, () => store.getState().runPrediction?.caption.endsWith('step 20') === true, 'the final prediction');
  });

  it('takes exactly one step per single-step request, and carries on when the step count is raised', async () => {
    const { store } = setup(experimentOf(4));
    await until(store, () => store.getState().trainingData !== null, 'the data');
    store.getState().stepOnce();
    store.getState().stepOnce();
    await until(store, () => runsOf(store).every((run) => run.step === 2), 'two steps');
    expect(store.getState().status).toBe('paused');
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end');
    const experiment = store.getState().experiment as NetworkExperiment;
    store.getState().setSteps(8);
    expect(store.getState().experiment).not.toBe(experiment);
    store.getState().play();
    await until(store, () => runsOf(store).every((run) => run.step === 8), 'eight steps');
    // Evaluated every 5 steps: at 0 and 5 (the first 4 steps gave only the evaluation at θ₀).
    const curve = store.getState().curves[0].trainLoss;
    expect(Array.from(curve.steps.subarray(0, curve.length))).toEqual([0, 5]);
  });

  it('marks the runs (and their curves, for the legends) paused when the training pauses', async () => {
    // Batches grow to 200 steps once the speed is known: the run is longer than the batch in flight at the pause.
    // The pace yields to timers, as the page's does, so that the pause can come between batches.
    const { store } = setup(experimentOf(1000), () => new Promise((resolve) => setTimeout(resolve, 0)));
    store.getState().play();
    await until(store, () => runsOf(store).every((run) => run.step >= 2), 'a few steps');
    store.getState().pause();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runsOf(store).map((run) => run.status)).toEqual(['paused', 'paused']);
    expect(store.getState().curves.map((curve) => curve.status)).toEqual(['paused', 'paused']);
  });

  it('resets every run to θ₀ and then repeats the same numbers', async () => {
    const { store, worker } = setup(experimentOf(10));
    await until(store, () => store.getState().trainingData !== null, 'the data');
    const initial = runsOf(store).map((run) => run.trainLoss);
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end');
    const firstCurves = store.getState().curves.map((curve) => Array.from(curve.trainLoss.values.subarray(0, curve.trainLoss.length)));
    store.getState().reset();
    await until(store, () => runsOf(store).every((run) => run.step === 0) && store.getState().curves[0]?.trainLoss.length === 1, 'the reset');
    expect(worker.calls).toContain('reset');
    expect(runsOf(store).map((run) => run.trainLoss)).toEqual(initial);
    expect(store.getState().status).toBe('idle');
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end again');
    const secondCurves = store.getState().curves.map((curve) => Array.from(curve.trainLoss.values.subarray(0, curve.trainLoss.length)));
    expect(secondCurves).toEqual(firstCurves);
  });

  it('plays the runs again from θ₀ when the experiment is edited after they finished', async () => {
    const { store } = setup(experimentOf(10));
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end');
    const first = runsOf(store).map((run) => run.trainLoss);
    store.getState().setSeed(7);
    await until(store, () => store.getState().status === 'done' && runsOf(store).every((run) => run.step === 10), 'the end of the runs started again');
    expect(store.getState().curves.map((curve) => curve.trainLoss.length)).toEqual([3, 3]);
    // Another seed, another initialisation: other numbers.
    expect(runsOf(store).map((run) => run.trainLoss)).not.toEqual(first);
  });

  it('stops a diverging run with its message while the other finishes', async () => {
    const experiment = experimentOf(30, (e) => {
      e.problem = networkProblem({ dataset: 'sine', datasetOptions: { n: 40 }, hidden: [4] });
      e.optimizers = [{ ...defaultRun('network', 'sgd', 0, [], 0), lr: 100 }, defaultRun('network', 'adam', 1, ['o1'])];
    });
    const { store } = setup(experiment);
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end');
    const [diverged, other] = runsOf(store);
    expect(diverged.status).toBe('diverged');
    expect(diverged.message).toContain(`diverged at step ${diverged.divergedAt}`);
    expect(diverged.step).toBe(diverged.divergedAt! - 1);
    expect([other.step, other.status, other.divergedAt]).toEqual([30, 'done', null]);
    expect(store.getState().curves[0].status).toBe('diverged');
    // Without a choice, the data view shows the run that did not diverge.
    await until(store, () => store.getState().runPrediction?.caption === 'Adam, full batch — step 30', 'the other run’s prediction');
  });

  it('rebuilds the job when the network changes, and leaves the worker alone in analytic mode', async () => {
    const { store, worker } = setup(experimentOf(10));
    await until(store, () => store.getState().trainingData !== null, 'the data');
    store.getState().setHiddenWidth(0, 3);
    await until(store, () => store.getState().trainingData?.paramCount === 13, 'the narrower network');
    expect(worker.calls.filter((call) => call === 'configure')).toHaveLength(2);
    // Three edits at once: only the last network is built.
    store.getState().setHiddenWidth(0, 4);
    store.getState().setHiddenWidth(0, 5);
    store.getState().setHiddenWidth(0, 2);
    await until(store, () => store.getState().trainingData?.paramCount === 9, 'the last network');
    expect(worker.calls.filter((call) => call === 'configure')).toHaveLength(3);
    store.getState().setMode('analytic');
    store.getState().play();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(worker.calls.some((call) => call.startsWith('step'))).toBe(false);
  });

  it('reproduces the same numbers from the experiment a shared link reads back', async () => {
    const original = experimentOf(10, (e) => (e.seed = 42));
    const runTo10 = async (experiment: NetworkExperiment) => {
      const { store } = setup(experiment);
      store.getState().play();
      await until(store, () => store.getState().status === 'done', 'the end');
      const losses = store.getState().curves.map((curve) => Array.from(curve.trainLoss.values.subarray(0, curve.trainLoss.length)));
      session?.dispose();
      return losses;
    };
    const first = await runTo10(original);
    const shared = hashToExperiment(experimentToHash(original));
    expect(shared.messages).toEqual([]);
    expect(await runTo10(shared.experiment as NetworkExperiment)).toEqual(first);
  });

  it('replaces a crashed worker, says so, and trains again from θ₀', async () => {
    const store: AppStore = createAppStore();
    store.getState().loadExperiment(experimentOf(6), []);
    const crashes: ((reason: string) => void)[] = [];
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    session = new TrainingSession(
      store,
      '',
      (onCrash) => {
        crashes.push(onCrash);
        workers.push(inProcessWorker());
        return workers[workers.length - 1];
      },
      async () => {},
    );
    session.start();
    await until(store, () => store.getState().trainingData !== null, 'the data');
    crashes[0]('simulated');
    expect(store.getState().notices[0]).toContain('the training worker crashed: simulated');
    await until(store, () => workers.length === 2 && workers[1].calls.includes('configure') && store.getState().trainingData !== null, 'a new worker');
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end');
    expect(runsOf(store).map((run) => run.step)).toEqual([6, 6]);
    expect(workers[0].calls.some((call) => call.startsWith('step'))).toBe(false);
  });

  it('keeps playing when the worker crashes in the middle of a step: the new worker trains the runs from θ₀ to the end', async () => {
    const store: AppStore = createAppStore();
    store.getState().loadExperiment(experimentOf(6), []);
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    let crash: (reason: string) => void = () => {};
    session = new TrainingSession(
      store,
      '',
      (onCrash) => {
        const inner = inProcessWorker();
        workers.push(inner);
        if (workers.length > 1) return inner;
        // The first worker never finishes a step, and its calls reject once it crashes (as a real one's guarded calls do).
        const { dead: crashed, die } = workerDeath();
        crash = (reason) => {
          die(reason);
          onCrash(reason);
        };
        const api = inner.api as unknown as TrainingWorkerApi;
        const stuck: TrainingWorkerApi = { ...api, step: (count) => (inner.calls.push(`step ${count}`), new Promise(() => {})) };
        return { ...inner, api: stuck as unknown as WorkerConnection<TrainingWorkerApi>['api'], guard: (call) => Promise.race([call, crashed]) };
      },
      async () => {},
    );
    session.start();
    await until(store, () => store.getState().trainingData !== null, 'the data');
    store.getState().play();
    await until(store, () => workers[0].calls.some((call) => call.startsWith('step')), 'a step in flight');
    crash('simulated');
    await until(store, () => store.getState().status === 'done', 'the end on the new worker');
    expect(runsOf(store).map((run) => [run.step, run.status])).toEqual([
      [6, 'done'],
      [6, 'done'],
    ]);
    expect(store.getState().error).toBeNull();
  });

  /**
   * Workers that crash inside a step, as a real one whose guarded calls
   * reject once it dies: worker k crashes inside the first step call that
   * would take it past `stepsBefore(k)` steps (Infinity: it never crashes).
   */
  function crashingWorkers(stepsBefore: (k: number) => number) {
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    const terminated: boolean[] = [];
    const crashes: ((reason: string) => void)[] = [];
    const factory = (onCrash: (reason: string) => void): WorkerConnection<TrainingWorkerApi> => {
      const k = workers.length;
      const inner = inProcessWorker();
      workers.push(inner);
      terminated.push(false);
      const { dead: crashed, die } = workerDeath();
      const crash = (reason: string) => {
        die(reason);
        onCrash(reason);
      };
      crashes.push(crash);
      const api = inner.api as unknown as TrainingWorkerApi;
      let completed = 0;
      const step: TrainingWorkerApi['step'] = (count) => {
        if (completed + count > stepsBefore(k)) {
          inner.calls.push(`step ${count}`);
          setTimeout(() => crash(`crash inside step ${completed + 1} of worker ${k}`), 0);
          return new Promise(() => {});
        }
        completed += count;
        return api.step(count);
      };
      return {
        ...inner,
        api: { ...api, step } as unknown as WorkerConnection<TrainingWorkerApi>['api'],
        guard: (call) => Promise.race([call, crashed]),
        terminate: () => {
          terminated[k] = true;
          inner.terminate();
        },
      };
    };
    return { factory, workers, terminated, crashes };
  }

  it('recovers from crashes inside steps again and again, each time going on from θ₀ to the end, playing', async () => {
    const store: AppStore = createAppStore();
    store.getState().loadExperiment(experimentOf(30), []);
    // Five workers crash in turn, each after a few completed steps; the sixth trains to the end.
    const { factory, workers } = crashingWorkers((k) => (k < 5 ? 2 + k : Infinity));
    session = new TrainingSession(store, '', factory, async () => {});
    session.start();
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end on the sixth worker');
    expect(workers).toHaveLength(6);
    expect(runsOf(store).map((run) => [run.step, run.status])).toEqual([
      [30, 'done'],
      [30, 'done'],
    ]);
    expect(store.getState().error).toBeNull();
    expect(store.getState().notices.every((notice) => /crash inside step .*started again from θ₀/.test(notice))).toBe(true);
  });

  it('stops for good after three restarts in a row whose workers crash before completing a step: paused, with the reason, and no further worker', async () => {
    const store: AppStore = createAppStore();
    store.getState().loadExperiment(experimentOf(30), []);
    const { factory, workers } = crashingWorkers(() => 0);
    session = new TrainingSession(store, '', factory, async () => {});
    session.start();
    store.getState().play();
    await until(store, () => store.getState().error !== null, 'the training to give up');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().error).toMatch(/could not be restarted.*reload the page/);
    expect(store.getState().status).toBe('paused');
    expect(runsOf(store).every((run) => run.status !== 'running')).toBe(true);
    expect(workers).toHaveLength(4);
    // Play again: no worker is started behind the message's back.
    store.getState().play();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers).toHaveLength(4);
  });

  it('ignores a second crash report from a worker already replaced: the new worker trains on', async () => {
    const store: AppStore = createAppStore();
    store.getState().loadExperiment(experimentOf(6), []);
    const { factory, workers, terminated, crashes } = crashingWorkers(() => Infinity);
    session = new TrainingSession(store, '', factory, async () => {});
    session.start();
    await until(store, () => store.getState().trainingData !== null, 'the data');
    crashes[0]('first report');
    await until(store, () => workers.length === 2 && store.getState().trainingData !== null, 'a new worker');
    // The old worker's error events may still be on their way.
    crashes[0]('late second report');
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end');
    expect(workers).toHaveLength(2);
    expect(terminated).toEqual([true, false]);
    expect(store.getState().notices).toHaveLength(1);
  });

  it('offline, a worker that cannot load is not restarted over and over: one message names the missing files, and training starts once the network is back', async () => {
    const store: AppStore = createAppStore();
    store.getState().loadExperiment(experimentOf(6), []);
    let offline = true;
    let online: (() => void) | null = null;
    const network: NetworkWatch = {
      isOffline: () => offline,
      missingFiles: async () => ['training.worker-X.js'],
      onceOnline: (listener) => {
        online = listener;
        return () => (online = null);
      },
    };
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    session = new TrainingSession(
      store,
      '',
      (onCrash) => {
        const worker = inProcessWorker();
        workers.push(worker);
        if (!offline) return worker;
        // While offline the script does not load: the worker dies before sending anything, and its calls never settle but by rejecting.
        const { dead: stopped, die } = workerDeath();
        setTimeout(() => {
          die('the worker stopped with an error');
          onCrash('the worker stopped with an error', false);
        }, 0);
        return { ...worker, guard: () => stopped };
      },
      async () => {},
      network,
    );
    session.start();
    await until(store, () => store.getState().error?.includes('training.worker-X.js') === true, 'the offline message');
    expect(store.getState().error).toBe(
      'The app is offline, and its offline copy is not complete: the training needs these files: training.worker-X.js. It starts by itself once the network is back.',
    );
    store.getState().play();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers).toHaveLength(1);
    expect(store.getState().notices).toEqual([]);

    offline = false;
    online!();
    await until(store, () => store.getState().trainingData !== null, 'the data on a worker started online');
    expect(store.getState().error).toBeNull();
    expect(workers).toHaveLength(2);
  });

  it('hands out parameters and trajectories for slices, over the channel to the landscape worker', async () => {
    const { store, session } = setup(experimentOf(3));
    const channel = new ParameterChannel();
    let landscapeSide: Comlink.Remote<ParameterServer> | null = null;
    channel.setLandscape((port) => (landscapeSide = port && Comlink.wrap<ParameterServer>(port)));
    session.useChannel(channel);
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end');
    const server = landscapeSide!;
    const init = await server.getParams('o1', 'init');
    const latest = await server.getParams('o1', 'latest');
    const trajectory = await server.getTrajectory('o1');
    expect(init).toHaveLength(25);
    expect(trajectory).toHaveLength(4 * 25);
    expect(trajectory.slice(0, 25)).toEqual(init);
    expect(trajectory.slice(75)).toEqual(latest);
    expect(Array.from(await server.getTrajectorySteps('o1'))).toEqual([0, 1, 2, 3]);
    server[Comlink.releaseProxy]();
  });

  it('makes the channel again for a worker that replaces a crashed one, which answers with its own runs', async () => {
    const store: AppStore = createAppStore();
    store.getState().loadExperiment(experimentOf(2), []);
    const crashes: ((reason: string) => void)[] = [];
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    session = new TrainingSession(store, '', (onCrash) => {
      crashes.push(onCrash);
      workers.push(inProcessWorker());
      return workers[workers.length - 1];
    });
    const channel = new ParameterChannel();
    const landscapeSides: (Comlink.Remote<ParameterServer> | null)[] = [];
    channel.setLandscape((port) => landscapeSides.push(port && Comlink.wrap<ParameterServer>(port)));
    session.useChannel(channel);
    session.start();
    await until(store, () => store.getState().trainingData !== null, 'the data');
    // One channel for the landscape alone (no training worker yet: told so), one once the training worker started.
    expect(landscapeSides.map((side) => side !== null)).toEqual([false, true]);
    store.getState().play();
    await until(store, () => store.getState().status === 'done', 'the end');
    expect(await landscapeSides[1]!.getTrajectory('o1')).toHaveLength(3 * 25);

    crashes[0]('simulated');
    expect(landscapeSides).toHaveLength(3);
    await until(store, () => workers.length === 2 && store.getState().trainingData !== null, 'a new worker');
    // The new worker's runs start over at θ₀: one snapshot.
    expect(await landscapeSides[2]!.getTrajectory('o1')).toHaveLength(25);
    expect(workers.map((worker) => worker.calls.filter((call) => call === 'serveParameters').length)).toEqual([1, 1]);
    for (const side of landscapeSides) side?.[Comlink.releaseProxy]();
  });
});

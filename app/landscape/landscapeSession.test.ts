import '../../workers/engine/testing/nodeGradients';
import * as Comlink from 'comlink';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultNetworkExperiment } from '../../workers/engine/spec/experiment';
import { buildNetwork } from '../../workers/engine/networks/build';
import { networkProblem } from '../../workers/engine/spec/networkProblem';
import { Rng } from '../../workers/engine/math/rng';
import { useTestBackend } from '../../workers/engine/testing/backend';
import type { ParameterServer } from '../../workers/engine/spec/messages/parameters';
import type { SliceChunk } from '../../workers/engine/spec/messages/landscape';
import type { LandscapeWorkerApi } from '../../workers/landscape.worker';
import { LandscapeService } from '../../workers/landscape/landscapeRequests';
import type { LandscapeState } from '../store/landscapeSlice';
import { createAppStore, type AppStore } from '../store/store';
import { ParameterChannel, WorkerCrashedError, type WorkerConnection } from '../workerClient';
import { LandscapeSession } from './landscapeSession';
import { workerDeath } from '../session/testing/workerDeath';

/** A 2-6-1 network on 80 spiral points (25 parameters), so every job takes milliseconds. */
const PROBLEM = networkProblem({ datasetOptions: { n: 80 }, hidden: [6] });

/**
 * The worker's API served in this thread by the same object the worker
 * wraps (comlink's proxies are plain functions here), so the session is
 * tested against the real jobs without a browser; its parameters come over
 * a real MessageChannel from the training side.
 */
function inProcessWorker(): WorkerConnection<LandscapeWorkerApi> {
  const service = new LandscapeService();
  const api: LandscapeWorkerApi = {
    init: async () => ({ backend: 'cpu', attempts: [] }),
    linkTraining: (port) => service.linkTraining(port),
    setProblem: (problem) => service.setProblem(problem),
    computeSlice: (settings, runIds, onChunk, onDirectionsProgress) => service.computeSlice(settings, runIds, onChunk, onDirectionsProgress),
    projectRuns: (runIds) => service.projectRuns(runIds),
    probe: (alpha, beta, onProgress) => service.probe(alpha, beta, onProgress),
    estimateExact: (target, settings) => service.estimateExact(target, settings),
    curvature: (target, settings, exact, onProgress) => service.curvature(target, settings, exact, onProgress),
    cancel: (kind) => service.cancel(kind),
    loseBackendForTesting: () => {},
    crashForTesting: () => {},
    closeForTesting: () => {},
  };
  return {
    api: api as unknown as WorkerConnection<LandscapeWorkerApi>['api'],
    guard: (call) => call,
    terminate: () => service.dispose(),
  };
}

/** The training side's ports handed out by the tests' channels (closed after each test). */
const trainingPorts: MessagePort[] = [];

/** A parameter channel whose training end serves `runs` on every port it is given, as the training worker does. */
function channelServing(runs: ParameterServer): ParameterChannel {
  const channel = new ParameterChannel();
  channel.setTraining((port) => {
    trainingPorts.push(port);
    Comlink.expose(runs, port);
  });
  return channel;
}

/** Two runs' stand-ins: θ₀, and 5 snapshots of each run moving away from it. */
function fakeRuns(): ParameterServer {
  const network = buildNetwork(PROBLEM);
  const theta0 = network.initialParams;
  network.dispose();
  const rng = Rng.derive(5, 'landscape-session-test');
  const trajectories = new Map<string, Float32Array>();
  for (const id of ['o1', 'o2']) {
    const step = Float32Array.from(theta0, () => 0.05 * rng.normal());
    const snapshots = new Float32Array(5 * theta0.length);
    for (let t = 0; t < 5; t++) snapshots.set(theta0.map((value, p) => value + t * step[p]), t * theta0.length);
    trajectories.set(id, snapshots);
  }
  return {
    getParams: async (runId, which) => {
      const snapshots = trajectories.get(runId)!;
      return which === 'init' ? snapshots.slice(0, theta0.length) : snapshots.slice(4 * theta0.length);
    },
    getTrajectory: async (runId) => Float32Array.from(trajectories.get(runId)!),
    getTrajectorySteps: async () => Int32Array.of(0, 1, 2, 3, 4),
  };
}

async function until(store: AppStore, predicate: (landscape: LandscapeState) => boolean, what: string): Promise<LandscapeState> {
  for (let waited = 0; waited < 20_000; waited += 10) {
    const landscape = store.getState().landscape;
    if (predicate(landscape)) return landscape;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(store.getState().landscape.sliceJob)}`);
}

let session: LandscapeSession | null = null;

function networkStore(): AppStore {
  const store = createAppStore();
  const experiment = defaultNetworkExperiment(PROBLEM);
  experiment.slice = { ...experiment.slice, resolution: 9 };
  experiment.curvature = { ...experiment.curvature, k: 2, slqRuns: 2, slqSteps: 5, traceBudget: 9 };
  store.getState().loadExperiment(experiment, []);
  session = new LandscapeSession(store, '', inProcessWorker);
  session.useChannel(channelServing(fakeRuns()));
  session.start();
  return store;
}

beforeAll(async () => {
  await useTestBackend();
});

afterEach(() => {
  session?.dispose();
  session = null;
  for (const port of trainingPorts.splice(0)) port.close();
});

describe('LandscapeSession', () => {
  it('computes a slice refined in place, then projects both runs onto it', async () => {
    const store = networkStore();
    const versions: number[] = [];
    let firstValues: Float32Array | null = null;
    store.subscribe((state) => {
      const field = state.landscape.field;
      if (field && versions[versions.length - 1] !== field.version) {
        versions.push(field.version);
        firstValues ??= field.values;
      }
    });
    store.getState().requestSlice();
    const done = await until(store, (l) => l.sliceJob?.state === 'done' || l.sliceJob?.state === 'failed', 'the slice');
    expect(done.sliceJob?.state).toBe('done');
    expect(done.field?.nx).toBe(9);
    expect(done.field?.window).toEqual({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
    expect(done.field?.values.every(Number.isFinite)).toBe(true);
    // Refined in place: one array, several versions.
    expect(versions.length).toBeGreaterThan(1);
    expect(done.field?.values).toBe(firstValues);
    // One path per run, drawn on the surface, its true losses alongside.
    expect(done.paths.map((path) => path.id)).toEqual(['o1', 'o2']);
    for (const path of done.paths) expect(path.trueLosses).toHaveLength(path.length);
    expect(done.faithfulness.map((item) => item.runId)).toEqual(['o1', 'o2']);
    expect(done.fieldDone).toBe(81);
  });

  it('probes a clicked point and reports a curvature spectrum there, exact on request', async () => {
    const store = networkStore();
    store.getState().requestSlice();
    await until(store, (l) => l.sliceJob?.state === 'done', 'the slice');
    store.getState().requestProbe(0.5, -0.25);
    const probed = await until(store, (l) => l.probe !== null, 'the probe');
    expect(probed.probe?.caption).toBe('clicked point (α, β) = (0.5, −0.25)');
    expect(probed.probe?.prediction?.values.length).toBe(96 * 96);
    expect(probed.probe!.lambdaMax!).toBeGreaterThan(probed.probe!.lambdaMin!);

    store.getState().setCurvatureTarget({ kind: 'probe' });
    store.getState().requestCurvature(true);
    const reported = await until(store, (l) => l.curvatureJob?.state === 'done' || l.curvatureJob?.state === 'failed', 'the spectrum');
    expect(reported.curvatureJob?.message).not.toMatch(/Error/);
    const [hessian] = reported.curvature!.summary.matrices;
    expect(hessian.exact).toHaveLength(25);
    expect(reported.curvature?.caption).toBe(probed.probe?.caption);
    expect(reported.exactEstimate?.seconds).toBeGreaterThan(0);
    // The probe's Lanczos λ_max from 25 products in 25 dimensions is the exact one.
    expect(hessian.readouts.lambdaMax).toBeCloseTo(probed.probe!.lambdaMax!, 3);
  });

  it('points the curvature view back at the selected run when the clicked point is gone, so "At" and the spectrum agree', async () => {
    const store = networkStore();
    store.getState().requestSlice();
    await until(store, (l) => l.sliceJob?.state === 'done', 'the slice');
    store.getState().requestProbe(0.5, -0.25);
    const probed = await until(store, (l) => l.probe !== null && l.curvatureTarget.kind === 'probe', 'the probe as the target');
    expect(probed.curvatureTarget).toEqual({ kind: 'probe' });

    // A new slice forgets the point: the target is the selected run again, and a spectrum there succeeds.
    store.getState().requestSlice();
    const started = await until(store, (l) => l.probe === null, 'the new slice to start');
    expect(started.curvatureTarget).toEqual({ kind: 'selected' });
    const again = await until(store, (l) => l.sliceJob?.state === 'done', 'the new slice');
    expect(again.probe).toBeNull();
    expect(again.curvatureTarget).toEqual({ kind: 'selected' });
    store.getState().requestCurvature(false);
    const reported = await until(store, (l) => l.curvatureJob?.state === 'done' || l.curvatureJob?.state === 'failed', 'the spectrum');
    expect(reported.curvatureJob?.message ?? '').not.toMatch(/no clicked point/);
    expect(reported.curvatureJob?.state).toBe('done');

    // So does a new problem.
    store.getState().requestProbe(0.25, 0.25);
    await until(store, (l) => l.curvatureTarget.kind === 'probe', 'the second probe as the target');
    store.getState().setHiddenWidth(0, 4);
    const forgotten = await until(store, (l) => l.probe === null, 'the results forgotten');
    expect(forgotten.curvatureTarget).toEqual({ kind: 'selected' });
  });

  it('cancels a slice on request, and says which run is missing', async () => {
    const store = networkStore();
    store.getState().setSliceSettings({ resolution: 101 });
    store.getState().requestSlice();
    await until(store, (l) => l.fieldDone > 0, 'the first chunk');
    store.getState().cancelSlice();
    const cancelled = await until(store, (l) => l.sliceJob?.state !== 'running', 'the cancellation');
    expect(cancelled.sliceJob?.state).toBe('cancelled');
    expect(cancelled.fieldDone).toBeLessThan(101 * 101);

    store.getState().setSliceSettings({ resolution: 9, centre: 'o7' });
    store.getState().requestSlice();
    const failed = await until(store, (l) => l.sliceJob?.state === 'failed', 'the failure');
    expect(failed.sliceJob?.message).toMatch(/run "o7", which the experiment does not have/);
  });

  it('moves no parameter vector through the page: the page names runs and points, the worker takes θ from the training side', async () => {
    const store = networkStore();
    session!.dispose();
    // Every typed array in the page's calls to the worker and in its answers (callbacks' chunks included).
    const crossed: { method: string; type: string; length: number }[] = [];
    const visit = (method: string, value: unknown, seen = new Set<unknown>()): void => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      if (ArrayBuffer.isView(value)) crossed.push({ method, type: value.constructor.name, length: (value as Float32Array).length });
      else for (const item of Object.values(value)) visit(method, item, seen);
    };
    const metered = (): WorkerConnection<LandscapeWorkerApi> => {
      const inner = inProcessWorker();
      const api = inner.api as unknown as Record<string, (...args: unknown[]) => unknown>;
      const wrapped = Object.fromEntries(
        Object.entries(api).map(([method, call]) => [
          method,
          (...args: unknown[]) => {
            const passed = args.map((arg) => (typeof arg === 'function' ? (...values: unknown[]) => (values.forEach((v) => visit(`${method} callback`, v)), arg(...values)) : arg));
            passed.forEach((arg) => visit(method, arg));
            const result = call(...passed);
            if (result instanceof Promise) return result.then((value) => (visit(method, value), value));
            return result;
          },
        ]),
      );
      return { ...inner, api: wrapped as unknown as WorkerConnection<LandscapeWorkerApi>['api'] };
    };
    session = new LandscapeSession(store, '', metered);
    session.useChannel(channelServing(fakeRuns()));
    session.start();
    store.getState().requestSlice();
    await until(store, (l) => l.sliceJob?.state === 'done', 'the slice');
    store.getState().requestProbe(0.5, -0.25);
    await until(store, (l) => l.probe !== null, 'the probe');
    store.getState().setCurvatureTarget({ kind: 'selected' });
    store.getState().requestCurvature(false);
    await until(store, (l) => l.curvatureJob?.state === 'done', 'the spectrum of the first run');
    store.getState().setCurvatureTarget({ kind: 'probe' });
    store.getState().requestCurvature(false);
    await until(store, (l) => l.curvatureJob?.state === 'done' && l.curvature?.caption.startsWith('clicked') === true, 'the spectrum at the probe');
    // The fields, the paths' plane coordinates and the read-outs did cross; float32 vectors of P = 25 values, or T × P, did not.
    expect(crossed.some((array) => array.method === 'computeSlice callback' && array.length === 81)).toBe(true);
    expect(crossed.some((array) => array.method === 'projectRuns' && array.length === 5)).toBe(true);
    expect(crossed.filter((array) => array.type === 'Float32Array' && array.length % 25 === 0)).toEqual([]);
  });

  it('replaces a crashed worker by one without the GPU backends; the job that was running fails with the reason', async () => {
    const store = networkStore();
    session!.dispose();
    const excluded: string[][] = [];
    let crash: (reason: string) => void = () => {};
    const factory = (onCrash: (reason: string) => void): WorkerConnection<LandscapeWorkerApi> => {
      const inner = inProcessWorker();
      const { dead: crashed, die } = workerDeath();
      crash = (reason) => {
        die(`the worker stopped: ${reason}`);
        onCrash(reason);
      };
      const api = inner.api as unknown as LandscapeWorkerApi;
      const wrapped: LandscapeWorkerApi = {
        ...api,
        init: async (search, exclude, onLost) => {
          excluded.push([...exclude]);
          return api.init(search, exclude, onLost);
        },
        // The first worker never finishes a slice: it is going to crash.
        computeSlice: excluded.length === 0 ? () => new Promise(() => {}) : api.computeSlice,
      };
      return { api: wrapped as unknown as WorkerConnection<LandscapeWorkerApi>['api'], guard: (call) => Promise.race([call, crashed]), terminate: inner.terminate };
    };
    session = new LandscapeSession(store, '', factory);
    session.useChannel(channelServing(fakeRuns()));
    session.start();

    store.getState().requestSlice();
    await until(store, (l) => l.info !== null, 'the first worker to build the network');
    crash('out of memory');
    const failed = await until(store, (l) => l.sliceJob?.state === 'failed', 'the failed slice');
    expect(failed.sliceJob?.message).toMatch(/out of memory/);
    expect(store.getState().notices.join(' ')).toMatch(/landscape computation stopped.*out of memory.*without the GPU/);

    store.getState().requestSlice();
    const done = await until(store, (l) => l.sliceJob?.state === 'done', 'the slice on the new worker');
    expect(done.field?.nx).toBe(9);
    expect(excluded).toEqual([[], ['webgpu', 'webgl']]);
  });

  it('follows training by itself: a coarse slice at θ₀ as soon as the runs exist, then the full one, with no request', async () => {
    const store = networkStore();
    const coarseSizes: number[] = [];
    store.subscribe((state) => {
      const nx = state.landscape.field?.nx;
      if (nx !== undefined && coarseSizes[coarseSizes.length - 1] !== nx) coarseSizes.push(nx);
    });
    // Nothing is asked for while the training job is not built.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().landscape.sliceJob).toBeNull();
    // The runs stand at θ₀ (what the training session reports once its worker has the job).
    const atStart = (id: string) => ({ id, label: id, step: 0, epoch: 0, trainLoss: 0.7, testLoss: null, trainAccuracy: null, testAccuracy: null, batchLoss: null, sharpness: null, lambdaMin: null, threshold: null, lastUpdate: null, rejectedSteps: 0, status: 'idle' as const, divergedAt: null, message: null });
    store.getState().setTrainingRuns([atStart('o1'), atStart('o2')]);
    store.getState().setTrainingData({ train: { x: new Float32Array(0), y: new Float32Array(0), n: 0, inputDim: 2, task: 'binary' } as never, test: null, classNames: null, layers: [2, 6, 1], paramCount: 25 });
    const done = await until(store, (l) => l.sliceJob?.state === 'done' && l.field?.nx === 9 && l.sliceKind === 'live', 'the live slice at θ₀');
    // The experiment asks for 9 × 9, below the coarse 21: both live slices are 9 × 9, and no click was needed.
    expect(coarseSizes).toEqual([9]);
    expect(done.sliceJob?.label).toBe('Refining slice 9×9');
    expect(done.slice?.directions.kind).toBe('random');
    expect(store.getState().sliceRequests).toBe(0);
  });

  it('fails a slice whose worker crashed with the reason, ignores the chunks the dead worker had already sent, and starts the next slice on a new worker', async () => {
    const store = networkStore();
    session!.dispose();
    let crash: (reason: string) => void = () => {};
    let lateChunk: ((chunk: SliceChunk) => void) | null = null;
    let workers = 0;
    const factory = (onCrash: (reason: string) => void): WorkerConnection<LandscapeWorkerApi> => {
      const inner = inProcessWorker();
      const first = workers++ === 0;
      let rejectAll: (error: Error) => void = () => {};
      const crashed = new Promise<never>((_, reject) => {
        rejectAll = reject;
      });
      crashed.catch(() => {});
      crash = (reason) => {
        // As the page's connection does: pending calls reject, then the session hears of the crash.
        rejectAll(new WorkerCrashedError(reason));
        onCrash(reason);
      };
      const api = inner.api as unknown as LandscapeWorkerApi;
      const wrapped: LandscapeWorkerApi = {
        ...api,
        // The first worker sends one chunk and never finishes: it is going to crash; a second chunk is still on its way.
        computeSlice: first
          ? (settings, _runIds, onChunk) => {
              const total = settings.resolution ** 2;
              onChunk({ values: new Float32Array(total), done: 9, total, exactStride: 4 });
              lateChunk = onChunk;
              return new Promise(() => {});
            }
          : api.computeSlice,
      };
      return { api: wrapped as unknown as WorkerConnection<LandscapeWorkerApi>['api'], guard: (call) => Promise.race([call, crashed]), terminate: inner.terminate };
    };
    session = new LandscapeSession(store, '', factory);
    session.useChannel(channelServing(fakeRuns()));
    session.start();

    store.getState().requestSlice();
    await until(store, (l) => l.fieldDone === 9, 'the first chunk');
    crash('simulated worker crash');
    const failed = await until(store, (l) => l.sliceJob?.state === 'failed', 'the failed slice');
    expect(failed.sliceJob?.message).toBe('the landscape worker crashed: simulated worker crash');
    // The new worker was started at once, not at the next request.
    expect(workers).toBe(2);
    const total = 81;
    lateChunk!({ values: new Float32Array(total), done: 40, total, exactStride: 2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.getState().landscape.sliceJob?.state).toBe('failed');
    expect(store.getState().landscape.fieldDone).toBe(9);

    store.getState().requestSlice();
    const done = await until(store, (l) => l.sliceJob?.state === 'done', 'the slice on the new worker');
    expect(done.fieldDone).toBe(81);
    expect(workers).toBe(2);
  });
  it('predicts the exact spectrum’s time again after the network changes, for the new network', async () => {
    const store = networkStore();
    session!.dispose();
    // The training side serves θ₀ of whatever network the experiment has now, as the rebuilt training worker does.
    const currentTheta = async () => {
      const experiment = store.getState().experiment;
      if (experiment.problem.kind !== 'network') throw new Error('not a network');
      const network = buildNetwork(experiment.problem);
      const theta = Float32Array.from(network.initialParams);
      network.dispose();
      return theta;
    };
    const server: ParameterServer = {
      getParams: currentTheta,
      getTrajectory: currentTheta,
      getTrajectorySteps: async () => Int32Array.of(0),
    };
    session = new LandscapeSession(store, '', inProcessWorker);
    session.useChannel(channelServing(server));
    session.start();
    // The curvature view asks once when it opens.
    store.getState().requestExactEstimate();
    const first = await until(store, (l) => l.exactEstimate !== null, 'the first estimate');
    expect(first.exactEstimate?.size).toBe(25);

    store.getState().setHiddenWidth(0, 3);
    expect(store.getState().landscape.exactEstimate).toBeNull();
    const second = await until(store, (l) => l.exactEstimate !== null, 'the estimate for the new network');
    // 2·3 + 3 + 3·1 + 1 parameters.
    expect(second.exactEstimate?.size).toBe(13);
    expect(second.exactEstimate?.seconds).toBeGreaterThan(0);
  });
});

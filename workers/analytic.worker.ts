/**
 * The analytic-function worker: a thin comlink entry over the engine. It
 * picks a TensorFlow.js backend, evaluates surfaces, describes the critical
 * points, and steps optimizer runs one batch at a time when the page asks
 * (the page drives the loop, so pausing is simply not asking).
 */
import * as Comlink from 'comlink';
// tfjs-core alone registers no gradient functions; the Hessians need them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { evaluateGrid, type Grid2D } from './engine/analytic/evaluate';
import { analyticMarkers, type MarkerReport } from './engine/analytic/markers';
import { previewGrid } from './engine/analytic/preview';
import { AnalyticRuns, PATH_SERIES, type StartState, type StepBatch } from './engine/analytic/runs';
import { serveWorker, workerBase, type WorkerBaseApi } from './workerBase';
import { analyticProblemOf, checkedExperiment, type CheckedExperiment, type Experiment } from './engine/spec/experiment';

export type { BackendReport } from './workerBase';
export type { MarkerReport } from './engine/analytic/markers';

/** The worker's API, as the page sees it through comlink. */
export interface AnalyticWorkerApi extends WorkerBaseApi {
  /** f on the experiment's window at nx × ny points (row-major, j·nx + i); the buffer is transferred. */
  surface(experiment: Experiment, nx: number, ny: number): Promise<Float32Array>;
  /** The same from float64 closed forms, needing no backend: usable before init() has finished. */
  previewSurface(experiment: Experiment, nx: number, ny: number): Float32Array;
  /** The function's critical points inside the window, and the start, with f and Hessian eigenvalues. */
  markers(experiment: Experiment): Promise<MarkerReport[]>;
  /** Replaces any runs by the experiment's optimizers at its start; returns f at the start. */
  startRuns(experiment: Experiment): Promise<StartState>;
  /** Up to `count` more updates of every live run (arrays transferred), with the milliseconds the worker spent on them. */
  step(count: number): Promise<TimedStepBatch>;
}

/** A batch of steps with the worker's own time for it (the page's round trip also counts its own delays). */
export type TimedStepBatch = StepBatch & { elapsedMs: number };

let runs: AnalyticRuns | null = null;
const { backendLoss, faults, api: base } = workerBase();

/**
 * `request`, checked once here where it enters the worker: a valid analytic
 * experiment with its optimizers resolved, on a working backend (throws otherwise).
 */
function usable(request: Experiment): Extract<CheckedExperiment, { kind: 'analytic' }> {
  backendLoss.assertUsable();
  const checked = checkedExperiment(request);
  if (checked.kind !== 'analytic') throw new RangeError('This worker computes analytic functions only; the experiment is about a network');
  return checked;
}

const api: AnalyticWorkerApi = {
  ...base,

  previewSurface(request, nx, ny) {
    // Plain float64 arithmetic: answers while init() is still starting the backend.
    const { experiment } = usable(request);
    const values = previewGrid(analyticProblemOf(experiment.problem), { ...experiment.window, nx, ny });
    return Comlink.transfer(values, [values.buffer]);
  },

  async surface(request, nx, ny) {
    const { experiment } = usable(request);
    const grid: Grid2D = { ...experiment.window, nx, ny };
    const values = await evaluateGrid(analyticProblemOf(experiment.problem), grid);
    return Comlink.transfer(values, [values.buffer]);
  },

  async markers(request) {
    const { experiment } = usable(request);
    return analyticMarkers(analyticProblemOf(experiment.problem), experiment.window, experiment.start);
  },

  async startRuns(request) {
    const { experiment, optimizers } = usable(request);
    runs = new AnalyticRuns(analyticProblemOf(experiment.problem), optimizers, experiment.start);
    return runs.initial();
  },

  async step(count) {
    backendLoss.assertUsable();
    if (runs === null) throw new Error('step() before startRuns()');
    faults.stepBegins();
    const started = performance.now();
    const batch = await runs.step(count);
    const buffers = batch.runs.flatMap((run) => PATH_SERIES.map((key) => run[key].buffer));
    return Comlink.transfer({ ...batch, elapsedMs: performance.now() - started }, buffers as ArrayBuffer[]);
  },
};

serveWorker(api);

/**
 * The training worker: a thin comlink entry over `training/`. It
 * builds a network experiment's data, network and runs, steps every run one
 * batch at a time when the page asks (the page drives the loop, so pausing
 * is simply not asking), and answers for parameters, trajectories and
 * prediction fields.
 */
import * as Comlink from 'comlink';
// tfjs-core alone registers no gradient functions; training and sharpness need them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { BackendReport } from './analytic.worker';
import { BackendLossWatch } from './backendLoss';
import { selectBrowserBackend } from './engine/backends/browser';
import type { BackendName } from './engine/backends/select';
import type { NetworkExperiment } from './engine/spec/experiment';
import type { PredictionFieldData } from './engine/spec/messages/prediction';
import type { Evaluation, PackedStepBatch, ParamsWhich, TrainingData } from './engine/spec/messages/training';
import { transferablesOf } from './training/packBatch';
import { TrainingJob } from './training/trainingJob';

/** Which parameters a prediction is of: a run's, or a vector the page holds (e.g. a point of a slice). */
export type PredictionSource = { runId: string; which: ParamsWhich } | { params: Float32Array };

/** The worker's API, as the page sees it through comlink. */
export interface TrainingWorkerApi {
  /** Selects the first working backend (as the analytic worker does); `onBackendLost` fires if the GPU goes away later. */
  init(search: string, exclude: BackendName[], onBackendLost: (reason: string) => void): Promise<BackendReport>;
  /** Replaces any job by one for `experiment` (validated); returns its data (arrays transferred). */
  configure(experiment: NetworkExperiment): Promise<TrainingData>;
  /** Losses and accuracies at θ₀, where every run starts. */
  initial(): Promise<Evaluation>;
  /** Up to `count` more updates of every live run (arrays transferred). */
  step(count: number): Promise<PackedStepBatch>;
  /** Every run back to θ₀, with the same minibatch order and dropout streams as the first time. */
  reset(): Promise<void>;
  /** A run's parameters: θ₀, the latest, or after a step (transferred). */
  getParams(runId: string, which: ParamsWhich): Promise<Float32Array>;
  /** A run's kept snapshots, T × P row-major, θ₀ first and the latest last (transferred). */
  getTrajectory(runId: string): Promise<Float32Array>;
  /** The steps of the snapshots `getTrajectory` returns. */
  getTrajectorySteps(runId: string): Promise<Int32Array>;
  /** The prediction over the input plane (a curve for one input) of `source`; null for more than two inputs. */
  predict(source: PredictionSource): Promise<PredictionFieldData | null>;
  /** Test hook: makes the GPU device or WebGL context go away, as a driver reset would. */
  loseBackendForTesting(): void;
  /** Test hook: throws an uncaught error, as a worker crash would. */
  crashForTesting(): void;
}

const backendLoss = new BackendLossWatch();
let job: TrainingJob | null = null;

/** The current job, on a working backend. */
function usableJob(): TrainingJob {
  backendLoss.assertUsable();
  if (job === null) throw new Error('The training worker has no experiment yet: configure() first');
  return job;
}

const api: TrainingWorkerApi = {
  async init(search, exclude, onBackendLost) {
    const { backend, attempts } = await selectBrowserBackend(search, exclude);
    backendLoss.watch(backend, onBackendLost);
    return { backend, attempts };
  },

  async configure(experiment) {
    backendLoss.assertUsable();
    job?.dispose();
    job = null;
    job = new TrainingJob(experiment);
    const data = job.data();
    const buffers = [data.train.x.buffer, data.train.y.buffer, ...(data.test ? [data.test.x.buffer, data.test.y.buffer] : [])];
    return Comlink.transfer(data, buffers as ArrayBuffer[]);
  },

  async initial() {
    return usableJob().initial();
  },

  async step(count) {
    const batch = await usableJob().step(count);
    return Comlink.transfer(batch, transferablesOf(batch));
  },

  async reset() {
    usableJob().reset();
  },

  async getParams(runId, which) {
    const params = usableJob().params(runId, which);
    return Comlink.transfer(params, [params.buffer as ArrayBuffer]);
  },

  async getTrajectory(runId) {
    const { params } = usableJob().trajectory(runId);
    return Comlink.transfer(params, [params.buffer as ArrayBuffer]);
  },

  async getTrajectorySteps(runId) {
    return usableJob().trajectory(runId).steps;
  },

  async predict(source) {
    const current = usableJob();
    const params = 'params' in source ? source.params : current.params(source.runId, source.which);
    const field = await current.prediction(params);
    if (field === null) return null;
    const buffers = [field.values.buffer, ...(field.confidence ? [field.confidence.buffer] : [])];
    return Comlink.transfer(field, buffers as ArrayBuffer[]);
  },

  loseBackendForTesting() {
    backendLoss.loseForTesting();
  },

  crashForTesting() {
    setTimeout(() => {
      throw new Error('simulated worker crash');
    });
  },
};

Comlink.expose(api);

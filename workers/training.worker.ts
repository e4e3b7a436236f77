/**
 * The training worker: a thin comlink entry over `training/`. It
 * builds a network experiment's data, network and runs, steps every run one
 * batch at a time when the page asks (the page drives the loop, so pausing
 * is simply not asking), and answers for prediction fields. Parameters and
 * trajectories go to the landscape worker directly, over the port the page
 * hands over with `serveParameters`; they never cross the page. Calls on
 * the job run one after another, whichever side asks.
 */
import * as Comlink from 'comlink';
// tfjs-core alone registers no gradient functions; training and sharpness need them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { serveWorker, workerBase, type WorkerBaseApi } from './workerBase';
import { engineFromQuery, preferNetworkEngine } from './engine/networks/fast/engine';
import type { NetworkExperiment } from './engine/spec/experiment';
import type { PredictionFieldData } from './engine/spec/messages/prediction';
import type { Evaluation, PackedStepBatch, ParamsWhich, TrainingData } from './engine/spec/messages/training';
import { transferablesOf } from './training/packBatch';
import { parameterServer } from './training/parameterServer';
import { SerialCalls } from './training/serialCalls';
import { TrainingJob } from './training/trainingJob';

/** Which parameters a prediction is of: a run's, or a vector the page holds (e.g. a point of a slice). */
export type PredictionSource = { runId: string; which: ParamsWhich } | { params: Float32Array };

/** The worker's API, as the page sees it through comlink. */
export interface TrainingWorkerApi extends WorkerBaseApi {
  /** Replaces any job by one for `experiment` (validated); returns its data (arrays transferred). */
  configure(experiment: NetworkExperiment): Promise<TrainingData>;
  /** Losses and accuracies at θ₀, where every run starts. */
  initial(): Promise<Evaluation>;
  /** Up to `count` more updates of every live run (arrays transferred). */
  step(count: number): Promise<PackedStepBatch>;
  /** Every run back to θ₀, with the same minibatch order and dropout streams as the first time. */
  reset(): Promise<void>;
  /**
   * Answers the landscape worker's requests for parameters and trajectories
   * (a `ParameterServer`) on `port`, one end of a channel the page made; a
   * port given before is closed.
   */
  serveParameters(port: MessagePort): void;
  /** The prediction over the input plane (a curve for one input) of `source`; null for more than two inputs. */
  predict(source: PredictionSource): Promise<PredictionFieldData | null>;
}

// ?engine=fast|tfjs forces the network engine, as ?backend= forces the backend.
const { backendLoss, faults, api: base } = workerBase((search) => preferNetworkEngine(engineFromQuery(search)));
let job: TrainingJob | null = null;
/** The job's calls, from the page and from the landscape worker, one after another. */
const calls = new SerialCalls();
/** The port the landscape worker asks on (null before the page hands one over). */
let landscapePort: MessagePort | null = null;

/** The current job, on a working backend. */
function usableJob(): TrainingJob {
  backendLoss.assertUsable();
  if (job === null) throw new Error('The training worker has no experiment yet: configure() first');
  return job;
}

const api: TrainingWorkerApi = {
  ...base,

  configure: (experiment) =>
    calls.run(() => {
      backendLoss.assertUsable();
      job?.dispose();
      job = null;
      job = new TrainingJob(experiment);
      const data = job.data();
      const buffers = [data.train.x.buffer, data.train.y.buffer, ...(data.test ? [data.test.x.buffer, data.test.y.buffer] : [])];
      return Comlink.transfer(data, buffers as ArrayBuffer[]);
    }),

  initial: () => calls.run(() => usableJob().initial()),

  step: (count) =>
    calls.run(async () => {
      faults.stepBegins();
      const batch = await usableJob().step(count);
      return Comlink.transfer(batch, transferablesOf(batch));
    }),

  reset: () => calls.run(() => usableJob().reset()),

  serveParameters(port) {
    landscapePort?.close();
    landscapePort = port;
    Comlink.expose(parameterServer(usableJob, calls), port);
  },

  predict: (source) =>
    calls.run(async () => {
      const current = usableJob();
      const params = 'params' in source ? source.params : current.params(source.runId, source.which);
      const field = await current.prediction(params);
      if (field === null) return null;
      const buffers = [field.values.buffer, ...(field.confidence ? [field.confidence.buffer] : [])];
      return Comlink.transfer(field, buffers as ArrayBuffer[]);
    }),
};

serveWorker(api);

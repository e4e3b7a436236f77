/**
 * A network experiment computed headless, by the same job modules the
 * page's workers run, driven as the page drives them:
 *
 * - training (workers/training.worker.ts): one `TrainingJob`, its data, the
 *   evaluation at θ₀, then batches of steps until every run has made
 *   `steps` updates or diverged;
 * - landscape (workers/landscape.worker.ts): a `LandscapeService` that
 *   takes the runs' parameters and trajectories from the training side over
 *   a real `MessageChannel` (the training end served by `parameterServer`,
 *   exactly as the training worker serves the port the page hands it);
 *   then what the page's landscape session asks after "Compute slice"
 *   (app/landscape/landscapeSession.ts): the problem, the slice of
 *   `experiment.slice` over every run, the runs projected onto a plane, and,
 *   when asked, the curvature report of `experiment.curvature` at one run's
 *   latest parameters (the exact spectrum after its time estimate).
 *
 * Same experiment, same backend and engine: the same numbers as the page.
 */
import * as Comlink from 'comlink';
import { chooseNetworkEngine, preferredNetworkEngine, type NetworkEngine } from '../engine/networks/fast/engine';
import { checkedExperiment, type NetworkExperiment } from '../engine/spec/experiment';
import { MAX_EXACT_PARAMETERS } from '../engine/spec/limits';
import type { CurvatureSummary, NetworkInfo, ProjectedRun, SliceSummary } from '../engine/spec/messages/landscape';
import type { Evaluation, PackedRunStep, TrainingData } from '../engine/spec/messages/training';
import { networkShape } from '../engine/spec/networkProblem';
import { LandscapeService } from '../landscape/landscapeRequests';
import { parameterServer } from '../training/parameterServer';
import { SerialCalls } from '../training/serialCalls';
import { TrainingJob } from '../training/trainingJob';
import { isAbort, stepInBatches, throwIfAborted, type ProgressSink } from './progress';
import { appendBatch, joinedSeries } from './runHistory';

/** Steps asked for per batch (the page sizes its batches by time; the numbers do not depend on it). */
const STEPS_PER_BATCH = 25;
/** Share of a slice's progress given to choosing its directions (Lanczos for 'hessian'), as on the page. */
const DIRECTIONS_SHARE = 0.1;
/** The slice's progress is reported in thousandths. */
const PROGRESS_UNITS = 1000;

/** What to compute beyond training and the slice. */
export interface NetworkExplorationOptions {
  /** The run whose latest parameters the curvature report describes, or null for no report. */
  curvatureRun: string | null;
  /** Every eigenvalue too (up to MAX_EXACT_PARAMETERS parameters). */
  exact: boolean;
}

/** One training run's whole history, its batches joined. */
export interface NetworkRunOutcome {
  id: string;
  /** The minibatch loss of each step 1 … stepCount (penalty included), at θ_{t−1}. */
  batchLosses: Float64Array;
  evaluation: PackedRunStep['evaluation'];
  sharpness: PackedRunStep['sharpness'];
  stepCount: number;
  epoch: number;
  learningRate: number | null;
  rejectedSteps: number;
  divergedAt: number | null;
  divergence: string | null;
  /** θ after the last update (float32, as the slices see it). */
  params: Float32Array;
  /** The step of each kept trajectory snapshot (θ₀ first, the latest last): the rows the projection has. */
  trajectorySteps: Int32Array;
}

/** Everything a network experiment computes. */
export interface NetworkOutcome {
  data: TrainingData;
  info: NetworkInfo;
  /** The engine that computed the objectives (the page's `?engine=` or the measured choice). */
  engine: NetworkEngine;
  initial: Evaluation;
  /** θ₀, where every run starts. */
  initialParams: Float32Array;
  runs: NetworkRunOutcome[];
  /** The slice, or null when it could not be computed (then `failures` says why). */
  slice: SliceSummary | null;
  /** Each run on the plane (empty for a line). */
  projected: ProjectedRun[];
  curvature: CurvatureSummary | null;
  /** What could not be computed, in the words the page shows (the rest was computed). */
  failures: string[];
}

/** An empty history of run `id`. */
function emptyRun(id: string): NetworkRunOutcome {
  const none = () => new Float64Array(0);
  return {
    id,
    batchLosses: none(),
    evaluation: { steps: none(), trainLoss: none(), testLoss: none(), trainAccuracy: none(), testAccuracy: none() },
    sharpness: { steps: none(), lambdaMax: none(), lambdaMin: none(), gradientDescentThreshold: none(), momentumThreshold: none() },
    stepCount: 0,
    epoch: 0,
    learningRate: null,
    rejectedSteps: 0,
    divergedAt: null,
    divergence: null,
    params: new Float32Array(0),
    trajectorySteps: new Int32Array(0),
  };
}

/** Trains every run of the job to `steps` (or divergence), joining the batches. */
async function train(job: TrainingJob, experiment: NetworkExperiment, progress: ProgressSink, signal?: AbortSignal): Promise<NetworkRunOutcome[]> {
  const runs = experiment.optimizers.map((spec) => emptyRun(spec.id));
  progress.phase(`training: ${runs.length} run(s), ${experiment.steps} steps`);
  await stepInBatches(runs, experiment.steps, STEPS_PER_BATCH, async (count) => {
    const batch = await job.step(count);
    appendBatch(runs, batch.runs, ['batchLosses'], (run, step) => {
      run.evaluation = joinedSeries(run.evaluation, step.evaluation);
      run.sharpness = joinedSeries(run.sharpness, step.sharpness);
      run.epoch = step.epoch;
      run.learningRate = step.learningRate;
      run.rejectedSteps += step.rejectedSteps;
    });
    return batch.live;
  }, progress, signal);
  for (const run of runs) {
    run.params = job.params(run.id, 'latest');
    run.trajectorySteps = job.trajectory(run.id).steps;
  }
  return runs;
}

/** Runs `job` on the landscape service, cancelling its `kinds` when `signal` fires. */
async function cancellable<T>(service: LandscapeService, kinds: ('slice' | 'projection' | 'curvature')[], signal: AbortSignal | undefined, job: () => Promise<T>): Promise<T> {
  throwIfAborted(signal);
  const cancel = () => kinds.forEach((kind) => service.cancel(kind));
  signal?.addEventListener('abort', cancel);
  try {
    return await job();
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/**
 * Computes `request` (validated where it enters, as the workers do).
 * Progress: "training" (steps), "slice" (points), "projection", "curvature"
 * (products); `signal` cancels the running phase with an AbortError.
 */
export async function exploreNetwork(
  request: NetworkExperiment,
  options: NetworkExplorationOptions,
  progress: ProgressSink,
  signal?: AbortSignal,
): Promise<NetworkOutcome> {
  const checked = checkedExperiment(request);
  if (checked.kind !== 'network') throw new RangeError('exploreNetwork trains networks; the experiment is about an analytic function');
  const experiment = checked.experiment;
  const runIds = experiment.optimizers.map((run) => run.id);
  if (options.curvatureRun !== null && !runIds.includes(options.curvatureRun)) {
    throw new RangeError(`the experiment has no run "${options.curvatureRun}"; its runs are ${runIds.join(', ')}`);
  }

  const job = new TrainingJob(experiment);
  const calls = new SerialCalls();
  const service = new LandscapeService();
  const channel = new MessageChannel();
  try {
    const data = job.data();
    const initial = await calls.run(() => job.initial());
    const initialParams = job.params(runIds[0], 'init');
    const runs = await calls.run(() => train(job, experiment, progress, signal));

    // The two workers' ends of the channel the page makes between them.
    Comlink.expose(parameterServer(() => job, calls), channel.port1);
    service.linkTraining(channel.port2);
    const info = await service.setProblem(experiment.problem);
    const shape = networkShape(experiment.problem);
    const engine = chooseNetworkEngine(preferredNetworkEngine(), { layers: shape.layers, activation: experiment.problem.activation, loss: shape.loss }, info.trainCount);

    const settings = structuredClone(experiment.slice);
    progress.phase(`slice: ${settings.dims === 2 ? `${settings.resolution}×${settings.resolution} plane` : `${settings.resolution}-point line`}, ${settings.directions} directions`);
    // As the page's progress bar: the first tenth for choosing the directions, the rest for the points.
    const fraction = (value: number) => progress.update(Math.round(PROGRESS_UNITS * value), PROGRESS_UNITS);
    const failures: string[] = [];
    let slice: SliceSummary | null = null;
    try {
      slice = await cancellable(service, ['slice'], signal, () =>
      service.computeSlice(
        settings,
        runIds,
        (chunk) => fraction(DIRECTIONS_SHARE + (1 - DIRECTIONS_SHARE) * (chunk.done / chunk.total)),
        (done, total) => fraction((DIRECTIONS_SHARE * done) / Math.max(total, 1)),
      ),
      );
      progress.end(`${slice.chunks} chunk(s)`);
    } catch (error) {
      // As on the page, a slice that fails says why and leaves the trained runs (and the curvature) to look at.
      if (isAbort(error)) throw error;
      failures.push(`The slice could not be computed: ${error instanceof Error ? error.message : String(error)}`);
      progress.end('failed');
    }

    let projected: ProjectedRun[] = [];
    if (slice !== null && settings.dims === 2) {
      progress.phase('projection of the runs onto the plane');
      projected = await cancellable(service, ['projection'], signal, () => service.projectRuns(runIds));
      progress.end();
    }

    let curvature: CurvatureSummary | null = null;
    if (options.curvatureRun !== null) {
      const target = { kind: 'run' as const, runId: options.curvatureRun };
      const curvatureSettings = structuredClone(experiment.curvature);
      if (options.exact) {
        const estimate = await service.estimateExact(target, curvatureSettings);
        if (!estimate.feasible) throw new RangeError(`the exact spectrum is offered up to ${MAX_EXACT_PARAMETERS} parameters; this network has ${estimate.size}`);
      }
      progress.phase(`curvature of run ${options.curvatureRun} (${curvatureSettings.matrix}${options.exact ? ', exact spectrum' : ''})`);
      curvature = await cancellable(service, ['curvature'], signal, () =>
        service.curvature(target, curvatureSettings, options.exact, (done, total) => progress.update(done, total)),
      );
      progress.end();
    }
    return { data, info, engine, initial, initialParams, runs, slice, projected, curvature, failures };
  } finally {
    service.dispose();
    channel.port1.close();
    channel.port2.close();
    job.dispose();
  }
}

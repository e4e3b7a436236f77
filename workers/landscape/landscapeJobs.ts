/**
 * The landscape worker's state and jobs, independent of comlink so they run
 * in Node tests: the network rebuilt from the experiment's problem (the same
 * seeds give the same data as the training worker's), the last slice, and
 * the jobs on it — evaluating the slice, projecting trajectories onto it,
 * probing a point of it. Curvature reports are in `curvatureJobs.ts`.
 *
 * Each kind of job has one AbortController (`JobRegistry`): a new slice
 * cancels the slice being computed, and so on.
 */
import { buildNetwork, type BuiltNetwork } from '../engine/networks/build';
import type { NetworkProblem } from '../engine/spec/networkProblem';
import { sliceDirections, type SliceDirections } from '../engine/landscape/directions';
import { bilinearLookup, fieldOnAxes } from '../engine/math/plane/fieldLookup';
import { planePoint } from '../engine/math/plane/plane';
import { inputBoxOf } from '../engine/landscape/predictionGrid';
import { probeAt } from '../engine/landscape/probe';
import { projectTrajectory } from '../engine/landscape/projection';
import { sliceCriticalPoints } from '../engine/landscape/criticalPoints';
import { runSliceJob, type SliceResult } from '../engine/landscape/sliceJob';
import type { SliceSettings, SliceSplit } from '../engine/spec/landscapeSettings';
import { MAX_EXACT_PARAMETERS } from '../engine/spec/limits';
import { directionSpecOf, type SliceVectors } from '../engine/spec/sliceInputs';
import { JobRegistry, type JobKind } from './jobRegistry';
import type {
  LineProfiles,
  NetworkInfo,
  ProbeSummary,
  ProjectedRun,
  ProjectionQuality,
  SliceChunk,
  SliceCriticalMark,
  SliceSummary,
} from '../engine/spec/messages/landscape';
import { predictionFieldOf } from './predictionField';
import { yieldingObjective, type LandscapeObjective } from './yieldingObjective';

/** The last finished slice: its plane and fields, for projections and probes. */
interface KeptSlice {
  settings: SliceSettings;
  directions: SliceDirections;
  alphas: Float64Array;
  betas: Float64Array;
  /** The metric on the slice's split. */
  values: Float32Array;
}

/** Progress callback of a job: (done, total) in the job's own units. */
export type Progress = (done: number, total: number) => void;

/** Hessian-vector products a probe spends on λ_max and λ_min. */
const PROBE_EIGEN_PRODUCTS = 40;

/** Points per side of a probe's prediction grid (the data view's resolution). */
const PROBE_PREDICTION_RESOLUTION = 96;

/** The network, the last slice and the jobs on them (see the module comment). */
export class LandscapeJobs {
  private network: BuiltNetwork | null = null;
  private problemKey = '';
  private train: LandscapeObjective | null = null;
  private test: LandscapeObjective | null = null;
  private slice: KeptSlice | null = null;
  /** Bumped with every new network, so a report made for an old one is never reused. */
  private generation = 0;
  readonly jobs = new JobRegistry();

  /**
   * Builds the network of `problem` (validating it) unless the current one
   * was built from an equal problem; a new network forgets the slice.
   */
  setProblem(problem: NetworkProblem): NetworkInfo {
    const key = JSON.stringify(problem);
    if (this.network === null || key !== this.problemKey) {
      const network = buildNetwork(problem);
      this.jobs.cancelAll();
      this.network?.dispose();
      this.network = network;
      this.problemKey = key;
      this.train = yieldingObjective(network.objective);
      this.test = network.testObjective && yieldingObjective(network.testObjective);
      this.slice = null;
      this.generation++;
    }
    const network = this.network;
    return {
      paramCount: network.objective.paramCount,
      task: network.train.task,
      loss: network.spec.loss,
      exactFeasible: network.objective.paramCount <= MAX_EXACT_PARAMETERS,
      trainCount: network.train.n,
      testCount: network.test.n,
    };
  }

  /** Which network the objectives belong to (changes with every rebuild). */
  get networkGeneration(): number {
    return this.generation;
  }

  /** The train objective (with weight decay): what the curvature describes. */
  trainObjective(): LandscapeObjective {
    if (this.train === null) throw new Error('no network yet: set the problem first');
    return this.train;
  }

  /** The slice's directions d1 and d2 (null before a slice), for curvature along them. */
  sliceDirections(): { d1: ArrayLike<number>; d2: ArrayLike<number> | null } | null {
    return this.slice && { d1: this.slice.directions.d1, d2: this.slice.directions.d2 };
  }

  /** Cancels the running job of `kind`. */
  cancel(kind: JobKind): boolean {
    return this.jobs.cancel(kind);
  }

  /**
   * Chooses the slice's directions from `settings` and `vectors`, then
   * evaluates the metric on the chosen split over the grid, coarse to fine,
   * calling `onChunk` with the whole (partly interpolated) field after every
   * chunk. A 1-D slice also evaluates the other split, for the line chart.
   * Cancels a slice still running; rejects with an AbortError if cancelled.
   */
  async computeSlice(
    settings: SliceSettings,
    vectors: SliceVectors,
    onChunk?: (chunk: SliceChunk) => void,
    onDirectionsProgress?: Progress,
  ): Promise<SliceSummary> {
    const signal = this.jobs.start('slice');
    try {
      const started = performance.now();
      const objective = this.objectiveFor(settings.split);
      const train = this.trainObjective();
      if (settings.metric === 'accuracy' && this.network?.train.task === 'regression') {
        throw new RangeError('accuracy is defined for classification data sets only; show the loss of this regression instead');
      }
      const spec = directionSpecOf(settings, vectors);
      const found = await sliceDirections(train, spec, { signal, onProgress: onDirectionsProgress });
      // PCA always finds two directions; a 1-D slice keeps the first.
      const directions: SliceDirections = settings.dims === 1 && found.d2 !== null ? { ...found, d2: null, norms: [found.norms[0], null], angleDegrees: null } : found;
      const request = {
        plane: { centre: directions.centre, d1: directions.d1, d2: directions.d2 },
        alphaRange: settings.alpha,
        betaRange: settings.beta,
        nx: settings.resolution,
        ny: settings.dims === 2 ? settings.resolution : undefined,
      };
      const pick = (update: { loss: Float32Array; accuracy: Float32Array | null }) => metricField(update, settings.metric);
      const result = await runSliceJob(objective, request, {
        signal,
        onChunk: onChunk && ((update) => onChunk({ values: Float32Array.from(pick(update)), done: update.done, total: update.total, exactStride: update.exactStride })),
      });
      const values = pick(result);
      const line = settings.dims === 1 ? await this.lineProfiles(settings.split, result, request, signal) : null;
      this.slice = { settings, directions, alphas: result.alphas, betas: result.betas, values };
      return {
        settings,
        nx: result.nx,
        ny: result.ny,
        alphas: result.alphas,
        betas: result.betas,
        values,
        line,
        critical: criticalMarks(settings.metric === 'loss' ? result.critical : sliceCriticalPoints(values, result.alphas, result.betas)),
        directions: {
          kind: directions.kind,
          norms: directions.norms,
          angleDegrees: directions.angleDegrees,
          explainedVariance: directions.explainedVariance,
          eigenvalues: directions.eigenvalues,
          anchors: directions.anchors,
        },
        chunks: result.chunks,
        elapsedMs: performance.now() - started,
      };
    } finally {
      this.jobs.finish('slice', signal);
    }
  }

  /**
   * Projects each run's snapshots (T × P) onto the last slice's plane and
   * evaluates the slice's metric at every snapshot itself, so the drawn path
   * can be compared with the path the optimizer took.
   */
  async projectRuns(runs: readonly { runId: string; snapshots: Float32Array }[], onProgress?: Progress): Promise<ProjectedRun[]> {
    const slice = this.slice;
    if (slice === null) throw new Error('no slice to project onto: compute a slice first');
    const signal = this.jobs.start('projection');
    try {
      const objective = this.objectiveFor(slice.settings.split);
      const field = fieldOnAxes(slice.alphas, slice.betas, slice.values);
      const projected: ProjectedRun[] = [];
      for (const [index, run] of runs.entries()) {
        const projection = await projectTrajectory(objective, run.snapshots, slice.directions, { signal });
        const trueValues = slice.settings.metric === 'loss' ? projection.trueLoss : projection.trueAccuracy;
        if (trueValues === null) throw new RangeError('accuracy is defined for classification data sets only');
        const surfaceValues = Float64Array.from(projection.alpha, (a, t) => bilinearLookup(field, a, projection.beta[t]));
        projected.push({
          runId: run.runId,
          alpha: projection.alpha,
          beta: projection.beta,
          trueValues,
          surfaceValues,
          quality: {
            ...gaps(trueValues, surfaceValues),
            relativeResidual: projection.faithfulness.relativeResidual,
            maxResidual: projection.faithfulness.maxResidual,
            pathLength: projection.faithfulness.pathLength,
          },
        });
        onProgress?.(index + 1, runs.length);
      }
      return projected;
    } finally {
      this.jobs.finish('projection', signal);
    }
  }

  /**
   * Everything about the point (α, β) of the last slice: θ = c + α d1 + β d2,
   * its train and test loss and accuracy, the network's predictions over
   * the data's input box, and λ_max, λ_min of the Hessian there (Lanczos).
   */
  async probe(alpha: number, beta: number, onProgress?: Progress): Promise<ProbeSummary> {
    const slice = this.slice;
    const network = this.network;
    if (slice === null || network === null) throw new Error('no slice to probe: compute a slice first');
    const signal = this.jobs.start('probe');
    try {
      const params = this.pointOfSlice(alpha, beta);
      const result = await probeAt(this.trainObjective(), params, {
        test: this.test,
        inputBox: network.train.inputDim <= 2 ? inputBoxOf(network.train) : null,
        resolution: PROBE_PREDICTION_RESOLUTION,
        eigenProducts: PROBE_EIGEN_PRODUCTS,
        seed: slice.settings.seed,
        signal,
        onProgress,
      });
      return {
        alpha,
        beta,
        params,
        train: result.train,
        test: result.test,
        prediction: result.predictions && predictionFieldOf(result.predictions, network.spec.loss),
        curvature: result.curvature,
      };
    } finally {
      this.jobs.finish('probe', signal);
    }
  }

  /** θ = c + α d1 + β d2, the point (α, β) of the last slice (β ignored on a line). */
  pointOfSlice(alpha: number, beta: number): Float32Array {
    const slice = this.slice;
    if (slice === null) throw new Error('no slice: compute a slice first');
    return planePoint(slice.directions, alpha, beta);
  }

  /** Frees the network's tensors and cancels every job. */
  dispose(): void {
    this.jobs.cancelAll();
    this.network?.dispose();
    this.network = null;
    this.train = null;
    this.test = null;
    this.slice = null;
  }

  private objectiveFor(split: SliceSplit): LandscapeObjective {
    if (split === 'train') return this.trainObjective();
    if (this.test === null) throw new RangeError('this problem holds out no test samples (test fraction 0): slice the training loss instead');
    return this.test;
  }

  /** Loss and accuracy on both splits along a line (the chosen split's loss and accuracy are already known). */
  private async lineProfiles(
    split: SliceSplit,
    known: SliceResult,
    request: Parameters<typeof runSliceJob>[1],
    signal: AbortSignal,
  ): Promise<LineProfiles> {
    const otherObjective = split === 'train' ? this.test : this.train;
    const other = otherObjective === null ? null : await runSliceJob(otherObjective, request, { signal, progressive: false });
    const [train, test] = split === 'train' ? [known, other] : [other, known];
    if (train === null) throw new Error('a line slice always has its training profile');
    return {
      trainLoss: train.loss,
      testLoss: test?.loss ?? null,
      trainAccuracy: train.accuracy,
      testAccuracy: test?.accuracy ?? null,
    };
  }
}

/** The field of `metric` from a slice update or result. */
function metricField(update: { loss: Float32Array; accuracy: Float32Array | null }, metric: SliceSettings['metric']): Float32Array {
  if (metric === 'loss') return update.loss;
  if (update.accuracy === null) throw new RangeError('accuracy is defined for classification data sets only');
  return update.accuracy;
}

/** The critical points as marks (minima and saddles first: they are what the surface is read for). */
function criticalMarks(critical: SliceResult['critical']): SliceCriticalMark[] {
  const mark = (point: SliceResult['critical']['minima'][number]): SliceCriticalMark => ({ kind: point.kind, alpha: point.alpha, beta: point.beta, value: point.loss });
  return [...critical.minima.map(mark), ...critical.saddles.map(mark), ...critical.maxima.map(mark)];
}

/** |true − surface| over the points inside the slice, and the true values' range. */
function gaps(trueValues: Float32Array, surfaceValues: Float64Array): Pick<ProjectionQuality, 'maxGap' | 'meanGap' | 'pointsOutside' | 'valueRange'> {
  let maxGap = Number.NaN;
  let sum = 0;
  let inside = 0;
  let lo = Infinity;
  let hi = -Infinity;
  trueValues.forEach((value, t) => {
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
    const surface = surfaceValues[t];
    if (Number.isNaN(surface)) return;
    const gap = Math.abs(value - surface);
    maxGap = inside === 0 ? gap : Math.max(maxGap, gap);
    sum += gap;
    inside++;
  });
  return { maxGap, meanGap: inside > 0 ? sum / inside : Number.NaN, pointsOutside: trueValues.length - inside, valueRange: hi >= lo ? hi - lo : 0 };
}

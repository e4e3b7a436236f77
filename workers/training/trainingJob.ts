/**
 * The training worker's state: one network experiment made concrete (its
 * data, network and training session) with everything the page asks of it:
 * the data for the data view, the evaluation at θ₀, batches of steps,
 * parameters and trajectories for slices, and prediction fields over the
 * input plane for the decision boundary.
 *
 * Every run starts from the same θ₀; the same experiment gives the same
 * numbers on one backend (seeds: data, initialisation, minibatch order,
 * dropout, Lanczos starts).
 */
import { classCount } from '../engine/data/labels';
import type { Dataset } from '../engine/data/types';
import { checkedExperiment, type Experiment } from '../engine/spec/experiment';
import { inputBoxOf, predictionGrid, type InputBox } from '../engine/landscape/predictionGrid';
import { buildNetwork, type BuiltNetwork } from '../engine/networks/build';
import { batchSizeOf } from '../engine/spec/runs';
import { evaluateAt } from '../engine/training/evaluation';
import { TrainingSession } from '../engine/training/runs';
import { predictionFieldOf } from '../landscape/predictionField';
import type { PredictionFieldData } from '../engine/spec/messages/prediction';
import type { DataSplit, Evaluation, PackedStepBatch, ParamsWhich, TrainingData } from '../engine/spec/messages/training';
import { packStepBatch } from './packBatch';

/** Lanczos iterations per sharpness measurement: enough for λ_max and λ_min of these small networks to converge. */
const SHARPNESS_ITERATIONS = 20;

/** Points per side of a prediction field (the landscape probe uses the same, so both pictures match). */
export const PREDICTION_RESOLUTION = 96;

/** The data view's copy of one split: the first output's targets, and class counts. */
function splitOf(data: Dataset): DataSplit {
  const y = data.task === 'multiclass' ? Int32Array.from(data.y) : Float32Array.from({ length: data.n }, (_, i) => data.y[i * data.outputDim]);
  return {
    x: Float32Array.from(data.x),
    n: data.n,
    inputDim: data.inputDim,
    y,
    task: data.task,
    classCount: data.task === 'regression' ? 1 : classCount(data),
  };
}

/** A network experiment being trained. Holds tensors until `dispose()`. */
export class TrainingJob {
  private readonly network: BuiltNetwork;
  private readonly session: TrainingSession;
  private readonly runIds: string[];
  private readonly box: InputBox | null;
  private disposed = false;

  /**
   * Checks `request` once, here where it enters the worker (a RangeError
   * lists its problems), and builds the network and its runs from the
   * resolved configurations.
   */
  constructor(request: Experiment) {
    const checked = checkedExperiment(request);
    if (checked.kind !== 'network') throw new RangeError('The training worker trains networks; this experiment is about an analytic function');
    const { experiment, optimizers } = checked;
    this.network = buildNetwork(experiment.problem);
    try {
      this.runIds = experiment.optimizers.map((run) => run.id);
      this.session = new TrainingSession(
        this.network,
        experiment.optimizers.map((run, index) => ({ id: run.id, optimizer: optimizers[index], batchSize: batchSizeOf(run) })),
        {
          seed: experiment.seed,
          evalEvery: experiment.evalEvery,
          sharpness: experiment.sharpnessEvery > 0 ? { every: experiment.sharpnessEvery, maxIterations: SHARPNESS_ITERATIONS } : null,
        },
      );
    } catch (error) {
      this.network.dispose();
      throw error;
    }
    this.box = this.network.train.inputDim <= 2 ? inputBoxOf(this.network.train) : null;
  }

  /** The data splits, classes, layers and parameter count. */
  data(): TrainingData {
    const { train, test, spec } = this.network;
    return {
      train: splitOf(train),
      test: test.n > 0 ? splitOf(test) : null,
      classNames: train.classNames ?? null,
      layers: [...spec.layers],
      paramCount: this.network.objective.paramCount,
    };
  }

  /** Losses and accuracies at θ₀, where every run starts. */
  async initial(): Promise<Evaluation> {
    this.checkLive();
    const [record] = await evaluateAt(this.network, [this.network.initialParams]);
    return { trainLoss: record.trainLoss, trainAccuracy: record.trainAccuracy, testLoss: record.testLoss, testAccuracy: record.testAccuracy };
  }

  /** Up to `count` more updates of every live run, packed for transfer. */
  async step(count: number): Promise<PackedStepBatch> {
    this.checkLive();
    return packStepBatch(await this.session.step(count));
  }

  /** Every run back to θ₀ with fresh optimizer state, minibatch order and dropout stream. */
  reset(): void {
    this.checkLive();
    this.session.reset();
  }

  /**
   * Run `runId`'s parameters: θ₀ ('init'), the latest, or after step
   * `which` (the latest kept snapshot at or before it: every step is kept
   * until the trajectory holds 512, then every other one).
   */
  params(runId: string, which: ParamsWhich): Float32Array {
    this.checkLive();
    const index = this.indexOf(runId);
    if (which === 'init') return Float32Array.from(this.network.initialParams);
    if (which === 'latest') return this.session.params(index);
    if (!Number.isInteger(which) || which < 0) throw new RangeError(`A step must be an integer ≥ 0, got ${which}`);
    const { steps, params } = this.session.trajectory(index);
    let row = 0;
    for (let k = 0; k < steps.length && steps[k] <= which; k++) row = k;
    const size = this.network.objective.paramCount;
    return params.slice(row * size, (row + 1) * size);
  }

  /** Run `runId`'s kept snapshots: the steps, and T × P parameters (θ₀ first, the latest last). */
  trajectory(runId: string): { steps: Int32Array; params: Float32Array } {
    this.checkLive();
    return this.session.trajectory(this.indexOf(runId));
  }

  /**
   * The network's prediction at `params` over a square grid around the
   * training inputs (a curve for one input); null for more than two inputs.
   */
  async prediction(params: Float32Array, resolution = PREDICTION_RESOLUTION): Promise<PredictionFieldData | null> {
    this.checkLive();
    if (this.box === null) return null;
    const grid = await predictionGrid(this.network.objective.data, params, this.box, resolution);
    return grid === null ? null : predictionFieldOf(grid, this.network.spec.loss);
  }

  /** Frees the session's and the network's tensors. */
  dispose(): void {
    if (this.disposed) return;
    this.session.dispose();
    this.network.dispose();
    this.disposed = true;
  }

  private indexOf(runId: string): number {
    const index = this.runIds.indexOf(runId);
    if (index < 0) throw new RangeError(`No run "${runId}"; the runs are ${this.runIds.join(', ')}`);
    return index;
  }

  private checkLive(): void {
    if (this.disposed) throw new Error('This training job has been disposed');
  }
}

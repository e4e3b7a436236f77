/**
 * What the training worker sends back: plain objects of numbers and typed
 * arrays (structured-cloned, the arrays transferred), typed here once for
 * the worker and the page.
 */
import type { DatasetTask } from '../datasets';

/** One split of the data set, as the data view draws it. */
export interface DataSplit {
  /** n × inputDim, row-major. */
  x: Float32Array;
  n: number;
  inputDim: number;
  /** Class index per sample (classification) or the first target (regression). */
  y: Float32Array | Int32Array;
  task: DatasetTask;
  /** Classes (classification), 1 for regression. */
  classCount: number;
}

/** The network and data a training job built from the experiment. */
export interface TrainingData {
  train: DataSplit;
  /** Null when the experiment holds no test set (test fraction 0). */
  test: DataSplit | null;
  classNames: string[] | null;
  /** [inputDim, ...hidden, outputDim]. */
  layers: number[];
  /** P, the number of parameters. */
  paramCount: number;
}

/** Losses and accuracies of one parameter vector over the whole data sets. */
export interface Evaluation {
  /** Data loss on the training set (no penalty). */
  trainLoss: number;
  trainAccuracy: number | null;
  testLoss: number | null;
  testAccuracy: number | null;
}

/**
 * One run's share of a step batch. Series are parallel Float64Arrays; a
 * value that does not exist (no test set, a regression's accuracy, an
 * optimizer without a learning rate) is NaN.
 */
export interface PackedRunStep {
  /** Position in the experiment's run list. */
  index: number;
  id: string;
  /** Step number of `batchLosses[0]` (from 1). */
  firstStep: number;
  /** The minibatch loss L_t (penalty included) of each step made, at θ_{t−1}. */
  batchLosses: Float64Array;
  /** Full train/test evaluations made in this batch, in step order. */
  evaluation: {
    steps: Float64Array;
    trainLoss: Float64Array;
    testLoss: Float64Array;
    trainAccuracy: Float64Array;
    testAccuracy: Float64Array;
  };
  /** Sharpness measurements made in this batch: λ_max, λ_min of the Hessian and the stability thresholds 2/η, 2(1+β)/η. */
  sharpness: {
    steps: Float64Array;
    lambdaMax: Float64Array;
    lambdaMin: Float64Array;
    gradientDescentThreshold: Float64Array;
    momentumThreshold: Float64Array;
  };
  /** Updates completed so far. */
  stepCount: number;
  /** Epochs begun so far (0-based). */
  epoch: number;
  /** Learning rate of the last update (warm-up applied), or null. */
  learningRate: number | null;
  /** What the last update of a curvature-based optimizer reported (null for first-order runs or no update). */
  lastUpdate: UpdateReport | null;
  /** Updates of this batch that a trust-region or Hessian-free run rejected (θ unchanged). */
  rejectedSteps: number;
  /** The step that could not be completed, or null while the run goes on. */
  divergedAt: number | null;
  /** Why the run stopped, naming it and the step. */
  divergence: string | null;
}

/**
 * The last update of a trust-region, Hessian-free or other curvature-based
 * run: ρ = actual / predicted decrease, the radius Δ, the damping λ and the
 * conjugate-gradient iterations (each null where the method has none).
 */
export interface UpdateReport {
  step: number;
  accepted: boolean;
  ratio: number | null;
  radius: number | null;
  damping: number | null;
  cgIterations: number | null;
}

/** The outcome of one `step` call of the worker. */
export interface PackedStepBatch {
  runs: PackedRunStep[];
  /** Runs still going. */
  live: number;
}

/** Which parameters of a run: θ₀, the latest, or those after a given step (the latest kept snapshot at or before it). */
export type ParamsWhich = 'init' | 'latest' | number;

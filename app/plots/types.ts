/**
 * The contract between the app (state, workers) and the network-mode views:
 * the data view, the training curves, 1-D slices, sharpness and spectra.
 * Views are presentational: they receive these plain objects as props,
 * never compute losses, and never import TensorFlow.js. Arrays are shared
 * with the store (never copied); `version` counters signal in-place growth.
 */
import type { PredictionFieldData } from '../../workers/engine/spec/messages/prediction';
import type { RunStatus } from '../../workers/engine/spec/vocabulary';

/** One labelled data set in 2-D input space (or 1-D: `inputDim` 1, x only). */
export interface DataPoints {
  /** n × inputDim, row-major. */
  x: Float32Array;
  n: number;
  inputDim: number;
  /** Class index per sample (classification) or target value (regression, first output). */
  y: Float32Array | Int32Array;
  task: 'regression' | 'binary' | 'multiclass';
  classCount: number;
}

/**
 * The network's output over a regular grid of the input plane
 * (`values[j * nx + i]` at x_i, y_j spanning `window`): for classification the
 * predicted class index plus its probability (confidence), for regression the
 * predicted value. For 1-D inputs `ny` is 1 and the view draws a curve.
 */
export interface PredictionField extends PredictionFieldData {
  /** Changes whenever the field is replaced. */
  version: number;
}

/** Props of the data view. */
export interface DataViewProps {
  train: DataPoints | null;
  test: DataPoints | null;
  prediction: PredictionField | null;
  /** What the prediction is of, e.g. "run o1, step 300" or "clicked point (α, β) = (0.2, −0.1)". */
  caption?: string;
  /** Names of the classes for the legend (e.g. the iris species); "class k" where absent. */
  classNames?: readonly string[];
}

/** A series of values at increasing steps, growing in place. */
export interface StepSeries {
  steps: Float64Array;
  values: Float64Array;
  length: number;
}

/** The curves of one training run. */
export interface RunCurves {
  id: string;
  label: string;
  color: string;
  trainLoss: StepSeries;
  testLoss: StepSeries;
  trainAccuracy: StepSeries | null;
  testAccuracy: StepSeries | null;
  /** Largest Hessian eigenvalue (sharpness) tracked during training. */
  sharpness: StepSeries | null;
  /** Most negative Hessian eigenvalue tracked during training. */
  minEigenvalue: StepSeries | null;
  /** Stability thresholds at the run's learning rate: 2/η, and 2(1+β)/η for heavy-ball momentum β. */
  thresholds: { gd: number; momentum?: number } | null;
  status: RunStatus;
  message?: string;
  version: number;
}

/** A loss (or accuracy) profile along a line in parameter space. */
export interface LineSlice {
  /** The line's coordinate α at each sample (e.g. 0 = θ_A, 1 = θ_B for an interpolation). */
  alphas: Float64Array;
  trainLoss: Float32Array;
  testLoss: Float32Array | null;
  trainAccuracy: Float32Array | null;
  testAccuracy: Float32Array | null;
  /** Named points on the line, e.g. { alpha: 0, label: 'run o1' }. */
  marks: { alpha: number; label: string }[];
  /** Samples computed so far (progressive): the rest are NaN. */
  done: number;
  version: number;
}

/** How well the 2-D picture represents a projected trajectory. */
export interface ProjectionFaithfulness {
  runId: string;
  /** Max |true loss − surface value at the projection| over the visited points. */
  maxLossGap: number;
  /** Mean distance of the visited points from the plane, relative to the trajectory's length. */
  relativeResidual: number;
  /** The run's name and colour, for the badge (the run id is shown when absent). */
  label?: string;
  color?: string;
  /**
   * A loss scale that `maxLossGap` is judged against, e.g. the range of the
   * true loss along the trajectory. Without it the gap is shown but only the
   * off-plane distance decides the badge's colour.
   */
  lossScale?: number;
}

/** A density curve on a grid of eigenvalues (or symlog-transformed eigenvalues). */
export interface DensityCurve {
  grid: Float64Array;
  density: Float64Array;
  label: string;
  /**
   * Units of `grid` (and so of `density`): eigenvalues λ, or y = symlog(λ) with
   * the view's `symlogScale`. Absent: the units of the view's `axis`. A curve
   * given in the other units is converted by change of variables.
   */
  gridUnits?: 'eigenvalue' | 'symlog';
}

/** Everything the curvature view shows for one matrix (Hessian or Gauss-Newton). */
export interface SpectrumView {
  matrix: 'hessian' | 'gauss-newton' | 'remainder';
  /** Stochastic Lanczos quadrature estimate, smoothed. */
  slq: DensityCurve | null;
  /** Exact eigenvalues (when the full matrix was decomposed), for the histogram. */
  exact: Float64Array | null;
  /** Random-matrix references with the same mean and variance. */
  references: DensityCurve[];
  /** Linear axis, or sign(λ)·log10(1 + |λ|/c). */
  axis: 'linear' | 'symlog';
  symlogScale?: number;
}

/** The curvature read-outs. */
export interface CurvatureReadouts {
  lambdaMax: number | null;
  lambdaMin: number | null;
  /** |λmax / λmin|. */
  conditionNumber: number | null;
  /** Fraction of negative eigenvalues (saddle index / P). */
  negativeFraction: number | null;
  trace: { estimate: number; standardError: number; method: string } | null;
  /** Rayleigh quotients dᵀHd/dᵀd along named directions (e.g. the slice's d1, d2). */
  along: { label: string; value: number }[];
  /** ‖S‖_F / ‖H‖_F for H = G + S. */
  remainderShare: number | null;
  /** Hessian-vector products used by each estimate, e.g. { lanczos: 38, power: 120 }. */
  products: Record<string, number>;
}

/** Progress of a long job (slice, spectrum, probe), for progress bars with a cancel button. */
export interface JobProgress {
  label: string;
  /** 0..1, or null when unknown. */
  fraction: number | null;
  /** Shown before starting long work: the estimated time in seconds. */
  estimateSeconds?: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  message?: string;
}

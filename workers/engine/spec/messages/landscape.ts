/**
 * What the landscape worker sends back: plain objects of numbers and typed
 * arrays (structured-cloned or transferred), typed here once for the worker
 * and the page.
 */
import type { SliceDirectionsKind, SliceSettings } from '../landscapeSettings';
import type { DatasetTask } from '../datasets';
import type { LossName } from '../mlp';
import type { CriticalKind } from '../vocabulary';
import type { PredictionFieldData } from './prediction';

/** Loss and accuracy (null for regression) of one data split. */
export interface PointEvaluation {
  loss: number;
  accuracy: number | null;
}

/** λ_max and λ_min of the train Hessian at the point, with their Ritz residuals. */
export interface PointCurvature {
  lambdaMax: number;
  lambdaMin: number;
  /** ‖H y − θ y‖ of each Ritz pair: each value is within its residual of an eigenvalue. */
  residualMax: number;
  residualMin: number;
  products: number;
  converged: boolean;
}

/** Read-outs of a curvature spectrum. */
export interface CurvatureReadouts {
  lambdaMax: number;
  lambdaMin: number;
  /** |λ_max / λ_min| (Infinity when λ_min = 0). */
  conditionNumber: number;
  /**
   * λ_max / λ₊ with λ₊ the smallest eigenvalue above the zero tolerance:
   * the conditioning of the positive-curvature part (null when unknown or
   * when no eigenvalue is positive).
   */
  positiveConditionNumber: number | null;
  /** Fraction of eigenvalues below −(zero tolerance): the saddle index (null when unknown). */
  negativeFraction: number | null;
  trace: number;
  /** 'exact' from every eigenvalue; 'estimated' from Lanczos, Hutch++ and SLQ. */
  source: 'exact' | 'estimated';
}

/** The network the worker built from the experiment's problem. */
export interface NetworkInfo {
  /** P, the number of parameters. */
  paramCount: number;
  task: DatasetTask;
  loss: LossName;
  /** Whether every eigenvalue can be computed (P ≤ MAX_EXACT_PARAMETERS). */
  exactFeasible: boolean;
  trainCount: number;
  testCount: number;
}

/** One streamed step of a slice: the shown field so far (interpolated between the computed points). */
export interface SliceChunk {
  /** nx·ny values of the slice's metric, index j·nx + i. */
  values: Float32Array;
  done: number;
  total: number;
  /** The field is exact on every `exactStride`-th point (1 when all are computed; 0 before the coarsest level). */
  exactStride: number;
}

/** A local minimum, saddle or maximum of a slice's field, in plane coordinates. */
export interface SliceCriticalMark {
  kind: CriticalKind;
  alpha: number;
  beta: number;
  value: number;
}

/** How the slice's directions came out. */
export interface DirectionsInfo {
  kind: SliceDirectionsKind;
  /** ‖d1‖ and ‖d2‖ (null on a line). */
  norms: [number, number | null];
  /** ∠(d1, d2) in degrees (null on a line). */
  angleDegrees: number | null;
  /** 'pca': the share of the trajectory's variance along d1 and d2. */
  explainedVariance: [number, number] | null;
  /** 'hessian': the eigenvalues of d1 and d2. */
  eigenvalues: number[] | null;
  /** Plane coordinates of the points defining the slice (interpolation: θ_A, θ_B, θ_0), K×2. */
  anchors: Float64Array | null;
}

/** Every quantity along a 1-D slice (for the line chart). */
export interface LineProfiles {
  trainLoss: Float32Array;
  testLoss: Float32Array | null;
  trainAccuracy: Float32Array | null;
  testAccuracy: Float32Array | null;
}

/** A finished slice. */
export interface SliceSummary {
  settings: SliceSettings;
  nx: number;
  ny: number;
  alphas: Float64Array;
  betas: Float64Array;
  /** The metric on the chosen split, nx·ny values. */
  values: Float32Array;
  /** 1-D slices: loss and accuracy on both splits; null for a plane. */
  line: LineProfiles | null;
  critical: SliceCriticalMark[];
  directions: DirectionsInfo;
  chunks: number;
  elapsedMs: number;
}

/** How well a slice represents one projected run. */
export interface ProjectionQuality {
  /** max over the points inside the slice of |true value − surface value|, in the metric's units (NaN if none inside). */
  maxGap: number;
  meanGap: number;
  /** Points whose projection falls outside the sampled range. */
  pointsOutside: number;
  /** Mean distance from the plane over the path's length in parameter space. */
  relativeResidual: number;
  maxResidual: number;
  pathLength: number;
  /** max − min of the true values along the path: the scale the gap is judged against. */
  valueRange: number;
}

/** One run's trajectory on the slice. */
export interface ProjectedRun {
  runId: string;
  /** Plane coordinates of each snapshot (β 0 on a line). */
  alpha: Float64Array;
  beta: Float64Array;
  /** The metric at each snapshot itself. */
  trueValues: Float32Array;
  /** The slice's value at each projection (NaN outside its range). */
  surfaceValues: Float64Array;
  quality: ProjectionQuality;
}

/** Everything known about a probed point of the slice. */
export interface ProbeSummary {
  alpha: number;
  beta: number;
  /** θ = c + α d1 + β d2. */
  params: Float32Array;
  train: PointEvaluation;
  test: PointEvaluation | null;
  prediction: PredictionFieldData | null;
  curvature: PointCurvature | null;
}

/** What the page is told of a probed point: everything but θ itself, which stays in the landscape worker. */
export type ProbeReport = Omit<ProbeSummary, 'params'>;

/**
 * Which parameters a curvature report is of, as the page names them: a
 * training run's latest (the landscape worker asks the training worker),
 * or the point (α, β) of the last slice (a probed point).
 */
export type CurvatureAt = { kind: 'run'; runId: string } | { kind: 'point'; alpha: number; beta: number };

/** The matrices the curvature view describes (engine names). */
export type CurvatureMatrixName = 'hessian' | 'gaussNewton';

/** A density on a grid. */
export interface GridCurve {
  grid: Float64Array;
  density: Float64Array;
}

/** The spectral density of one matrix and its references. */
export interface DensitySummary {
  /** Smoothed SLQ density on the linear axis. */
  linear: GridCurve;
  /** The same on the axis y = sign(λ) log₁₀(1 + |λ|/c). */
  symlog: GridCurve & { linearScale: number };
  /** ∫ density dλ over the grid: 1 up to the smoothing tails. */
  integral: number;
  /** The density's weight below zero (estimated fraction of negative eigenvalues). */
  negativeWeight: number;
  /** Wigner semicircle and Marchenko–Pastur law with the same mean and variance (on the linear grid). */
  semicircle: Float64Array | null;
  marchenkoPastur: Float64Array | null;
  products: number;
}

/** Everything computed for one matrix. */
export interface MatrixCurvature {
  matrix: CurvatureMatrixName;
  readouts: CurvatureReadouts;
  /** Lanczos: the k largest (descending) and k smallest (ascending) eigenvalues. */
  largest: number[];
  smallest: number[];
  lanczosProducts: number;
  converged: boolean;
  trace: {
    hutchinson: { estimate: number; standardError: number; products: number };
    hutchPlusPlus: { estimate: number; standardError: number; products: number };
  };
  density: DensitySummary;
  /** Every eigenvalue (descending) when the exact spectrum was computed. */
  exact: Float64Array | null;
  /** Rayleigh quotients along the slice's directions. */
  along: { label: string; value: number }[];
}

/** A curvature report at one parameter vector. */
export interface CurvatureSummary {
  /** The caller's name for the parameter vector. */
  key: string;
  size: number;
  matrices: MatrixCurvature[];
  /** ‖S‖_F / ‖H‖_F for H = G + S (when the Gauss-Newton matrix was asked for). */
  split: { method: 'exact' | 'estimated'; residualShare: number; residualShareError: number } | null;
  elapsedMs: number;
}

/** The predicted time of the exact spectra of the asked-for matrices. */
export interface ExactEstimate {
  /** The name of the parameter vector it is for (as `CurvatureSummary.key`). */
  key: string;
  size: number;
  feasible: boolean;
  seconds: number;
}

/**
 * The experiment's settings for network landscapes: how a slice through
 * parameter space is chosen and sampled, and how the curvature at a point is
 * estimated. Plain data and checks (no TensorFlow.js), so the main thread
 * can import them; `experiment.ts` embeds them as `slice` and `curvature`.
 *
 * A slice is the line {c + α d1} or the plane {c + α d1 + β d2}; the grid
 * samples α ∈ [alpha[0], alpha[1]] (and β ∈ [beta[0], beta[1]]) at
 * `resolution` points per axis, so a 2-D slice costs resolution² loss
 * evaluations.
 */
import { LANDSCAPE_LIMITS } from './limits';

/** How the slice's directions are chosen (see `landscape/directions.ts`). */
export type SliceDirectionsKind = 'random' | 'hessian' | 'pca' | 'interpolation';

/** Every direction kind, in menu order. */
export const SLICE_DIRECTION_KINDS: readonly SliceDirectionsKind[] = ['random', 'hessian', 'pca', 'interpolation'];

/** What a slice shows at each point. */
export type SliceMetric = 'loss' | 'accuracy';

/** Which samples a slice (and a probe) is evaluated on. */
export type SliceSplit = 'train' | 'test';

/**
 * A parameter vector named by the run it comes from: a run id (that run's
 * latest parameters) or {@link INITIAL_PARAMS} (θ₀, shared by every run).
 */
export type RunReference = string;

/** The reference to the common initialisation θ₀. */
export const INITIAL_PARAMS: RunReference = 'init';

/** A valid run reference: 1–12 lower-case letters or digits (a run id, or `init`). */
export const RUN_REFERENCE_PATTERN = /^[a-z0-9]{1,12}$/;

/** A slice through parameter space. */
export interface SliceSettings {
  directions: SliceDirectionsKind;
  /**
   * 'random' and 'hessian': the centre c (a run's latest parameters or θ₀);
   * 'pca': the run whose trajectory is analysed (the centre is its last point).
   */
  centre: RunReference;
  /** 'interpolation': θ_A (at α = 0) and θ_B (α = 1 on the line). */
  runA: RunReference;
  runB: RunReference;
  /** 'interpolation', 2-D: θ_0, the third point of the plane through θ_0, θ_A, θ_B. */
  origin: RunReference;
  /** 1: a line along d1; 2: the plane of d1 and d2. */
  dims: 1 | 2;
  /** [α_min, α_max]: the sampled range along d1. */
  alpha: [number, number];
  /** [β_min, β_max]: the sampled range along d2 (2-D only). */
  beta: [number, number];
  /** Samples per axis: resolution points on a line, resolution² on a plane. */
  resolution: number;
  metric: SliceMetric;
  split: SliceSplit;
  /** Seed of the random directions (and of Lanczos' start vector for 'hessian'). */
  seed: number;
}

/** Which curvature matrix the curvature view describes. */
export type CurvatureMatrixChoice = 'hessian' | 'gauss-newton' | 'both';

/** Every matrix choice, in toggle order. */
export const CURVATURE_MATRIX_CHOICES: readonly CurvatureMatrixChoice[] = ['hessian', 'gauss-newton', 'both'];

/** How eigenvalues are laid out on the spectrum chart: linear, or y = sign(λ) log₁₀(1 + |λ|/c). */
export type SpectrumAxis = 'linear' | 'symlog';

/** The curvature estimates at a point. */
export interface CurvatureSettings {
  matrix: CurvatureMatrixChoice;
  /** Extreme eigenvalues wanted at each end of the spectrum (Lanczos). */
  k: number;
  /** R, the random probes of stochastic Lanczos quadrature (the density). */
  slqRuns: number;
  /** Lanczos steps per SLQ probe. */
  slqSteps: number;
  /** Width σ of the Gaussian smoothing the density, as a fraction of the spectrum's range. */
  smoothing: number;
  /** Matrix-vector products Hutch++ may spend on the trace. */
  traceBudget: number;
  axis: SpectrumAxis;
  /** Seed of every probe vector. */
  seed: number;
}

/** The resolution limits of a slice with `dims` axes. */
export function resolutionLimits(dims: 1 | 2): { min: number; max: number; default: number } {
  return dims === 1 ? LANDSCAPE_LIMITS.lineResolution : LANDSCAPE_LIMITS.planeResolution;
}

/** A filter-normalised random plane around the first run's solution, [−1, 1]² at 65², loss on the training set. */
export function defaultSliceSettings(): SliceSettings {
  return {
    directions: 'random',
    centre: 'o1',
    runA: 'o1',
    runB: 'o2',
    origin: INITIAL_PARAMS,
    dims: 2,
    alpha: [-1, 1],
    beta: [-1, 1],
    resolution: LANDSCAPE_LIMITS.planeResolution.default,
    metric: 'loss',
    split: 'train',
    seed: LANDSCAPE_LIMITS.seed.default,
  };
}

/** The Hessian, 5 eigenvalues at each end, SLQ with 8 probes of 40 steps, Hutch++ with 90 products. */
export function defaultCurvatureSettings(): CurvatureSettings {
  return {
    matrix: 'hessian',
    k: LANDSCAPE_LIMITS.k.default,
    slqRuns: LANDSCAPE_LIMITS.slqRuns.default,
    slqSteps: LANDSCAPE_LIMITS.slqSteps.default,
    smoothing: LANDSCAPE_LIMITS.smoothing.default,
    traceBudget: LANDSCAPE_LIMITS.traceBudget.default,
    axis: 'linear',
    seed: LANDSCAPE_LIMITS.seed.default,
  };
}

const inRange = (value: unknown, range: { min: number; max: number }): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max;

const isInteger = (value: unknown, range: { min: number; max: number }): value is number =>
  inRange(value, range) && Number.isInteger(value);

function checkRange(name: string, range: unknown, problems: string[]): void {
  const { coordinate, minSpan } = LANDSCAPE_LIMITS;
  if (!Array.isArray(range) || range.length !== 2 || !inRange(range[0], coordinate) || !inRange(range[1], coordinate)) {
    problems.push(`slice.${name} must be two numbers within [${coordinate.min}, ${coordinate.max}], got ${JSON.stringify(range)}`);
  } else if (!(range[1] - range[0] >= minSpan)) {
    problems.push(`slice.${name} needs its lower bound below its upper bound (by at least ${minSpan}), got [${range[0]}, ${range[1]}]`);
  }
}

/** Every way `slice` breaks the rules, as sentences naming the field, the accepted values and the value found. */
export function sliceSettingsProblems(slice: SliceSettings): string[] {
  const problems: string[] = [];
  if (!SLICE_DIRECTION_KINDS.includes(slice.directions)) {
    problems.push(`slice.directions must be one of ${SLICE_DIRECTION_KINDS.join(', ')}, got "${String(slice.directions)}"`);
  }
  for (const key of ['centre', 'runA', 'runB', 'origin'] as const) {
    if (typeof slice[key] !== 'string' || !RUN_REFERENCE_PATTERN.test(slice[key])) {
      problems.push(`slice.${key} must be a run id or "${INITIAL_PARAMS}", got "${String(slice[key])}"`);
    }
  }
  if (slice.dims !== 1 && slice.dims !== 2) {
    problems.push(`slice.dims must be 1 or 2, got ${String(slice.dims)}`);
  } else {
    const limits = resolutionLimits(slice.dims);
    if (!isInteger(slice.resolution, limits)) {
      const what = slice.dims === 1 ? 'points on the line' : 'points per side of the plane';
      problems.push(`slice.resolution (${what}) must be an integer from ${limits.min} to ${limits.max}, got ${slice.resolution}`);
    }
  }
  checkRange('alpha', slice.alpha, problems);
  checkRange('beta', slice.beta, problems);
  if (slice.metric !== 'loss' && slice.metric !== 'accuracy') problems.push(`slice.metric must be "loss" or "accuracy", got "${String(slice.metric)}"`);
  if (slice.split !== 'train' && slice.split !== 'test') problems.push(`slice.split must be "train" or "test", got "${String(slice.split)}"`);
  if (slice.directions === 'interpolation' && slice.runA === slice.runB) {
    problems.push(`slice.runA and slice.runB must differ for an interpolation, both are "${slice.runA}"`);
  }
  if (!isInteger(slice.seed, LANDSCAPE_LIMITS.seed)) problems.push(`slice.seed must be an integer from 0 to 2³² − 1, got ${slice.seed}`);
  return problems;
}

/** Every way `curvature` breaks the rules (see {@link sliceSettingsProblems}). */
export function curvatureSettingsProblems(curvature: CurvatureSettings): string[] {
  const problems: string[] = [];
  const limits = LANDSCAPE_LIMITS;
  if (!CURVATURE_MATRIX_CHOICES.includes(curvature.matrix)) {
    problems.push(`curvature.matrix must be one of ${CURVATURE_MATRIX_CHOICES.join(', ')}, got "${String(curvature.matrix)}"`);
  }
  for (const key of ['k', 'slqRuns', 'slqSteps', 'traceBudget', 'seed'] as const) {
    const range = limits[key];
    if (!isInteger(curvature[key], range)) problems.push(`curvature.${key} must be an integer from ${range.min} to ${range.max}, got ${curvature[key]}`);
  }
  if (!inRange(curvature.smoothing, limits.smoothing)) {
    problems.push(`curvature.smoothing must be a number from ${limits.smoothing.min} to ${limits.smoothing.max}, got ${curvature.smoothing}`);
  }
  if (curvature.axis !== 'linear' && curvature.axis !== 'symlog') problems.push(`curvature.axis must be "linear" or "symlog", got "${String(curvature.axis)}"`);
  return problems;
}

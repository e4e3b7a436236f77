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
import { FIELD_LABELS } from './fieldLabels';

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
  /** While a run trains, a coarse slice around its current parameters every this many steps; 0 = never. */
  liveEvery: number;
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
  /**
   * The fewest random probes of stochastic Lanczos quadrature (the density);
   * how many more follows from the measured spread of the part the
   * deflation did not capture (see `relativeError`).
   */
  slqRuns: number;
  /** Lanczos steps per SLQ probe. */
  slqSteps: number;
  /** Width σ of the Gaussian smoothing the density, as a fraction of the spectrum's range. */
  smoothing: number;
  /** Matrix-vector products each trace estimator (Hutchinson, Hutch++) may spend. */
  traceBudget: number;
  /**
   * The relative standard error asked of the traces and of the density's
   * mean: each estimator stops once it is reached, or when its budget is spent.
   */
  relativeError: number;
  /** Matrix-vector products the density (deflation and probes together) may spend. */
  densityBudget: number;
  axis: SpectrumAxis;
  /** Seed of every probe vector. */
  seed: number;
}

/** The resolution limits of a slice with `dims` axes. */
export function resolutionLimits(dims: 1 | 2): { min: number; max: number; default: number } {
  return dims === 1 ? LANDSCAPE_LIMITS.lineResolution : LANDSCAPE_LIMITS.planeResolution;
}

/** A filter-normalised random plane around the first run's solution, [−1, 1]² at 65², loss on the training set, recomputed every 20 steps while training runs. */
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
    liveEvery: LANDSCAPE_LIMITS.liveEvery.default,
  };
}

/** The Hessian, 5 eigenvalues at each end, traces and density to 2 % (at most 400 and 2000 products; SLQ probes of 40 steps, at least 8). */
export function defaultCurvatureSettings(): CurvatureSettings {
  return {
    matrix: 'hessian',
    k: LANDSCAPE_LIMITS.k.default,
    slqRuns: LANDSCAPE_LIMITS.slqRuns.default,
    slqSteps: LANDSCAPE_LIMITS.slqSteps.default,
    smoothing: LANDSCAPE_LIMITS.smoothing.default,
    traceBudget: LANDSCAPE_LIMITS.traceBudget.default,
    relativeError: LANDSCAPE_LIMITS.relativeError.default,
    densityBudget: LANDSCAPE_LIMITS.densityBudget.default,
    axis: 'linear',
    seed: LANDSCAPE_LIMITS.seed.default,
  };
}

const inRange = (value: unknown, range: { min: number; max: number }): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max;

const isInteger = (value: unknown, range: { min: number; max: number }): value is number =>
  inRange(value, range) && Number.isInteger(value);

function checkRange(axis: 'alpha' | 'beta', range: unknown, problems: string[]): void {
  const { coordinate, minSpan } = LANDSCAPE_LIMITS;
  const [from, to] = axis === 'alpha' ? [FIELD_LABELS.sliceAlphaMin, FIELD_LABELS.sliceAlphaMax] : [FIELD_LABELS.sliceBetaMin, FIELD_LABELS.sliceBetaMax];
  if (!Array.isArray(range) || range.length !== 2 || !inRange(range[0], coordinate) || !inRange(range[1], coordinate)) {
    problems.push(`${from} and ${to} must be two numbers within [${coordinate.min}, ${coordinate.max}], got ${JSON.stringify(range)}`);
  } else if (!(range[1] - range[0] >= minSpan)) {
    problems.push(`${from} must be below ${to.replace(/^slice /, '')} (by at least ${minSpan}), got [${range[0]}, ${range[1]}]`);
  }
}

/** The control each run reference of the slice is chosen with. */
const REFERENCE_LABELS = {
  centre: FIELD_LABELS.sliceCentre,
  runA: FIELD_LABELS.sliceRunA,
  runB: FIELD_LABELS.sliceRunB,
  origin: FIELD_LABELS.sliceOrigin,
} as const;

/**
 * Every way `slice` breaks the rules, as sentences naming the field (by its
 * control's label), the accepted values and the value found.
 */
export function sliceSettingsProblems(slice: SliceSettings): string[] {
  const problems: string[] = [];
  if (!SLICE_DIRECTION_KINDS.includes(slice.directions)) {
    problems.push(`${FIELD_LABELS.sliceDirections} must be one of ${SLICE_DIRECTION_KINDS.join(', ')}, got "${String(slice.directions)}"`);
  }
  for (const key of ['centre', 'runA', 'runB', 'origin'] as const) {
    if (typeof slice[key] !== 'string' || !RUN_REFERENCE_PATTERN.test(slice[key])) {
      problems.push(`${REFERENCE_LABELS[key]} must be a run or the initialisation θ₀, got "${String(slice[key])}"`);
    }
  }
  if (slice.dims !== 1 && slice.dims !== 2) {
    problems.push(`${FIELD_LABELS.sliceDims} must be 1 (a line) or 2 (a plane), got ${String(slice.dims)}`);
  } else {
    const limits = resolutionLimits(slice.dims);
    if (!isInteger(slice.resolution, limits)) {
      const what = slice.dims === 1 ? 'points on the line' : 'points per side of the plane';
      problems.push(`${FIELD_LABELS.sliceResolution} (${what}) must be an integer from ${limits.min} to ${limits.max}, got ${slice.resolution}`);
    }
  }
  checkRange('alpha', slice.alpha, problems);
  checkRange('beta', slice.beta, problems);
  if (slice.metric !== 'loss' && slice.metric !== 'accuracy') problems.push(`${FIELD_LABELS.sliceMetric} must be loss or accuracy, got "${String(slice.metric)}"`);
  if (slice.split !== 'train' && slice.split !== 'test') problems.push(`${FIELD_LABELS.sliceSplit} must be train or test, got "${String(slice.split)}"`);
  if (slice.directions === 'interpolation' && slice.runA === slice.runB) {
    problems.push(`${FIELD_LABELS.sliceRunA} and ${FIELD_LABELS.sliceRunB} must differ for an interpolation`);
  }
  if (!isInteger(slice.seed, LANDSCAPE_LIMITS.seed)) problems.push(`${FIELD_LABELS.sliceSeed} must be an integer from 0 to 2³² − 1, got ${slice.seed}`);
  const { liveEvery } = LANDSCAPE_LIMITS;
  if (!isInteger(slice.liveEvery, liveEvery)) {
    problems.push(`the ${FIELD_LABELS.sliceLiveEvery} must be an integer from ${liveEvery.min} (never) to ${liveEvery.max} steps, got ${slice.liveEvery}`);
  }
  return problems;
}

/** The control of each integer curvature setting. */
const CURVATURE_LABELS = {
  k: FIELD_LABELS.curvatureK,
  slqRuns: FIELD_LABELS.slqRuns,
  slqSteps: FIELD_LABELS.slqSteps,
  traceBudget: FIELD_LABELS.traceBudget,
  densityBudget: FIELD_LABELS.densityBudget,
  seed: FIELD_LABELS.curvatureSeed,
} as const;

/** Every way `curvature` breaks the rules (see {@link sliceSettingsProblems}). */
export function curvatureSettingsProblems(curvature: CurvatureSettings): string[] {
  const problems: string[] = [];
  const limits = LANDSCAPE_LIMITS;
  if (!CURVATURE_MATRIX_CHOICES.includes(curvature.matrix)) {
    problems.push(`the ${FIELD_LABELS.curvatureMatrix} must be one of ${CURVATURE_MATRIX_CHOICES.join(', ')}, got "${String(curvature.matrix)}"`);
  }
  for (const key of ['k', 'slqRuns', 'slqSteps', 'traceBudget', 'densityBudget', 'seed'] as const) {
    const range = limits[key];
    if (!isInteger(curvature[key], range)) problems.push(`${CURVATURE_LABELS[key]} must be an integer from ${range.min} to ${range.max}, got ${curvature[key]}`);
  }
  if (!inRange(curvature.relativeError, limits.relativeError)) {
    problems.push(`the ${FIELD_LABELS.relativeError} must be a number from ${limits.relativeError.min} to ${limits.relativeError.max}, got ${curvature.relativeError}`);
  }
  if (!inRange(curvature.smoothing, limits.smoothing)) {
    problems.push(`the ${FIELD_LABELS.smoothing} must be a number from ${limits.smoothing.min} to ${limits.smoothing.max}, got ${curvature.smoothing}`);
  }
  if (curvature.axis !== 'linear' && curvature.axis !== 'symlog') problems.push(`the ${FIELD_LABELS.spectrumAxis} must be linear or symlog, got "${String(curvature.axis)}"`);
  return problems;
}

/** The slice's fields that name a parameter vector by its run. */
export type SliceReferenceKey = 'centre' | 'runA' | 'runB' | 'origin';

/** Every run-reference field of a slice, in the order the slice panel shows them. */
export const SLICE_REFERENCE_KEYS: readonly SliceReferenceKey[] = ['centre', 'runA', 'runB', 'origin'];

/** A run reference of a slice that names no run of the experiment, and what replaces it. */
export interface ReplacedReference {
  key: SliceReferenceKey;
  was: RunReference;
  now: RunReference;
}

/**
 * `slice` with every run reference that names none of `runIds` replaced, so
 * that the slice can be computed for these runs, and the replacements made:
 * the centre and θ_A become the first run, θ_B the first run other than θ_A
 * (θ₀ when there is none), θ_0 the initialisation. References to runs the
 * experiment has, and to θ₀, are kept.
 */
export function sliceForRuns(slice: SliceSettings, runIds: readonly string[]): { slice: SliceSettings; replaced: ReplacedReference[] } {
  const names = (reference: RunReference) => reference === INITIAL_PARAMS || runIds.includes(reference);
  const candidates = [...runIds, INITIAL_PARAMS];
  const next: SliceSettings = { ...slice };
  const replaced: ReplacedReference[] = [];
  const replace = (key: SliceReferenceKey, now: RunReference) => {
    replaced.push({ key, was: slice[key], now });
    next[key] = now;
  };
  if (!names(slice.centre)) replace('centre', candidates[0]);
  if (!names(slice.origin)) replace('origin', INITIAL_PARAMS);
  if (!names(slice.runA)) replace('runA', candidates.find((candidate) => candidate !== next.runB || !names(slice.runB)) ?? INITIAL_PARAMS);
  if (!names(slice.runB)) replace('runB', candidates.find((candidate) => candidate !== next.runA) ?? INITIAL_PARAMS);
  return { slice: next, replaced };
}

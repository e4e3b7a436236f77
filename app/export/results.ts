/**
 * The results of an experiment as one versioned document
 * (`loss-landscape-results/1`): the experiment and its link, where it was
 * computed (backend, network engine), and what it computed: each run's
 * loss sequence and final parameters, the surface or slice with its axes,
 * the marked points, and the curvature report. Plain numbers and arrays
 * only (DOM-free, no typed arrays), so the command line writes it and the
 * page can build the same document from what it shows.
 *
 * Grids are row-major: `values[j·nx + i]` at (x_i, y_j) (see
 * workers/engine/math/plane/gridIndex.ts). A number that is not finite (a
 * missing test loss, an accuracy of a regression, a diverged point) is
 * written as null.
 */
import type { Experiment } from '../../workers/engine/spec/experiment';
import type { DensitySummary, DirectionsInfo, MatrixCurvature, SliceSummary } from '../../workers/engine/spec/messages/landscape';
import type { SliceSettings } from '../../workers/engine/spec/landscapeSettings';
import type { MarkerKind } from '../../workers/engine/spec/vocabulary';

/** The format name and version written into every results document. */
export const RESULTS_FORMAT = 'loss-landscape-results/1';

/** A number, or null where it does not exist or is not finite. */
export type Value = number | null;

/** Where the last parameters of a run lie: ‖θ‖₂, ‖θ − θ₀‖₂ and the range of the entries. */
export interface ParameterSummary {
  count: number;
  norm: number;
  distanceFromStart: number;
  min: number;
  max: number;
  /** (1/P) Σ |θ_p|. */
  meanAbs: number;
}

/** One optimizer walking an analytic function. */
export interface AnalyticRunResults {
  kind: 'analytic';
  id: string;
  label: string;
  color: string;
  optimizer: string;
  stepCount: number;
  divergedAt: number | null;
  divergence: string | null;
  /** f(θ_t) for t = 0 … stepCount (the start first). */
  losses: Value[];
  /** ‖∇f(θ_t)‖ at the same points. */
  gradNorms: Value[];
  /** (x, y) of θ_0 … θ_stepCount. */
  path: [number, number][];
  final: { x: number; y: number; loss: Value; gradNorm: Value };
}

/** Full-data evaluations of a training run, at `steps` (0 first). */
export interface EvaluationSeries {
  steps: number[];
  trainLoss: Value[];
  testLoss: Value[];
  trainAccuracy: Value[];
  testAccuracy: Value[];
}

/** λ_max and λ_min of the training Hessian during training, with the stability thresholds 2/η and 2(1+β)/η. */
export interface SharpnessSeries {
  steps: number[];
  lambdaMax: Value[];
  lambdaMin: Value[];
  gradientDescentThreshold: Value[];
  momentumThreshold: Value[];
}

/** A run's trajectory projected onto the slice plane. */
export interface ProjectionResults {
  /** The step of each snapshot (θ₀ first, the latest last). */
  steps: number[];
  alpha: Value[];
  beta: Value[];
  /** The slice's metric at each snapshot itself. */
  trueValues: Value[];
  /** The slice's value at each projection (null outside the sampled range). */
  surfaceValues: Value[];
  quality: { maxGap: Value; meanGap: Value; pointsOutside: number; relativeResidual: Value; maxResidual: Value; pathLength: Value; valueRange: Value };
}

/** One training run of a network. */
export interface NetworkRunResults {
  kind: 'network';
  id: string;
  label: string;
  color: string;
  optimizer: string;
  /** 0 for the full batch. */
  batchSize: number;
  stepCount: number;
  epoch: number;
  divergedAt: number | null;
  divergence: string | null;
  learningRate: Value;
  rejectedSteps: number;
  /** The minibatch loss L_t (penalty included) of steps 1 … stepCount, at θ_{t−1}. */
  batchLosses: Value[];
  evaluations: EvaluationSeries;
  sharpness: SharpnessSeries | null;
  final: { trainLoss: Value; testLoss: Value; trainAccuracy: Value; testAccuracy: Value; parameters: ParameterSummary };
  /** Null unless the slice is a plane. */
  projection: ProjectionResults | null;
}

export type RunResults = AnalyticRunResults | NetworkRunResults;

/** One axis of a grid: its name ("x", "α") and its sample positions. */
export interface GridAxis {
  name: string;
  values: number[];
}

/** A sampled surface: the analytic function on its window, or a network's plane slice. */
export interface SurfaceResults {
  of: 'function' | 'slice';
  /** What the values are: "f", or the slice's metric ("loss", "accuracy"). */
  quantity: string;
  /** The data split of a slice (null for a function). */
  split: 'train' | 'test' | null;
  nx: number;
  ny: number;
  x: GridAxis;
  y: GridAxis;
  /** nx·ny values, index j·nx + i. */
  values: Value[];
}

/** A 1-D slice: every quantity along α. */
export interface LineResults {
  quantity: string;
  split: 'train' | 'test';
  alphas: number[];
  /** The metric on the split (what the slice shows). */
  values: Value[];
  trainLoss: Value[];
  testLoss: Value[] | null;
  trainAccuracy: Value[] | null;
  testAccuracy: Value[] | null;
  /** Named points on the line (interpolation: θ_A at α = 0, θ_B at α = 1). */
  marks: { alpha: number; label: string }[];
}

/** A marked point: a critical point of the function or of the slice's field, or the start (x, y are α, β on a slice). */
export interface MarkerResults {
  kind: MarkerKind;
  x: number;
  y: number;
  value: Value;
  /** The Hessian's eigenvalues (descending) at an analytic marker; null on a slice. */
  eigenvalues: [number, number] | null;
}

/** The network the experiment trains, its data, and how its slice was chosen. */
export interface NetworkResults {
  layers: number[];
  paramCount: number;
  task: string;
  loss: string;
  trainCount: number;
  testCount: number;
  /** Losses and accuracies at θ₀. */
  initial: { trainLoss: Value; testLoss: Value; trainAccuracy: Value; testAccuracy: Value };
  /** How the slice was chosen (null when it could not be computed). */
  slice: {
    settings: SliceSettings;
    directions: Omit<DirectionsInfo, 'anchors'> & { anchors: [number, number][] | null };
  } | null;
}

/** A density on a grid. */
export interface DensityResults {
  grid: number[];
  density: Value[];
}

/** The curvature report of one matrix: the engine's (`MatrixCurvature`) with plain arrays and nulls for non-finite numbers. */
export interface MatrixResults extends Omit<MatrixCurvature, 'density' | 'exact' | 'along'> {
  /** The engine's density summary with its linear curve as `grid` and `density` (and no `nonNegative`). */
  density: DensityResults &
    Omit<DensitySummary, 'linear' | 'symlog' | 'nonNegative' | 'semicircle' | 'marchenkoPastur'> & {
      symlog: DensityResults & { linearScale: number };
      semicircle: Value[] | null;
      marchenkoPastur: Value[] | null;
    };
  /** Every eigenvalue (descending), when the exact spectrum was computed. */
  exact: number[] | null;
  along: { label: string; value: Value }[];
}

/** A curvature report at one run's latest parameters. */
export interface CurvatureResults {
  runId: string;
  label: string;
  size: number;
  exact: boolean;
  matrices: MatrixResults[];
  split: { method: 'exact' | 'estimated'; residualShare: number; residualShareError: number } | null;
}

/** Everything one experiment computed (see the module comment). */
export interface ResultsDocument {
  format: typeof RESULTS_FORMAT;
  /** The link that reproduces the experiment on the page ("#v=1&…"). */
  link: string;
  experiment: Experiment;
  /** The TensorFlow.js backend the numbers were computed on. */
  backend: string;
  /** The network objectives' engine ('fast': typed arrays, 'tfjs': tensors); null for an analytic function. */
  engine: 'fast' | 'tfjs' | null;
  /** What was ignored in the link (the defaults were used for it). */
  linkMessages: string[];
  runs: RunResults[];
  /** The function's surface or the plane slice (null for a line). */
  surface: SurfaceResults | null;
  /** The 1-D slice (null otherwise). */
  line: LineResults | null;
  markers: MarkerResults[];
  network: NetworkResults | null;
  curvature: CurvatureResults | null;
  /** What could not be computed and why (empty when everything was). */
  failures: string[];
}

/** A plane slice (two axes, `ny` > 1) as the document's surface over (α, β). */
export function sliceSurface(slice: SliceSummary): SurfaceResults {
  return {
    of: 'slice',
    quantity: slice.settings.metric,
    split: slice.settings.split,
    nx: slice.nx,
    ny: slice.ny,
    x: { name: 'α', values: Array.from(slice.alphas) },
    y: { name: 'β', values: Array.from(slice.betas) },
    values: valuesOf(slice.values),
  };
}

/** `values` as plain numbers, null where not finite. */
export function valuesOf(values: ArrayLike<number>): Value[] {
  return Array.from(values, (value) => (Number.isFinite(value) ? value : null));
}

/** `value`, or null where it is missing or not finite. */
export function valueOf(value: number | null | undefined): Value {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/**
 * ‖θ‖₂, ‖θ − θ₀‖₂, min, max and mean |θ_p| of `params` (θ₀ = `start`),
 * summed in float64.
 */
export function parameterSummary(params: ArrayLike<number>, start: ArrayLike<number>): ParameterSummary {
  let squares = 0;
  let distance = 0;
  let min = Infinity;
  let max = -Infinity;
  let absolute = 0;
  for (let p = 0; p < params.length; p++) {
    const value = params[p];
    squares += value * value;
    distance += (value - start[p]) ** 2;
    absolute += Math.abs(value);
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { count: params.length, norm: Math.sqrt(squares), distanceFromStart: Math.sqrt(distance), min, max, meanAbs: params.length > 0 ? absolute / params.length : 0 };
}

/** Whether every item of `array` is a number, string, boolean or null. */
const allPrimitive = (array: readonly unknown[]) => array.every((item) => item === null || typeof item !== 'object');

/**
 * JSON text of `value`: objects one key a line, indented by two spaces;
 * arrays of plain values (or of arrays of plain values, such as a path's
 * points) on one line, so that a 256 × 256 surface stays one line. Numbers
 * are written as JSON.stringify writes them (the shortest text that reads
 * back to the same double; NaN and ±∞ as null), so the text is the same
 * for the same numbers.
 */
export function formatJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (ArrayBuffer.isView(value)) throw new TypeError('formatJson: typed arrays must be converted to plain arrays first');
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object' || (Array.isArray(item) && allPrimitive(item)))) return JSON.stringify(value);
    return `[\n${value.map((item) => `${inner}${formatJson(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`).join(',\n')}\n${indent}}`;
}

/** The results document as JSON text (see {@link formatJson}), ending in a newline. */
export function resultsToJson(document: ResultsDocument): string {
  return `${formatJson(document)}\n`;
}

/** Reads a results document, checking its format; throws a clear error otherwise. */
export function parseResults(text: string): ResultsDocument {
  const parsed = JSON.parse(text) as Partial<ResultsDocument> | null;
  if (parsed === null || typeof parsed !== 'object' || parsed.format !== RESULTS_FORMAT) {
    throw new Error(`not a results document: its "format" must be "${RESULTS_FORMAT}"`);
  }
  return parsed as ResultsDocument;
}

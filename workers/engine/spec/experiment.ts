/**
 * The experiment: everything needed to reproduce what the explorer shows,
 * as one serialisable, versioned object. It is the content of the page's URL
 * hash, the state the controls edit, and the request the workers execute.
 *
 * Data and checks only, in the pure layer (spec/, with math/ the only part
 * of workers/ the page loads: app/importBoundary.test.ts enforces it), so
 * the main thread imports it for defaults and validation.
 */
import {
  ANALYTIC_NAMES,
  analyticTeaching,
  type AnalyticName,
  type AnalyticProblem,
} from './functions';
import {
  OPTIMIZER_NAMES,
  resolveOptimizerConfig,
  type OptimizerConfig,
  type OptimizerName,
} from './optimizers/config';
import { OPTIMIZER_INFO } from './optimizers/info';
import {
  curvatureSettingsProblems,
  defaultCurvatureSettings,
  defaultSliceSettings,
  sliceSettingsProblems,
  type CurvatureSettings,
  type SliceSettings,
} from './landscapeSettings';
import { networkProblem, networkProblemErrors, networkShape, type NetworkProblem } from './networkProblem';
import {
  defaultNetworkRun,
  networkRunsProblems,
  trainingScheduleProblems,
  type NetworkRunSpec,
} from './networkRuns';
import { EXPERIMENT_LIMITS, NETWORK_TRAINING_LIMITS } from './limits';
import { COLOR_PATTERN, OPTIMIZER_COLORS, OPTIMIZER_ID_PATTERN, freshOptimizerId } from './runIdentity';
import { VIEW_MODES, type ViewMode, type Window2D } from './vocabulary';

export { COLOR_PATTERN, OPTIMIZER_COLORS, OPTIMIZER_ID_PATTERN, freshOptimizerId } from './runIdentity';
export type { NetworkProblem } from './networkProblem';
export type { NetworkRunSpec } from './networkRuns';

/** The format version written into every experiment (and every shared link). */
export const EXPERIMENT_VERSION = 1;

/** A 2-D analytic test function (see `functions.ts`). */
export interface AnalyticProblemSpec {
  kind: 'analytic';
  name: AnalyticName;
  /** Condition number κ of `quadratic` (ignored by the other functions). */
  condition?: number;
  /** Rotation φ in degrees of `quadratic`'s shallow axis (ignored by the others). */
  angleDeg?: number;
}

/**
 * What is being optimised, told apart by `kind`: a 2-D analytic function, or
 * a data set and a neural network trained on it (`NetworkProblem`: the data
 * set with its options, test fraction and seed; the layers, activation,
 * initialisation, weight decay and dropout).
 */
export type ProblemSpec = AnalyticProblemSpec | NetworkProblem;

/** Samples per axis of the plotted surface. */
export interface GridSize {
  nx: number;
  ny: number;
}

/** One optimizer to run: its configuration plus an id that survives edits and a display colour. */
export interface OptimizerRunSpec extends OptimizerConfig {
  /** Stable identifier (lower-case letters and digits), unique within the experiment. */
  id: string;
  /** CSS colour `#rrggbb` of its path and loss curve. */
  color: string;
}

/** Display settings; they change the picture, never the numbers. */
export interface ViewSpec {
  mode: ViewMode;
  /** Show heights and colours as log(f − min f + ε) instead of f. */
  logScale: boolean;
}

/**
 * The fields every experiment has, whatever its problem. Those of the other
 * mode are kept (at their defaults, or as last set) but mean nothing: an
 * analytic experiment ignores the training schedule, the slice and the
 * curvature; a network experiment ignores the window, grid and start.
 */
export interface ExperimentFields {
  version: number;
  /** The plotted rectangle of the (x, y) plane. */
  window: Window2D;
  grid: GridSize;
  /** The point every optimizer starts from. */
  start: [number, number];
  /** Updates each optimizer makes (a run stops earlier only if it diverges). */
  steps: number;
  view: ViewSpec;
  /** Seed of every random draw, so a shared link reproduces the same numbers. */
  seed: number;
  /** The slice through a network's parameter space (network problems; kept, unused, for analytic ones). */
  slice: SliceSettings;
  /** The curvature estimates at a network's parameters. */
  curvature: CurvatureSettings;
  /** Network training: full train/test loss and accuracy every this many steps. */
  evalEvery: number;
  /** Network training: Hessian λ_max and λ_min every this many steps; 0 = off. */
  sharpnessEvery: number;
}

/** Optimizers walking a 2-D analytic function from `start`. */
export interface AnalyticExperiment extends ExperimentFields {
  problem: AnalyticProblemSpec;
  optimizers: OptimizerRunSpec[];
}

/**
 * Runs training one network from one initialisation θ₀ (each with its own
 * optimizer and batch size); `seed` draws the minibatch orders, dropout masks
 * and Lanczos start vectors.
 */
export interface NetworkExperiment extends ExperimentFields {
  problem: NetworkProblem;
  optimizers: NetworkRunSpec[];
}

/** The serialisable experiment (version {@link EXPERIMENT_VERSION}), told apart by `problem.kind`. */
export type Experiment = AnalyticExperiment | NetworkExperiment;

/** Whether `experiment` is about a neural network. */
export function isNetworkExperiment(experiment: Experiment): experiment is NetworkExperiment {
  return experiment.problem.kind === 'network';
}

/** Whether `experiment` is about an analytic function. */
export function isAnalyticExperiment(experiment: Experiment): experiment is AnalyticExperiment {
  return experiment.problem.kind === 'analytic';
}

/** The analytic problem an experiment's problem describes, as the engine's functions take it. */
export function analyticProblemOf(problem: AnalyticProblemSpec): AnalyticProblem {
  return problem.name === 'quadratic'
    ? {
        name: 'quadratic',
        condition: problem.condition ?? EXPERIMENT_LIMITS.condition.default,
        angleDeg: problem.angleDeg ?? EXPERIMENT_LIMITS.angleDeg.default,
      }
    : { name: problem.name };
}

/** The default problem spec of analytic function `name` (the quadratic gets its default κ and φ). */
export function analyticProblemSpec(name: AnalyticName): AnalyticProblemSpec {
  return name === 'quadratic'
    ? { kind: 'analytic', name, condition: EXPERIMENT_LIMITS.condition.default, angleDeg: EXPERIMENT_LIMITS.angleDeg.default }
    : { kind: 'analytic', name };
}

/** The window, start point and scale that show `problem` best (its teaching defaults). */
export function problemDefaults(problem: AnalyticProblemSpec): { window: Window2D; start: [number, number]; logScale: boolean } {
  const teaching = analyticTeaching(analyticProblemOf(problem));
  return { window: teaching.window, start: teaching.start, logScale: teaching.logScale };
}

/**
 * An optimizer with every hyper-parameter at its default (from `OPTIMIZER_INFO`).
 * @param index position in the list: picks the colour and, with `name`, the id.
 */
export function defaultOptimizerRun(name: OptimizerName, index: number, takenIds: readonly string[] = []): OptimizerRunSpec {
  const hyperParameters = Object.fromEntries(
    OPTIMIZER_INFO[name].hyperParameters.map((hyper) => [hyper.key, hyper.defaultValue]),
  ) as Omit<OptimizerConfig, 'name'>;
  return {
    name,
    ...hyperParameters,
    id: freshOptimizerId(takenIds),
    color: OPTIMIZER_COLORS[index % OPTIMIZER_COLORS.length],
  };
}

/** The optimizers a new experiment on `problem` starts with: gradient descent and Adam. */
export function defaultOptimizers(): OptimizerRunSpec[] {
  const sgd = defaultOptimizerRun('sgd', 0);
  const adam = defaultOptimizerRun('adam', 1, [sgd.id]);
  return [sgd, adam];
}

/** A complete experiment on `problem` (Rosenbrock by default) with every other field at its default. */
export function defaultExperiment(problem: AnalyticProblemSpec = analyticProblemSpec('rosenbrock')): AnalyticExperiment {
  const defaults = problemDefaults(problem);
  return {
    version: EXPERIMENT_VERSION,
    problem,
    window: defaults.window,
    grid: { nx: EXPERIMENT_LIMITS.gridSide.default, ny: EXPERIMENT_LIMITS.gridSide.default },
    start: defaults.start,
    steps: EXPERIMENT_LIMITS.steps.default,
    optimizers: defaultOptimizers(),
    view: { mode: '3d', logScale: defaults.logScale },
    seed: EXPERIMENT_LIMITS.seed.default,
    slice: defaultSliceSettings(),
    curvature: defaultCurvatureSettings(),
    evalEvery: NETWORK_TRAINING_LIMITS.evalEvery.default,
    sharpnessEvery: NETWORK_TRAINING_LIMITS.sharpnessEvery.default,
  };
}

/**
 * The problem a new network experiment starts with: the engine's default
 * (a two-arm spiral of 400 points, a fifth held out; a 2-16-16-1 tanh
 * network with Glorot initialisation) with arms of one turn, which small
 * and full batches both learn within a few hundred steps.
 */
export function defaultNetworkProblem(): NetworkProblem {
  return networkProblem({ datasetOptions: { turns: 1 } });
}

/**
 * The runs a new network experiment starts with: gradient descent at
 * η = 0.5 on minibatches of 8 and on the full batch, from the same θ₀, so
 * the only difference is the noise of the minibatch gradient.
 */
export function defaultNetworkRuns(): NetworkRunSpec[] {
  const small = { ...defaultNetworkRun('sgd', 0, [], 8), lr: 0.5 };
  const full = { ...defaultNetworkRun('sgd', 1, [small.id], 0), lr: 0.5 };
  return [small, full];
}

/**
 * A complete network experiment on `problem` (see {@link defaultNetworkProblem})
 * with `runs` (see {@link defaultNetworkRuns}) and every other field at its default.
 */
export function defaultNetworkExperiment(
  problem: NetworkProblem = defaultNetworkProblem(),
  runs: NetworkRunSpec[] = defaultNetworkRuns(),
): NetworkExperiment {
  return { ...defaultExperiment(), problem, optimizers: runs, steps: NETWORK_TRAINING_LIMITS.steps.default };
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isFinite(value) && value >= range.min && value <= range.max;
}

function validateAnalyticProblem(problem: AnalyticProblemSpec, problems: string[]): void {
  if (!ANALYTIC_NAMES.includes(problem.name)) {
    problems.push(`problem.name must be one of ${ANALYTIC_NAMES.join(', ')}, got "${String(problem.name)}"`);
  }
  const { condition, angleDeg } = EXPERIMENT_LIMITS;
  if (problem.condition !== undefined && !inRange(problem.condition, condition)) {
    problems.push(`problem.condition must be a number from ${condition.min} to ${condition.max}, got ${problem.condition}`);
  }
  if (problem.angleDeg !== undefined && !inRange(problem.angleDeg, angleDeg)) {
    problems.push(`problem.angleDeg must be a number from ${angleDeg.min} to ${angleDeg.max}, got ${problem.angleDeg}`);
  }
}

function validateWindow(window: Window2D, problems: string[]): void {
  const { coordinate, minSpan } = EXPERIMENT_LIMITS;
  for (const axis of ['x', 'y'] as const) {
    const lo = window[`${axis}Min`];
    const hi = window[`${axis}Max`];
    if (!inRange(lo, coordinate) || !inRange(hi, coordinate)) {
      problems.push(`window ${axis} range must lie within [${coordinate.min}, ${coordinate.max}], got [${lo}, ${hi}]`);
    } else if (!(hi - lo >= minSpan)) {
      problems.push(`window needs ${axis}Min < ${axis}Max (by at least ${minSpan}), got [${lo}, ${hi}]`);
    }
  }
}

function validateOptimizer(spec: OptimizerRunSpec, index: number, problems: string[]): void {
  const where = `optimizers[${index}]`;
  if (!OPTIMIZER_NAMES.includes(spec.name)) {
    problems.push(`${where}.name must be one of ${OPTIMIZER_NAMES.join(', ')}, got "${String(spec.name)}"`);
    return;
  }
  if (!OPTIMIZER_ID_PATTERN.test(spec.id)) problems.push(`${where}.id must be 1–12 lower-case letters or digits, got "${spec.id}"`);
  if (!COLOR_PATTERN.test(spec.color)) problems.push(`${where}.color must be #rrggbb, got "${spec.color}"`);
  try {
    resolveOptimizerConfig(spec);
  } catch (error) {
    problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Every way `experiment` breaks the rules, as readable sentences naming the
 * field, the allowed values and the value found; empty when it is valid.
 * Workers refuse an experiment with problems; the URL reader never produces one.
 */
export function validateExperiment(experiment: Experiment): string[] {
  const problems: string[] = [];
  const limits = EXPERIMENT_LIMITS;
  if (experiment.version !== EXPERIMENT_VERSION) {
    problems.push(`version must be ${EXPERIMENT_VERSION}, got ${experiment.version}`);
  }
  validateWindow(experiment.window, problems);
  for (const side of ['nx', 'ny'] as const) {
    const n = experiment.grid[side];
    if (!Number.isInteger(n) || !inRange(n, limits.gridSide)) {
      problems.push(`grid.${side} must be an integer from ${limits.gridSide.min} to ${limits.gridSide.max}, got ${n}`);
    }
  }
  experiment.start.forEach((value, axis) => {
    if (!inRange(value, limits.coordinate)) {
      problems.push(`start ${axis === 0 ? 'x' : 'y'} must be a number from ${limits.coordinate.min} to ${limits.coordinate.max}, got ${value}`);
    }
  });
  if (!Number.isInteger(experiment.steps) || !inRange(experiment.steps, limits.steps)) {
    problems.push(`steps must be an integer from ${limits.steps.min} to ${limits.steps.max}, got ${experiment.steps}`);
  }
  const kind: unknown = experiment.problem.kind;
  if (isAnalyticExperiment(experiment)) {
    validateAnalyticProblem(experiment.problem, problems);
    validateAnalyticOptimizers(experiment.optimizers, problems);
  } else if (isNetworkExperiment(experiment)) {
    validateNetworkParts(experiment, problems);
  } else {
    problems.push(`problem.kind must be "analytic" or "network", got "${String(kind)}"`);
  }
  if (!VIEW_MODES.includes(experiment.view.mode)) {
    problems.push(`view.mode must be "3d" or "contour", got "${String(experiment.view.mode)}"`);
  }
  if (typeof experiment.view.logScale !== 'boolean') problems.push('view.logScale must be true or false');
  if (!Number.isInteger(experiment.seed) || !inRange(experiment.seed, limits.seed)) {
    problems.push(`seed must be an integer from ${limits.seed.min} to ${limits.seed.max}, got ${experiment.seed}`);
  }
  problems.push(...sliceSettingsProblems(experiment.slice), ...curvatureSettingsProblems(experiment.curvature));
  problems.push(...trainingScheduleProblems(experiment));
  return problems;
}

function validateAnalyticOptimizers(optimizers: readonly OptimizerRunSpec[], problems: string[]): void {
  const { optimizerCount } = EXPERIMENT_LIMITS;
  if (optimizers.length > optimizerCount.max) {
    problems.push(`at most ${optimizerCount.max} optimizers, got ${optimizers.length}`);
  }
  optimizers.forEach((spec, index) => validateOptimizer(spec, index, problems));
  const ids = optimizers.map((spec) => spec.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) problems.push(`optimizer ids must be unique, "${duplicate}" appears twice`);
}

/** The network problem (data set, layers, initialisation, regularisation) and the runs. */
function validateNetworkParts(experiment: NetworkExperiment, problems: string[]): void {
  const problemErrors = networkProblemErrors(experiment.problem);
  problems.push(...problemErrors.map((error) => `problem.${error}`));
  // The parameter count needs a valid problem (a known data set with valid options).
  const paramCount = problemErrors.length === 0 ? networkShape(experiment.problem).paramCount : null;
  problems.push(...networkRunsProblems(experiment.optimizers, paramCount));
}

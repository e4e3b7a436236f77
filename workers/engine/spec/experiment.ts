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
import type { AnalyticOptimizerName, ProblemKind } from './optimizers/registry';
import type { ResolvedOptimizerConfig } from './optimizers/validate';
import {
  curvatureSettingsProblems,
  defaultCurvatureSettings,
  defaultSliceSettings,
  sliceSettingsProblems,
  type CurvatureSettings,
  type SliceSettings,
} from './landscapeSettings';
import { networkProblem, networkProblemErrors, networkShape, type NetworkProblem } from './networkProblem';
import { trainingScheduleProblems } from './networkRuns';
import { checkRuns, defaultRun, type NetworkRunSpec, type OptimizerRunSpec, type RunsCheck } from './runs';
import { EXPERIMENT_LIMITS, NETWORK_TRAINING_LIMITS } from './limits';
import { VIEW_MODES, type ViewMode, type Window2D } from './vocabulary';

export { COLOR_PATTERN, OPTIMIZER_COLORS, OPTIMIZER_ID_PATTERN, freshOptimizerId } from './runIdentity';
export type { NetworkProblem } from './networkProblem';
export type { NetworkRunSpec, OptimizerRunSpec } from './runs';

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

/** How many runs an experiment of `kind` may have: up to 8 optimizers on a function, 1 to 8 training runs of a network. */
export function runCountLimits(kind: ProblemKind): { min: number; max: number } {
  return kind === 'network' ? NETWORK_TRAINING_LIMITS.runCount : EXPERIMENT_LIMITS.optimizerCount;
}

/** The optimizers a new experiment on `problem` starts with: gradient descent and Adam. */
export function defaultOptimizers(): OptimizerRunSpec[] {
  const sgd = defaultRun('analytic', 'sgd', 0);
  const adam = defaultRun('analytic', 'adam', 1, [sgd.id]);
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
  const small = { ...defaultRun('network', 'sgd', 0, [], 8), lr: 0.5 };
  const full = { ...defaultRun('network', 'sgd', 1, [small.id], 0), lr: 0.5 };
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

/** A valid experiment with its runs' optimizer configurations resolved, in the order of `experiment.optimizers`. */
export type CheckedExperiment =
  | { kind: 'analytic'; experiment: AnalyticExperiment; optimizers: ResolvedOptimizerConfig<AnalyticOptimizerName>[] }
  | { kind: 'network'; experiment: NetworkExperiment; optimizers: ResolvedOptimizerConfig[] };

/**
 * Every way `experiment` breaks the rules, as readable sentences naming the
 * field, the allowed values and the value found; empty when it is valid.
 * The page checks with it where an experiment enters (a link, an edit); the
 * URL reader never produces an experiment with problems.
 */
export function validateExperiment(experiment: Experiment): string[] {
  return experimentCheck(experiment).problems;
}

/**
 * `experiment`, checked once where it enters a worker: a RangeError lists
 * every problem; otherwise the experiment comes back with its runs'
 * configurations resolved, for the engine (which checks them no more).
 */
export function checkedExperiment(experiment: Experiment): CheckedExperiment {
  const { problems, configs } = experimentCheck(experiment);
  if (problems.length > 0) throw new RangeError(`Invalid experiment: ${problems.join('; ')}`);
  return isNetworkExperiment(experiment)
    ? { kind: 'network', experiment, optimizers: configs }
    : { kind: 'analytic', experiment: experiment as AnalyticExperiment, optimizers: configs as ResolvedOptimizerConfig<AnalyticOptimizerName>[] };
}

/** The problems of every field, and the runs' resolved configurations. */
function experimentCheck(experiment: Experiment): RunsCheck {
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
  let configs: ResolvedOptimizerConfig[] = [];
  if (isAnalyticExperiment(experiment)) {
    validateAnalyticProblem(experiment.problem, problems);
    const runs = checkRuns('analytic', experiment.optimizers, runCountLimits('analytic'));
    problems.push(...runs.problems);
    configs = runs.configs;
  } else if (isNetworkExperiment(experiment)) {
    const runs = networkPartsCheck(experiment);
    problems.push(...runs.problems);
    configs = runs.configs;
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
  return { problems, configs };
}

/** The network problem (data set, layers, initialisation, regularisation) and the runs. */
function networkPartsCheck(experiment: NetworkExperiment): RunsCheck {
  const problemErrors = networkProblemErrors(experiment.problem);
  // The parameter count needs a valid problem (a known data set with valid options).
  const paramCount = problemErrors.length === 0 ? networkShape(experiment.problem).paramCount : null;
  const runs = checkRuns('network', experiment.optimizers, runCountLimits('network'), paramCount);
  return { problems: [...problemErrors.map((error) => `problem.${error}`), ...runs.problems], configs: runs.configs };
}

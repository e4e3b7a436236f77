/**
 * The experiment: everything needed to reproduce what the explorer shows,
 * as one serialisable, versioned object. It is the content of the page's URL
 * hash, the state the controls edit, and the request the workers execute.
 *
 * This module is pure data and checks (no TensorFlow.js), so the main thread
 * can import it for defaults and validation without pulling in the engine.
 */
import { analyticInfo, type Window2D } from './analytic/info';
import {
  ANALYTIC_NAMES,
  DEFAULT_ANGLE_DEG,
  DEFAULT_CONDITION,
  MAX_CONDITION,
  type AnalyticName,
  type AnalyticProblem,
} from './analytic/problems';
import {
  OPTIMIZER_NAMES,
  resolveOptimizerConfig,
  type OptimizerConfig,
  type OptimizerName,
} from './optim/config';
import { OPTIMIZER_INFO } from './optim/info';
import {
  curvatureSettingsProblems,
  defaultCurvatureSettings,
  defaultSliceSettings,
  sliceSettingsProblems,
  type CurvatureSettings,
  type SliceSettings,
} from './landscapeSettings';

/** The format version written into every experiment (and every shared link). */
export const EXPERIMENT_VERSION = 1;

/** A 2-D analytic test function (see `analytic/problems.ts`). */
export interface AnalyticProblemSpec {
  kind: 'analytic';
  name: AnalyticName;
  /** Condition number κ of `quadratic` (ignored by the other functions). */
  condition?: number;
  /** Rotation φ in degrees of `quadratic`'s shallow axis (ignored by the others). */
  angleDeg?: number;
}

/**
 * What is being optimised, told apart by `kind`. Neural-network problems
 * (a data set and a network, sliced along two directions in parameter space)
 * join this union as `{ kind: 'network', … }`.
 */
export type ProblemSpec = AnalyticProblemSpec;

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

/** How the surface is drawn: a 3-D height field or a flat contour map. */
export type ViewMode = '3d' | 'contour';

/** Display settings; they change the picture, never the numbers. */
export interface ViewSpec {
  mode: ViewMode;
  /** Show heights and colours as log(f − min f + ε) instead of f. */
  logScale: boolean;
}

/** The serialisable experiment (version {@link EXPERIMENT_VERSION}). */
export interface Experiment {
  version: number;
  problem: ProblemSpec;
  /** The plotted rectangle of the (x, y) plane. */
  window: Window2D;
  grid: GridSize;
  /** The point every optimizer starts from. */
  start: [number, number];
  /** Updates each optimizer makes (a run stops earlier only if it diverges). */
  steps: number;
  optimizers: OptimizerRunSpec[];
  view: ViewSpec;
  /** Seed of every random draw, so a shared link reproduces the same numbers. */
  seed: number;
  /** The slice through a network's parameter space (network problems; kept, unused, for analytic ones). */
  slice: SliceSettings;
  /** The curvature estimates at a network's parameters. */
  curvature: CurvatureSettings;
}

/** The accepted range of every numeric field (inclusive). */
export const EXPERIMENT_LIMITS = {
  /** Grid samples per axis: 256² = 65 536 points is smooth and takes milliseconds to evaluate. */
  gridSide: { min: 8, max: 512, default: 256 },
  steps: { min: 1, max: 10_000, default: 300 },
  /** Bound on |x| and |y| of the window and the start: beyond it float32 loses the shape. */
  coordinate: { min: -1e4, max: 1e4 },
  /** Smallest window width or height, relative to nothing (float32 spacing near 1e4 is ~1e-3). */
  minSpan: 1e-3,
  optimizerCount: { min: 0, max: 8 },
  condition: { min: 1, max: MAX_CONDITION, default: DEFAULT_CONDITION },
  angleDeg: { min: -180, max: 180, default: DEFAULT_ANGLE_DEG },
  seed: { min: 0, max: 0xffffffff, default: 1 },
} as const;

/** Distinct colours that read well on a dark background, given to optimizers in turn. */
export const OPTIMIZER_COLORS: readonly string[] = [
  '#4cc9f0',
  '#ff7aa2',
  '#ffd166',
  '#06d6a0',
  '#f8961e',
  '#b794f6',
  '#ef476f',
  '#e9ecef',
];

/** A valid optimizer id: 1–12 lower-case letters or digits. */
export const OPTIMIZER_ID_PATTERN = /^[a-z0-9]{1,12}$/;

/** A valid colour: `#rrggbb`. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** The analytic problem an experiment's problem describes, as the engine's functions take it. */
export function analyticProblemOf(problem: AnalyticProblemSpec): AnalyticProblem {
  return problem.name === 'quadratic'
    ? { name: 'quadratic', condition: problem.condition ?? DEFAULT_CONDITION, angleDeg: problem.angleDeg ?? DEFAULT_ANGLE_DEG }
    : { name: problem.name };
}

/** The default problem spec of analytic function `name` (the quadratic gets its default κ and φ). */
export function analyticProblemSpec(name: AnalyticName): AnalyticProblemSpec {
  return name === 'quadratic'
    ? { kind: 'analytic', name, condition: DEFAULT_CONDITION, angleDeg: DEFAULT_ANGLE_DEG }
    : { kind: 'analytic', name };
}

/** The window, start point and scale that show `problem` best (its teaching defaults). */
export function problemDefaults(problem: ProblemSpec): { window: Window2D; start: [number, number]; logScale: boolean } {
  const info = analyticInfo(analyticProblemOf(problem));
  return { window: info.window, start: info.start, logScale: info.logScale };
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

/** The first id `o1`, `o2`, … not in `takenIds`. */
export function freshOptimizerId(takenIds: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `o${n}`;
    if (!takenIds.includes(id)) return id;
  }
}

/** The optimizers a new experiment on `problem` starts with: gradient descent and Adam. */
export function defaultOptimizers(): OptimizerRunSpec[] {
  const sgd = defaultOptimizerRun('sgd', 0);
  const adam = defaultOptimizerRun('adam', 1, [sgd.id]);
  return [sgd, adam];
}

/** A complete experiment on `problem` (Rosenbrock by default) with every other field at its default. */
export function defaultExperiment(problem: ProblemSpec = analyticProblemSpec('rosenbrock')): Experiment {
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
  };
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isFinite(value) && value >= range.min && value <= range.max;
}

function validateProblemSpec(problem: ProblemSpec, problems: string[]): void {
  if (problem.kind !== 'analytic') {
    problems.push(`problem.kind must be "analytic", got "${String((problem as { kind: unknown }).kind)}"`);
    return;
  }
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
  validateProblemSpec(experiment.problem, problems);
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
  if (experiment.optimizers.length > limits.optimizerCount.max) {
    problems.push(`at most ${limits.optimizerCount.max} optimizers, got ${experiment.optimizers.length}`);
  }
  experiment.optimizers.forEach((spec, index) => validateOptimizer(spec, index, problems));
  const ids = experiment.optimizers.map((spec) => spec.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) problems.push(`optimizer ids must be unique, "${duplicate}" appears twice`);
  if (experiment.view.mode !== '3d' && experiment.view.mode !== 'contour') {
    problems.push(`view.mode must be "3d" or "contour", got "${String(experiment.view.mode)}"`);
  }
  if (typeof experiment.view.logScale !== 'boolean') problems.push('view.logScale must be true or false');
  if (!Number.isInteger(experiment.seed) || !inRange(experiment.seed, limits.seed)) {
    problems.push(`seed must be an integer from ${limits.seed.min} to ${limits.seed.max}, got ${experiment.seed}`);
  }
  problems.push(...sliceSettingsProblems(experiment.slice), ...curvatureSettingsProblems(experiment.curvature));
  return problems;
}

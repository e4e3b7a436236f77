/**
 * The training runs of a network experiment and their schedule, as plain
 * data with defaults and checks (no TensorFlow.js, so the main thread and the
 * URL codec can use them). Every run starts from the same initialisation θ₀
 * and differs only in its optimizer and minibatch size: step t of a run with
 * batch size B uses B rows of the training set (B = 0: all N rows), so its
 * gradient is an unbiased estimate of the full-batch gradient with variance
 * shrinking like 1/B.
 */
import { NETWORK_OPTIMIZER_NAMES, type NetworkOptimizerConfig } from './optimizers/networkConfig';
import { DENSE_CURVATURE_LIMIT, NETWORK_TRAINING_LIMITS } from './limits';
import { NETWORK_OPTIMIZER_INFO, resolveNetworkOptimizer } from './optimizers/networkInfo';
import { COLOR_PATTERN, OPTIMIZER_COLORS, OPTIMIZER_ID_PATTERN, freshOptimizerId } from './runIdentity';

/** One training run: an optimizer (any network optimizer), its minibatch size, an id and a colour. */
export interface NetworkRunSpec extends NetworkOptimizerConfig {
  /** Stable identifier (lower-case letters and digits), unique within the experiment; names the run's dropout stream. */
  id: string;
  /** CSS colour `#rrggbb` of its curves. */
  color: string;
  /** Rows per minibatch; 0 or absent = the whole training set at every step (full batch). */
  batchSize?: number;
}

/** The schedule fields of a network experiment. */
export interface TrainingSchedule {
  evalEvery: number;
  sharpnessEvery: number;
}

/**
 * A run of optimizer `name` with every hyper-parameter listed in
 * `NETWORK_OPTIMIZER_INFO` at its default.
 * @param index position in the list: picks the colour
 * @param takenIds ids already used (the new id avoids them)
 * @param batchSize rows per minibatch (0 = full batch)
 */
export function defaultNetworkRun(
  name: NetworkRunSpec['name'],
  index: number,
  takenIds: readonly string[] = [],
  batchSize = 0,
): NetworkRunSpec {
  const hyperParameters = Object.fromEntries(
    NETWORK_OPTIMIZER_INFO[name].hyperParameters.map((hyper) => [hyper.key, hyper.defaultValue]),
  );
  return {
    name,
    ...hyperParameters,
    id: freshOptimizerId(takenIds),
    color: OPTIMIZER_COLORS[index % OPTIMIZER_COLORS.length],
    batchSize,
  };
}

/** The optimizer configuration of a run (its id, colour and batch size removed), as the engine takes it. */
export function networkRunConfig(spec: NetworkRunSpec): NetworkOptimizerConfig {
  const { id: _id, color: _color, batchSize: _batchSize, ...config } = spec;
  return config;
}

/** Rows per minibatch of `spec` (0 = full batch). */
export function batchSizeOf(spec: NetworkRunSpec): number {
  return spec.batchSize ?? 0;
}

const inRange = (value: unknown, range: { min: number; max: number }) =>
  typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max;

const isIntegerIn = (value: unknown, range: { min: number; max: number }) => Number.isInteger(value) && inRange(value, range);

/**
 * Every way `runs` break the rules, as sentences naming the run, the field,
 * the accepted values and the value found; empty when they are valid.
 * @param paramCount P of the network, when known: the dense Newton methods
 *   are refused beyond DENSE_CURVATURE_LIMIT parameters (they factorise the P × P Hessian).
 */
export function networkRunsProblems(runs: readonly NetworkRunSpec[], paramCount: number | null): string[] {
  const problems: string[] = [];
  const { runCount, batchSize } = NETWORK_TRAINING_LIMITS;
  if (runs.length < runCount.min || runs.length > runCount.max) {
    problems.push(`a network experiment needs ${runCount.min} to ${runCount.max} runs, got ${runs.length}`);
  }
  runs.forEach((spec, index) => {
    const where = `runs[${index}]`;
    if (!NETWORK_OPTIMIZER_NAMES.includes(spec.name)) {
      problems.push(`${where}.name must be one of ${NETWORK_OPTIMIZER_NAMES.join(', ')}, got "${String(spec.name)}"`);
      return;
    }
    if (!OPTIMIZER_ID_PATTERN.test(spec.id)) problems.push(`${where}.id must be 1–12 lower-case letters or digits, got "${spec.id}"`);
    if (!COLOR_PATTERN.test(spec.color)) problems.push(`${where}.color must be #rrggbb, got "${spec.color}"`);
    if (spec.batchSize !== undefined && !isIntegerIn(spec.batchSize, batchSize)) {
      problems.push(`${where}.batchSize must be an integer from ${batchSize.min} (full batch) to ${batchSize.max}, got ${spec.batchSize}`);
    }
    try {
      resolveNetworkOptimizer(networkRunConfig(spec));
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const dense = spec.name === 'newton' || spec.name === 'saddle_free_newton';
    if (dense && paramCount !== null && paramCount > DENSE_CURVATURE_LIMIT) {
      problems.push(
        `${where}: ${NETWORK_OPTIMIZER_INFO[spec.name].label} factorises the dense Hessian and is offered up to ${DENSE_CURVATURE_LIMIT} parameters; this network has ${paramCount}`,
      );
    }
  });
  const ids = runs.map((spec) => spec.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) problems.push(`run ids must be unique, "${duplicate}" appears twice`);
  return problems;
}

/** Every way the evaluation and sharpness schedule breaks the rules; empty when valid. */
export function trainingScheduleProblems(schedule: TrainingSchedule): string[] {
  const problems: string[] = [];
  const { evalEvery, sharpnessEvery } = NETWORK_TRAINING_LIMITS;
  if (!isIntegerIn(schedule.evalEvery, evalEvery)) {
    problems.push(`evalEvery must be an integer from ${evalEvery.min} to ${evalEvery.max}, got ${schedule.evalEvery}`);
  }
  if (!isIntegerIn(schedule.sharpnessEvery, sharpnessEvery)) {
    problems.push(
      `sharpnessEvery must be an integer from ${sharpnessEvery.min} (off) to ${sharpnessEvery.max}, got ${schedule.sharpnessEvery}`,
    );
  }
  return problems;
}

/*
 * The engine's training session (training/runs.ts) takes the runs and the
 * schedule in the shapes below; they are plain data, declared here so that
 * presets can name them without importing the engine.
 */

/** One run: an optimizer and a batch size. */
export interface TrainingRunConfig {
  /** Stable identifier, unique in the session (e.g. the experiment's optimizer id); names the run's dropout stream. */
  id: string;
  optimizer: NetworkOptimizerConfig;
  /** Rows per minibatch; 0 = the whole training set at every step. */
  batchSize: number;
}

/** Session-wide settings. */
export interface TrainingOptions {
  /** Seed of the minibatch orders, dropout masks and Lanczos starts. */
  seed: number;
  /** Full train/test evaluation every this many steps (default 10). */
  evalEvery?: number;
  /** Trajectory snapshot every this many steps (default 1), thinned past `maxSnapshots`. */
  snapshotEvery?: number;
  /** Cap on stored snapshots per run (default 512). */
  maxSnapshots?: number;
  /** Sharpness tracking, or null/absent for none. */
  sharpness?: SharpnessOptions | null;
}

/** How often and how precisely sharpness is measured. */
export interface SharpnessOptions {
  /** Measure after every `every`-th step (and at step 0); integer ≥ 1. */
  every: number;
  /** Most Hessian-vector products per measurement (default 20). */
  maxIterations?: number;
  /** Lanczos residual tolerance relative to the largest |eigenvalue| (default 1e-3). */
  tolerance?: number;
}

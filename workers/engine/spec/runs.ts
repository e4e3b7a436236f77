/**
 * The runs of an experiment, for both problem kinds: an optimizer (a method
 * of the registry and its hyper-parameters), an id, a colour and, for
 * networks, a minibatch size. Their defaults and their checks, written once.
 * Plain data (no TensorFlow.js), so the page and the URL codec use them.
 *
 * Every network run starts from the same initialisation θ₀ and differs only
 * in its optimizer and minibatch size: step t of a run with batch size B
 * uses B rows of the training set (B = 0: all N rows), so its gradient is an
 * unbiased estimate of the full-batch gradient with variance shrinking like 1/B.
 */
import { DENSE_CURVATURE_LIMIT, NETWORK_TRAINING_LIMITS } from './limits';
import {
  hyperParameterSpecs,
  isOptimizerFor,
  methodOf,
  optimizerNamesFor,
  type AnalyticOptimizerName,
  type OptimizerConfig,
  type OptimizerName,
  type OptimizerNameFor,
  type ProblemKind,
} from './optimizers/registry';
import { resolveOptimizer, type ResolvedOptimizerConfig } from './optimizers/validate';
import { COLOR_PATTERN, OPTIMIZER_COLORS, OPTIMIZER_ID_PATTERN, freshOptimizerId } from './runIdentity';

/** One run: its optimizer, a stable id and a display colour; network runs also a minibatch size. */
export interface RunSpec<N extends OptimizerName = OptimizerName> extends OptimizerConfig<N> {
  /** Stable identifier (lower-case letters and digits), unique within the experiment; names a network run's dropout stream. */
  id: string;
  /** CSS colour `#rrggbb` of its path and curves. */
  color: string;
  /** Network runs: rows per minibatch; 0 or absent = the whole training set at every step (full batch). */
  batchSize?: number;
}

/** A run of an analytic experiment: one of the methods offered for analytic functions. */
export type OptimizerRunSpec = RunSpec<AnalyticOptimizerName>;

/** A run of a network experiment: any method, and a batch size. */
export type NetworkRunSpec = RunSpec;

/** The run type of problem kind `K`. */
export type RunSpecFor<K extends ProblemKind> = RunSpec<OptimizerNameFor<K>>;

/** How each kind's runs are spoken of, and whether they have a batch size. */
export const RUN_WORDS: Readonly<Record<ProblemKind, { noun: string; field: string; batched: boolean }>> = {
  analytic: { noun: 'optimizer', field: 'optimizers', batched: false },
  network: { noun: 'run', field: 'runs', batched: true },
};

/**
 * A run of method `name` with every hyper-parameter it uses at its default
 * for `kind` (and, for a network, batch size `batchSize`).
 * @param index position in the list: picks the colour
 * @param takenIds ids already used (the new id avoids them)
 */
export function defaultRun<K extends ProblemKind>(
  kind: K,
  name: OptimizerNameFor<K>,
  index: number,
  takenIds: readonly string[] = [],
  batchSize = 0,
): RunSpecFor<K> {
  const hyperParameters = Object.fromEntries(hyperParameterSpecs(name, kind).map((hyper) => [hyper.key, hyper.defaultValue]));
  return {
    name,
    ...hyperParameters,
    id: freshOptimizerId(takenIds),
    color: OPTIMIZER_COLORS[index % OPTIMIZER_COLORS.length],
    ...(RUN_WORDS[kind].batched ? { batchSize } : {}),
  };
}

/** The optimizer configuration of a run (its id, colour and batch size removed), as the validator takes it. */
export function optimizerConfigOf(spec: RunSpec): OptimizerConfig {
  const { id: _id, color: _color, batchSize: _batchSize, ...config } = spec;
  return config;
}

/** Rows per minibatch of `spec` (0 = full batch). */
export function batchSizeOf(spec: RunSpec): number {
  return spec.batchSize ?? 0;
}

/** The runs checked: every problem, and the optimizer configuration of each run that passed, resolved. */
export interface RunsCheck {
  problems: string[];
  configs: ResolvedOptimizerConfig[];
}

/**
 * Every way the runs of a `kind` experiment break the rules, as sentences
 * naming the run, the field, the accepted values and the value found, and
 * the resolved configuration of every run that is valid.
 * @param count how many runs the experiment may have
 * @param paramCount P of the network, when known: the dense methods are
 *   refused beyond DENSE_CURVATURE_LIMIT parameters (they factorise the P × P matrix)
 */
export function checkRuns(
  kind: ProblemKind,
  runs: readonly RunSpec[],
  count: { min: number; max: number },
  paramCount: number | null = null,
): RunsCheck {
  const { noun, field } = RUN_WORDS[kind];
  const problems: string[] = [];
  const configs: ResolvedOptimizerConfig[] = [];
  if (runs.length < count.min || runs.length > count.max) {
    problems.push(
      count.min > 0
        ? `a ${kind} experiment needs ${count.min} to ${count.max} ${noun}s, got ${runs.length}`
        : `at most ${count.max} ${noun}s, got ${runs.length}`,
    );
  }
  const { batchSize } = NETWORK_TRAINING_LIMITS;
  runs.forEach((spec, index) => {
    const where = `${field}[${index}]`;
    if (!isOptimizerFor(spec.name, kind)) {
      problems.push(`${where}.name must be one of ${optimizerNamesFor(kind).join(', ')}, got "${String(spec.name)}"`);
      return;
    }
    if (!OPTIMIZER_ID_PATTERN.test(spec.id)) problems.push(`${where}.id must be 1–12 lower-case letters or digits, got "${spec.id}"`);
    if (!COLOR_PATTERN.test(spec.color)) problems.push(`${where}.color must be #rrggbb, got "${spec.color}"`);
    const batch = spec.batchSize;
    if (batch !== undefined && !(Number.isInteger(batch) && batch >= batchSize.min && batch <= batchSize.max)) {
      problems.push(`${where}.batchSize must be an integer from ${batchSize.min} (full batch) to ${batchSize.max}, got ${spec.batchSize}`);
    }
    try {
      configs.push(resolveOptimizer(optimizerConfigOf(spec), kind));
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const method = methodOf(spec.name);
    if (method.dense && paramCount !== null && paramCount > DENSE_CURVATURE_LIMIT) {
      problems.push(
        `${where}: ${method.label} factorises the dense Hessian and is offered up to ${DENSE_CURVATURE_LIMIT} parameters; this network has ${paramCount}`,
      );
    }
  });
  const ids = runs.map((spec) => spec.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) problems.push(`${noun} ids must be unique, "${duplicate}" appears twice`);
  return { problems, configs };
}

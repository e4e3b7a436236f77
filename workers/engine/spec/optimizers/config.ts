/**
 * Optimizer configurations: the names, the hyper-parameters (the field
 * names of the fixtures' optimizer objects), their defaults and validation.
 */

/** The optimizers the explorer offers. */
export type OptimizerName =
  | 'sgd'
  | 'momentum'
  | 'nesterov'
  | 'rmsprop'
  | 'adam'
  | 'newton'
  | 'saddle_free_newton';

/** Every optimizer name, in the order the UI lists them. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = [
  'sgd',
  'momentum',
  'nesterov',
  'rmsprop',
  'adam',
  'newton',
  'saddle_free_newton',
];

/**
 * One optimizer and its hyper-parameters; omitted ones take
 * {@link DEFAULT_HYPER_PARAMETERS}, and those that do not apply are ignored.
 */
export interface OptimizerConfig {
  name: OptimizerName;
  /** Learning rate η > 0 (the peak rate when warming up). */
  lr: number;
  /** μ ∈ [0, 1): momentum and Nesterov's velocity decay. */
  momentum?: number;
  /** ρ ∈ [0, 1): RMSprop's decay of the squared-gradient average. */
  rho?: number;
  /** β1 ∈ [0, 1): Adam's decay of the gradient average. */
  beta1?: number;
  /** β2 ∈ [0, 1): Adam's decay of the squared-gradient average. */
  beta2?: number;
  /** ε > 0: RMSprop's and Adam's guard against division by zero. */
  epsilon?: number;
  /** δ ≥ 0 added to the Hessian's eigenvalues by the Newton methods. */
  damping?: number;
  /** W ≥ 0 (integer): the rate ramps linearly, η_t = η · min(1, t / W); 0 turns warm-up off. */
  warmupSteps?: number;
}

/** The optional hyper-parameters' names. */
export type HyperParameterName = Exclude<keyof OptimizerConfig, 'name'>;

/** An {@link OptimizerConfig} with every hyper-parameter present. */
export type ResolvedOptimizerConfig = Required<OptimizerConfig>;

/**
 * Defaults of the optional hyper-parameters: the usual values of the
 * literature (Adam's β1 = 0.9, β2 = 0.999, ε = 1e-8 from Kingma & Ba 2015;
 * μ = ρ = 0.9), a small damping δ = 1e-3 that only matters near a singular
 * Hessian, and no warm-up.
 */
export const DEFAULT_HYPER_PARAMETERS: Readonly<Omit<ResolvedOptimizerConfig, 'name' | 'lr'>> = {
  momentum: 0.9,
  rho: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  damping: 1e-3,
  warmupSteps: 0,
};

/**
 * `config` with defaults filled in, after validation. Throws a RangeError
 * naming the optimizer, the field, the accepted range and the value given.
 */
export function resolveOptimizerConfig(config: OptimizerConfig): ResolvedOptimizerConfig {
  if (!OPTIMIZER_NAMES.includes(config.name)) {
    throw new RangeError(
      `Unknown optimizer "${String(config.name)}"; expected one of ${OPTIMIZER_NAMES.join(', ')}`,
    );
  }
  const resolved: ResolvedOptimizerConfig = { ...DEFAULT_HYPER_PARAMETERS, ...withoutUndefined(config) };
  const fail = (field: string, range: string, value: number): never => {
    throw new RangeError(`Optimizer ${config.name}: ${field} must be ${range}, got ${value}`);
  };
  if (!(Number.isFinite(resolved.lr) && resolved.lr > 0)) fail('lr', 'a finite number > 0', resolved.lr);
  for (const field of ['momentum', 'rho', 'beta1', 'beta2'] as const) {
    const value = resolved[field];
    if (!(value >= 0 && value < 1)) fail(field, 'in [0, 1)', value);
  }
  if (!(Number.isFinite(resolved.epsilon) && resolved.epsilon > 0)) {
    fail('epsilon', 'a finite number > 0', resolved.epsilon);
  }
  if (!(Number.isFinite(resolved.damping) && resolved.damping >= 0)) {
    fail('damping', 'a finite number ≥ 0', resolved.damping);
  }
  if (!(Number.isInteger(resolved.warmupSteps) && resolved.warmupSteps >= 0)) {
    fail('warmupSteps', 'an integer ≥ 0', resolved.warmupSteps);
  }
  return resolved;
}

/** The config without keys whose value is undefined, so that they do not hide the defaults. */
function withoutUndefined(config: OptimizerConfig): OptimizerConfig {
  return Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined),
  ) as unknown as OptimizerConfig;
}

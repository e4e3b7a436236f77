/**
 * Optimizers for training networks: the first-order rules and the dense
 * Newton methods of `optimizers/`, plus Gauss-Newton, a trust-region method and
 * Hessian-free optimisation. Names, hyper-parameters, defaults and checks.
 */
import { MAX_CG_ITERATIONS } from '../limits';
import { OPTIMIZER_NAMES, type OptimizerConfig, type OptimizerName } from './config';

/** Every optimizer a network can be trained with. */
export type NetworkOptimizerName = OptimizerName | 'gauss_newton' | 'trust_region' | 'hessian_free';

/** In the order a menu lists them. */
export const NETWORK_OPTIMIZER_NAMES: readonly NetworkOptimizerName[] = [
  ...OPTIMIZER_NAMES,
  'gauss_newton',
  'trust_region',
  'hessian_free',
];

/**
 * One optimizer and its hyper-parameters; omitted ones take the optimizer's
 * defaults (`NETWORK_OPTIMIZER_INFO`), and those that do not apply are
 * ignored. Every `OptimizerConfig` is a valid value.
 */
export interface NetworkOptimizerConfig extends Partial<Omit<OptimizerConfig, 'name'>> {
  name: NetworkOptimizerName;
  /** Δ₀ > 0: the trust region's initial radius. */
  radius?: number;
  /** Δ_max ≥ Δ₀: the largest radius the trust region may grow to. */
  maxRadius?: number;
  /** η ∈ [0, 0.25): a trust-region step is accepted when ρ > η. */
  acceptRatio?: number;
  /** Most conjugate-gradient iterations per step (integer ≥ 1). */
  cgIterations?: number;
}

/** The optional hyper-parameters' names. */
export type NetworkHyperParameterName = Exclude<keyof NetworkOptimizerConfig, 'name'>;

/** A configuration with every hyper-parameter present. */
export type ResolvedNetworkOptimizerConfig = Required<NetworkOptimizerConfig>;

/** Whether `name` is one of the network optimizers. */
export function isNetworkOptimizerName(name: string): name is NetworkOptimizerName {
  return (NETWORK_OPTIMIZER_NAMES as readonly string[]).includes(name);
}

/** The rule each hyper-parameter must satisfy, as a check and the words of the error. */
const RULES: Record<NetworkHyperParameterName, { holds: (value: number) => boolean; range: string }> = {
  lr: { holds: (v) => Number.isFinite(v) && v > 0, range: 'a finite number > 0' },
  momentum: { holds: (v) => v >= 0 && v < 1, range: 'in [0, 1)' },
  rho: { holds: (v) => v >= 0 && v < 1, range: 'in [0, 1)' },
  beta1: { holds: (v) => v >= 0 && v < 1, range: 'in [0, 1)' },
  beta2: { holds: (v) => v >= 0 && v < 1, range: 'in [0, 1)' },
  epsilon: { holds: (v) => Number.isFinite(v) && v > 0, range: 'a finite number > 0' },
  damping: { holds: (v) => Number.isFinite(v) && v >= 0, range: 'a finite number ≥ 0' },
  warmupSteps: { holds: (v) => Number.isInteger(v) && v >= 0, range: 'an integer ≥ 0' },
  radius: { holds: (v) => Number.isFinite(v) && v > 0, range: 'a finite number > 0' },
  maxRadius: { holds: (v) => Number.isFinite(v) && v > 0, range: 'a finite number > 0' },
  acceptRatio: { holds: (v) => v >= 0 && v < 0.25, range: 'in [0, 0.25)' },
  cgIterations: {
    holds: (v) => Number.isInteger(v) && v >= 1 && v <= MAX_CG_ITERATIONS,
    range: `an integer from 1 to ${MAX_CG_ITERATIONS}`,
  },
};

/**
 * `config` with defaults filled in (the optimizer's own defaults first, see
 * `defaults`), after validation. Throws a RangeError naming the optimizer,
 * the field, the accepted range and the value given.
 */
export function resolveNetworkOptimizerConfig(
  config: NetworkOptimizerConfig,
  defaults: (name: NetworkOptimizerName) => Omit<ResolvedNetworkOptimizerConfig, 'name'>,
): ResolvedNetworkOptimizerConfig {
  if (!isNetworkOptimizerName(config.name)) {
    throw new RangeError(`Unknown optimizer "${String(config.name)}"; expected one of ${NETWORK_OPTIMIZER_NAMES.join(', ')}`);
  }
  const given = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  const resolved = { ...defaults(config.name), ...given } as ResolvedNetworkOptimizerConfig;
  for (const [field, rule] of Object.entries(RULES) as [NetworkHyperParameterName, (typeof RULES)['lr']][]) {
    const value = resolved[field];
    if (typeof value !== 'number' || !rule.holds(value)) {
      throw new RangeError(`Optimizer ${config.name}: ${field} must be ${rule.range}, got ${String(value)}`);
    }
  }
  if (resolved.maxRadius < resolved.radius) {
    throw new RangeError(
      `Optimizer ${config.name}: maxRadius (${resolved.maxRadius}) must be at least radius (${resolved.radius})`,
    );
  }
  return resolved;
}

/**
 * The one validator of optimizer configurations: the rules of
 * `registry.ts` applied to a method and its hyper-parameters for one
 * problem kind. A configuration is checked once, where it enters (the URL
 * reader and the store's edits on the page, the worker's entry in a
 * worker); what it gives back is a {@link ResolvedOptimizerConfig}, the only
 * kind of configuration the engine's optimizers accept.
 */
import {
  HYPER_PARAMETERS,
  HYPER_PARAMETER_NAMES,
  isOptimizerFor,
  optimizerDefaults,
  optimizerNamesFor,
  type HyperParameter,
  type HyperParameterName,
  type OptimizerConfig,
  type OptimizerName,
  type OptimizerNameFor,
  type ProblemKind,
} from './registry';

declare const resolved: unique symbol;

/**
 * A configuration with every hyper-parameter present and valid (those the
 * method does not use at their unused values). Only {@link resolveOptimizer}
 * makes one, so holding one means the configuration was checked.
 */
export type ResolvedOptimizerConfig<N extends OptimizerName = OptimizerName> = { readonly name: N } & Readonly<
  Record<HyperParameterName, number>
> & { readonly [resolved]: true };

/**
 * `config` with the defaults of its method for `kind` filled in, after
 * validation. Throws a RangeError naming the optimizer, the field, the
 * accepted range and the value given (or the methods `kind` offers, for an
 * unknown name).
 */
export function resolveOptimizer<K extends ProblemKind>(
  config: OptimizerConfig,
  kind: K,
): ResolvedOptimizerConfig<OptimizerNameFor<K>> {
  const name: unknown = config.name;
  if (!isOptimizerFor(name, kind)) {
    throw new RangeError(`Unknown optimizer "${String(name)}"; expected one of ${optimizerNamesFor(kind).join(', ')}`);
  }
  const given = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  const values = { ...optimizerDefaults(name, kind), ...given } as Record<HyperParameterName, number>;
  for (const field of HYPER_PARAMETER_NAMES) {
    const { rule }: HyperParameter = HYPER_PARAMETERS[field];
    const value = values[field];
    if (typeof value !== 'number' || !rule.holds(value)) {
      throw new RangeError(`Optimizer ${name}: ${field} must be ${rule.range}, got ${String(value)}`);
    }
  }
  for (const field of HYPER_PARAMETER_NAMES) {
    const { joint }: HyperParameter = HYPER_PARAMETERS[field];
    if (joint && !joint.holds(values)) throw new RangeError(`Optimizer ${name}: ${joint.message(values)}`);
  }
  return { ...values, name } as unknown as ResolvedOptimizerConfig<OptimizerNameFor<K>>;
}

/** Why `config` is refused for `kind` (the message of {@link resolveOptimizer}), or null when it is valid. */
export function optimizerProblem(config: OptimizerConfig, kind: ProblemKind): string | null {
  try {
    resolveOptimizer(config, kind);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

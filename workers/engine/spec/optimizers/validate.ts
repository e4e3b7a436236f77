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
  hyperParameterSpecs,
  isOptimizerFor,
  methodOf,
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

/** "learning rate η": a hyper-parameter as method `name`'s controls call it (a method may rename one, e.g. "initial damping λ₀"). */
function hyperParameterName(name: OptimizerName, field: HyperParameterName, kind: ProblemKind): string {
  const control = hyperParameterSpecs(name, kind).find((spec) => spec.key === field);
  const { label, symbol } = control ?? HYPER_PARAMETERS[field];
  return `${label} ${symbol}`;
}

/**
 * The complete configuration of `config` (its method's defaults for `kind`
 * filled in), or why it is refused, in the words of the run card's controls
 * ("learning rate η must be a finite number > 0, got -1"); the method itself
 * is not named, the caller says whose configuration it is.
 */
function checkConfig(config: OptimizerConfig, kind: ProblemKind): { values: Record<HyperParameterName, number> } | { problem: string } {
  const name: unknown = config.name;
  if (!isOptimizerFor(name, kind)) {
    return { problem: `unknown optimizer "${String(name)}"; expected one of ${optimizerNamesFor(kind).join(', ')}` };
  }
  const given = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  const values = { ...optimizerDefaults(name, kind), ...given } as Record<HyperParameterName, number>;
  for (const field of HYPER_PARAMETER_NAMES) {
    const { rule }: HyperParameter = HYPER_PARAMETERS[field];
    const value = values[field];
    if (typeof value !== 'number' || !rule.holds(value)) {
      return { problem: `${hyperParameterName(name, field, kind)} must be ${rule.range}, got ${String(value)}` };
    }
  }
  for (const field of HYPER_PARAMETER_NAMES) {
    const { joint }: HyperParameter = HYPER_PARAMETERS[field];
    if (joint && !joint.holds(values)) return { problem: joint.message(values) };
  }
  return { values };
}

/**
 * `config` with the defaults of its method for `kind` filled in, after
 * validation. Throws a RangeError naming the optimizer (its label), the
 * hyper-parameter (its control's label and symbol), the accepted range and
 * the value given (or the methods `kind` offers, for an unknown name).
 */
export function resolveOptimizer<K extends ProblemKind>(
  config: OptimizerConfig,
  kind: K,
): ResolvedOptimizerConfig<OptimizerNameFor<K>> {
  const checked = checkConfig(config, kind);
  if ('problem' in checked) {
    const known = isOptimizerFor(config.name, kind);
    throw new RangeError(known ? `${methodOf(config.name).label}: ${checked.problem}` : `Unknown optimizer "${String(config.name)}"; expected one of ${optimizerNamesFor(kind).join(', ')}`);
  }
  return { ...checked.values, name: config.name } as unknown as ResolvedOptimizerConfig<OptimizerNameFor<K>>;
}

/**
 * Why `config` is refused for `kind`, or null when it is valid: the message
 * of {@link resolveOptimizer} without the optimizer's name, for callers that
 * name the run themselves ("learning rate η must be a finite number > 0, got -1").
 */
export function optimizerProblem(config: OptimizerConfig, kind: ProblemKind): string | null {
  const checked = checkConfig(config, kind);
  return 'problem' in checked ? checked.problem : null;
}

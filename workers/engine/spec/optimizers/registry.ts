/**
 * Every optimization method the explorer offers, in one table: its label,
 * its update rule in one line, the problem kinds it applies to, the
 * curvature it needs, and its hyper-parameters. Each hyper-parameter is
 * declared once (URL key, symbol, label, slider, validity rule); each method
 * lists the ones it uses with their defaults per problem kind. Validation
 * (`validate.ts`), defaults, the URL codec, the run cards and every label
 * read this table; adding a hyper-parameter is one entry in
 * {@link HYPER_PARAMETERS}, its use by a method, and its update rule.
 *
 * Pure data (no TensorFlow.js), so the page imports it.
 */
import { MAX_CG_ITERATIONS } from '../limits';

/** What is being optimised: a 2-D analytic function, or a neural network trained on data. */
export type ProblemKind = 'analytic' | 'network';

/** Every problem kind, in the order the mode switch lists them. */
export const PROBLEM_KINDS: readonly ProblemKind[] = ['analytic', 'network'];

/** A hyper-parameter's validity rule: the check, and the words completing "… must be". */
export interface ValueRule {
  holds(value: number): boolean;
  range: string;
}

/** A rule spanning several hyper-parameters of one configuration (given every hyper-parameter by name). */
export interface JointRule {
  holds(config: Readonly<Record<string, number>>): boolean;
  /** Why a configuration breaks it, naming the fields and their values. */
  message(config: Readonly<Record<string, number>>): string;
}

/** One hyper-parameter, as every method that uses it shares it. */
export interface HyperParameter {
  /** Its key in a link's run entry (`lr:0.01`). */
  urlKey: string;
  /** Display name, e.g. "learning rate". */
  label: string;
  /** Mathematical symbol, e.g. "η". */
  symbol: string;
  /** 'log' for rates and tolerances that span decades. */
  scale: 'linear' | 'log';
  integer: boolean;
  /** The slider's range [min, max] unless a method gives its own; values outside it stay valid if they pass `rule`. */
  slider: readonly [number, number];
  rule: ValueRule;
  /** Checked after every field's own rule. */
  joint?: JointRule;
  /** The value a resolved configuration carries for a method that does not use it (where it means nothing). */
  unused: number;
}

const positive: ValueRule = { holds: (v) => Number.isFinite(v) && v > 0, range: 'a finite number > 0' };
const nonNegative: ValueRule = { holds: (v) => Number.isFinite(v) && v >= 0, range: 'a finite number ≥ 0' };
const decayRate: ValueRule = { holds: (v) => v >= 0 && v < 1, range: 'in [0, 1)' };
const wholeNumber: ValueRule = { holds: (v) => Number.isInteger(v) && v >= 0, range: 'an integer ≥ 0' };

/**
 * Every hyper-parameter, in the order configurations are checked and links
 * list them. The unused values are the literature's usual ones (Adam's
 * β1 = 0.9, β2 = 0.999, ε = 1e-8 from Kingma & Ba 2015; μ = ρ = 0.9), a
 * damping δ = 1e-3 that only matters near a singular Hessian, and no warm-up.
 */
export const HYPER_PARAMETERS = {
  /** Learning rate η > 0 (the peak rate when warming up). */
  lr: { urlKey: 'lr', label: 'learning rate', symbol: 'η', scale: 'log', integer: false, slider: [1e-5, 1], rule: positive, unused: 1 },
  /** μ ∈ [0, 1): momentum's and Nesterov's velocity decay. */
  momentum: { urlKey: 'mu', label: 'momentum', symbol: 'μ', scale: 'linear', integer: false, slider: [0, 0.999], rule: decayRate, unused: 0.9 },
  /** ρ ∈ [0, 1): RMSprop's decay of the squared-gradient average. */
  rho: { urlKey: 'rho', label: 'squared-gradient decay', symbol: 'ρ', scale: 'linear', integer: false, slider: [0, 0.999], rule: decayRate, unused: 0.9 },
  /** β1 ∈ [0, 1): Adam's decay of the gradient average. */
  beta1: { urlKey: 'b1', label: 'first-moment decay', symbol: 'β1', scale: 'linear', integer: false, slider: [0, 0.999], rule: decayRate, unused: 0.9 },
  /** β2 ∈ [0, 1): Adam's decay of the squared-gradient average. */
  beta2: { urlKey: 'b2', label: 'second-moment decay', symbol: 'β2', scale: 'linear', integer: false, slider: [0.9, 0.99999], rule: decayRate, unused: 0.999 },
  /** ε > 0: RMSprop's and Adam's guard against division by zero. */
  epsilon: { urlKey: 'eps', label: 'epsilon', symbol: 'ε', scale: 'log', integer: false, slider: [1e-10, 1], rule: positive, unused: 1e-8 },
  /** δ ≥ 0 added to the curvature's eigenvalues (Newton methods, Gauss-Newton); Hessian-free's initial λ. */
  damping: { urlKey: 'd', label: 'damping', symbol: 'δ', scale: 'log', integer: false, slider: [1e-6, 100], rule: nonNegative, unused: 1e-3 },
  /** W ≥ 0 (integer): the rate ramps linearly, η_t = η · min(1, t / W); 0 turns warm-up off. */
  warmupSteps: { urlKey: 'w', label: 'warm-up steps', symbol: 'W', scale: 'linear', integer: true, slider: [0, 1000], rule: wholeNumber, unused: 0 },
  /** Δ₀ > 0: the trust region's initial radius. */
  radius: { urlKey: 'r', label: 'initial radius', symbol: 'Δ₀', scale: 'log', integer: false, slider: [1e-3, 10], rule: positive, unused: 0.5 },
  /** Δ_max ≥ Δ₀: the largest radius the trust region may grow to. */
  maxRadius: {
    urlKey: 'rmax',
    label: 'largest radius',
    symbol: 'Δmax',
    scale: 'log',
    integer: false,
    slider: [1e-2, 100],
    rule: positive,
    joint: {
      holds: (c) => c.maxRadius >= c.radius,
      message: (c) => `maxRadius (${c.maxRadius}) must be at least radius (${c.radius})`,
    },
    unused: 10,
  },
  /** η ∈ [0, 0.25): a trust-region step is accepted when ρ > η. */
  acceptRatio: {
    urlKey: 'acc',
    label: 'acceptance ratio',
    symbol: 'η',
    scale: 'linear',
    integer: false,
    slider: [0, 0.24],
    rule: { holds: (v) => v >= 0 && v < 0.25, range: 'in [0, 0.25)' },
    unused: 0.1,
  },
  /** Most conjugate-gradient iterations per step (an integer from 1 to MAX_CG_ITERATIONS). */
  cgIterations: {
    urlKey: 'cg',
    label: 'CG iterations',
    symbol: 'k',
    scale: 'linear',
    integer: true,
    slider: [1, 200],
    rule: { holds: (v) => Number.isInteger(v) && v >= 1 && v <= MAX_CG_ITERATIONS, range: `an integer from 1 to ${MAX_CG_ITERATIONS}` },
    unused: 20,
  },
} as const satisfies Record<string, HyperParameter>;

/** A hyper-parameter's name: the field of a configuration that holds it. */
export type HyperParameterName = keyof typeof HYPER_PARAMETERS;

/** Every hyper-parameter's name, in the table's order. */
export const HYPER_PARAMETER_NAMES = Object.keys(HYPER_PARAMETERS) as HyperParameterName[];

/** One hyper-parameter as a method uses it. */
export interface HyperParameterUse {
  key: HyperParameterName;
  /** The default for each problem kind the method applies to; one number when they agree. */
  defaults: number | Readonly<Record<ProblemKind, number>>;
  /** The method's own slider range, label or symbol, where they differ from the hyper-parameter's. */
  slider?: readonly [number, number];
  label?: string;
  symbol?: string;
}

/** One method's entry in {@link OPTIMIZER_METHODS}. */
export interface OptimizerMethod {
  label: string;
  /** The update rule in one line of plain Unicode. */
  rule: string;
  /** The problem kinds it is offered for. */
  kinds: readonly ProblemKind[];
  /** The curvature matrix it uses: none (first-order), the Hessian H or the Gauss-Newton matrix G. */
  curvature: 'none' | 'hessian' | 'gauss_newton';
  /** Whether it forms and factorises the dense P×P curvature at every step (so is offered up to DENSE_CURVATURE_LIMIT parameters). */
  dense: boolean;
  /** The hyper-parameters it uses, the step-size control first. */
  hyperParameters: readonly HyperParameterUse[];
}

const BOTH = ['analytic', 'network'] as const;
const NETWORK = ['network'] as const;

/** A learning rate whose analytic default suits the functions' default starts and whose network default suits the data sets. */
const learningRate = (analytic: number, network: number) => ({ key: 'lr', defaults: { analytic, network } }) as const;
const warmup = { key: 'warmupSteps', defaults: 0 } as const;

/**
 * Every method, in the order menus list them. The first-order rules are
 * TensorFlow.js's own; see `optimizers/rules.ts` for the arithmetic.
 */
export const OPTIMIZER_METHODS = {
  sgd: {
    label: 'Gradient descent',
    rule: 'θ ← θ − η g',
    kinds: BOTH,
    curvature: 'none',
    dense: false,
    hyperParameters: [learningRate(1e-3, 0.1), warmup],
  },
  momentum: {
    label: 'Momentum',
    rule: 'm ← μ m + g;  θ ← θ − η m',
    kinds: BOTH,
    curvature: 'none',
    dense: false,
    hyperParameters: [learningRate(5e-4, 0.02), { key: 'momentum', defaults: 0.9 }, warmup],
  },
  nesterov: {
    label: 'Nesterov momentum',
    rule: 'm ← μ m + g;  θ ← θ − η (g + μ m)',
    kinds: BOTH,
    curvature: 'none',
    dense: false,
    hyperParameters: [learningRate(5e-4, 0.02), { key: 'momentum', defaults: 0.9 }, warmup],
  },
  rmsprop: {
    label: 'RMSprop',
    rule: 'v ← ρ v + (1−ρ) g²;  θ ← θ − η g / √(v + ε)',
    kinds: BOTH,
    curvature: 'none',
    dense: false,
    hyperParameters: [learningRate(1e-2, 3e-3), { key: 'rho', defaults: 0.9 }, { key: 'epsilon', defaults: 1e-8 }, warmup],
  },
  adam: {
    label: 'Adam',
    rule: 'm ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;  θ ← θ − η m̂ / (√v̂ + ε)',
    kinds: BOTH,
    curvature: 'none',
    dense: false,
    hyperParameters: [
      learningRate(2e-2, 1e-2),
      { key: 'beta1', defaults: 0.9 },
      { key: 'beta2', defaults: 0.999 },
      { key: 'epsilon', defaults: 1e-8 },
      warmup,
    ],
  },
  newton: {
    label: 'Newton',
    rule: 'θ ← θ − η (H + δ I)⁻¹ g',
    kinds: BOTH,
    curvature: 'hessian',
    dense: true,
    // An indefinite network Hessian has eigenvalues near 0; δ = 0.1 keeps the steps along them finite.
    hyperParameters: [
      { key: 'lr', defaults: 1, slider: [1e-3, 2] },
      { key: 'damping', defaults: { analytic: 1e-3, network: 0.1 } },
      warmup,
    ],
  },
  saddle_free_newton: {
    label: 'Saddle-free Newton',
    rule: 'θ ← θ − η (|H| + δ I)⁻¹ g',
    kinds: BOTH,
    curvature: 'hessian',
    dense: true,
    hyperParameters: [
      { key: 'lr', defaults: { analytic: 0.5, network: 1 }, slider: [1e-3, 2] },
      { key: 'damping', defaults: { analytic: 1e-3, network: 0.1 } },
      warmup,
    ],
  },
  gauss_newton: {
    label: 'Gauss-Newton',
    rule: 'θ ← θ − η (G + δ I)⁻¹ g,  G = Jᵀ H_L J (dense for P ≤ 1000, else CG)',
    kinds: NETWORK,
    curvature: 'gauss_newton',
    dense: false,
    hyperParameters: [
      { key: 'lr', defaults: 1, slider: [1e-3, 2] },
      { key: 'damping', defaults: 1e-2 },
      { key: 'cgIterations', defaults: 50 },
      warmup,
    ],
  },
  trust_region: {
    label: 'Trust region (Steihaug CG)',
    rule: 'p ≈ argmin_{‖p‖≤Δ} gᵀp + ½ pᵀHp;  ρ = actual / predicted decrease;  Δ ← ¼Δ if ρ < ¼, 2Δ if ρ > ¾ at the boundary',
    kinds: NETWORK,
    curvature: 'hessian',
    dense: false,
    hyperParameters: [
      { key: 'radius', defaults: 0.5 },
      { key: 'maxRadius', defaults: 10 },
      { key: 'acceptRatio', defaults: 0.1 },
      { key: 'cgIterations', defaults: 20 },
    ],
  },
  hessian_free: {
    label: 'Hessian-free (Martens 2010)',
    rule: 'p ≈ −(G + λI)⁻¹ g by CG from 0.95·p_prev;  λ ← 3λ/2 if ρ < ¼, 2λ/3 if ρ > ¾',
    kinds: NETWORK,
    curvature: 'gauss_newton',
    dense: false,
    hyperParameters: [
      { key: 'damping', defaults: 1, slider: [1e-4, 100], label: 'initial damping', symbol: 'λ₀' },
      { key: 'cgIterations', defaults: 20 },
    ],
  },
} as const satisfies Record<string, OptimizerMethod>;

/** Every method's name. */
export type OptimizerName = keyof typeof OPTIMIZER_METHODS;

/** The methods offered for problem kind `K`. */
export type OptimizerNameFor<K extends ProblemKind> = {
  [N in OptimizerName]: K extends (typeof OPTIMIZER_METHODS)[N]['kinds'][number] ? N : never;
}[OptimizerName];

/** The methods offered for analytic functions. */
export type AnalyticOptimizerName = OptimizerNameFor<'analytic'>;

/** Every method's name, in the order menus list them. */
export const OPTIMIZER_NAMES = Object.keys(OPTIMIZER_METHODS) as OptimizerName[];

/** The names of the methods offered for `kind`, in menu order. */
export function optimizerNamesFor<K extends ProblemKind>(kind: K): readonly OptimizerNameFor<K>[] {
  return NAMES_BY_KIND[kind] as readonly OptimizerNameFor<K>[];
}

/** Whether `name` is a method offered for `kind`. */
export function isOptimizerFor<K extends ProblemKind>(name: unknown, kind: K): name is OptimizerNameFor<K> {
  return (NAMES_BY_KIND[kind] as readonly unknown[]).includes(name);
}

/** The entry of method `name`. */
export function methodOf(name: OptimizerName): OptimizerMethod {
  return OPTIMIZER_METHODS[name];
}

/**
 * A method, its hyper-parameters and their values, as an experiment's run
 * holds it: hyper-parameters left out take the method's defaults for the
 * problem kind, those it does not use are ignored.
 */
export type OptimizerConfig<N extends OptimizerName = OptimizerName> = { name: N } & { [K in HyperParameterName]?: number };

/** One hyper-parameter control as method `name` shows it for one problem kind. */
export interface HyperParameterSpec {
  key: HyperParameterName;
  urlKey: string;
  label: string;
  symbol: string;
  /** Value used when the run does not set it. */
  defaultValue: number;
  /** Slider range; values outside it are still valid if they pass the rule. */
  min: number;
  max: number;
  scale: 'linear' | 'log';
  integer: boolean;
}

function controlOf(use: HyperParameterUse, kind: ProblemKind): HyperParameterSpec {
  const shared: HyperParameter = HYPER_PARAMETERS[use.key];
  const [min, max] = use.slider ?? shared.slider;
  return {
    key: use.key,
    urlKey: shared.urlKey,
    label: use.label ?? shared.label,
    symbol: use.symbol ?? shared.symbol,
    defaultValue: typeof use.defaults === 'number' ? use.defaults : use.defaults[kind],
    min,
    max,
    scale: shared.scale,
    integer: shared.integer,
  };
}

/** The methods offered for `kind`, in menu order. */
function namesOffered(kind: ProblemKind): readonly OptimizerName[] {
  return OPTIMIZER_NAMES.filter((name) => (methodOf(name).kinds as readonly ProblemKind[]).includes(kind));
}

/** Every method's controls for `kind`. */
function controlsFor(kind: ProblemKind): Record<OptimizerName, readonly HyperParameterSpec[]> {
  const controls = {} as Record<OptimizerName, readonly HyperParameterSpec[]>;
  for (const name of OPTIMIZER_NAMES) controls[name] = methodOf(name).hyperParameters.map((use) => controlOf(use, kind));
  return controls;
}

// Computed once, so components get the same arrays every render.
const NAMES_BY_KIND: Record<ProblemKind, readonly OptimizerName[]> = { analytic: namesOffered('analytic'), network: namesOffered('network') };
const CONTROLS: Record<ProblemKind, Record<OptimizerName, readonly HyperParameterSpec[]>> = {
  analytic: controlsFor('analytic'),
  network: controlsFor('network'),
};

/** The controls of method `name` for problem kind `kind`: its hyper-parameters with their defaults and slider ranges. */
export function hyperParameterSpecs(name: OptimizerName, kind: ProblemKind): readonly HyperParameterSpec[] {
  return CONTROLS[kind][name];
}

/**
 * Every hyper-parameter of method `name` at its default for `kind`: those it
 * uses at the method's defaults, the rest at their unused values.
 */
export function optimizerDefaults(name: OptimizerName, kind: ProblemKind): Record<HyperParameterName, number> {
  const unused = Object.fromEntries(HYPER_PARAMETER_NAMES.map((key) => [key, HYPER_PARAMETERS[key].unused]));
  const listed = Object.fromEntries(hyperParameterSpecs(name, kind).map((spec) => [spec.key, spec.defaultValue]));
  return { ...unused, ...listed } as Record<HyperParameterName, number>;
}

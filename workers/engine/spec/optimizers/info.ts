/**
 * What the UI needs to offer each optimizer: a label, a one-line summary,
 * which hyper-parameters apply, their defaults and sensible slider ranges.
 */
import { DEFAULT_HYPER_PARAMETERS, type HyperParameterName, type OptimizerName } from './config';

/** One hyper-parameter control. */
export interface HyperParameterSpec {
  key: HyperParameterName;
  /** Display name, e.g. "learning rate". */
  label: string;
  /** Mathematical symbol, e.g. "η". */
  symbol: string;
  /** Value used when the experiment does not set it. */
  defaultValue: number;
  /** Slider range; values outside it are still valid if they pass validation. */
  min: number;
  max: number;
  /** 'log' for rates and tolerances that span decades. */
  scale: 'linear' | 'log';
  integer: boolean;
}

/** One optimizer's entry in {@link OPTIMIZER_INFO}. */
export interface OptimizerInfo {
  name: OptimizerName;
  label: string;
  /** The update rule in one line of plain Unicode. */
  summary: string;
  needsHessian: boolean;
  /** The hyper-parameters that apply, learning rate first. */
  hyperParameters: readonly HyperParameterSpec[];
}

/** A learning-rate control; the default suits the analytic functions' default starts. */
const learningRate = (defaultValue: number, min: number, max: number): HyperParameterSpec => ({
  key: 'lr',
  label: 'learning rate',
  symbol: 'η',
  defaultValue,
  min,
  max,
  scale: 'log',
  integer: false,
});

/** A decay-rate control (a number in [0, 1)). */
const decay = (
  key: 'momentum' | 'rho' | 'beta1' | 'beta2',
  label: string,
  symbol: string,
  min: number,
  max: number,
): HyperParameterSpec => ({
  key,
  label,
  symbol,
  defaultValue: DEFAULT_HYPER_PARAMETERS[key],
  min,
  max,
  scale: 'linear',
  integer: false,
});

const MOMENTUM = decay('momentum', 'momentum', 'μ', 0, 0.999);
const RHO = decay('rho', 'squared-gradient decay', 'ρ', 0, 0.999);
const BETA1 = decay('beta1', 'first-moment decay', 'β1', 0, 0.999);
const BETA2 = decay('beta2', 'second-moment decay', 'β2', 0.9, 0.99999);
const EPSILON: HyperParameterSpec = {
  key: 'epsilon',
  label: 'epsilon',
  symbol: 'ε',
  defaultValue: DEFAULT_HYPER_PARAMETERS.epsilon,
  min: 1e-10,
  max: 1,
  scale: 'log',
  integer: false,
};
const DAMPING: HyperParameterSpec = {
  key: 'damping',
  label: 'damping',
  symbol: 'δ',
  defaultValue: DEFAULT_HYPER_PARAMETERS.damping,
  min: 1e-6,
  max: 100,
  scale: 'log',
  integer: false,
};
const WARMUP: HyperParameterSpec = {
  key: 'warmupSteps',
  label: 'warm-up steps',
  symbol: 'W',
  defaultValue: DEFAULT_HYPER_PARAMETERS.warmupSteps,
  min: 0,
  max: 1000,
  scale: 'linear',
  integer: true,
};

/** Labels, update rules, hyper-parameters, defaults and UI ranges of every optimizer. */
export const OPTIMIZER_INFO: Readonly<Record<OptimizerName, OptimizerInfo>> = {
  sgd: {
    name: 'sgd',
    label: 'Gradient descent',
    summary: 'θ ← θ − η g',
    needsHessian: false,
    hyperParameters: [learningRate(1e-3, 1e-5, 1), WARMUP],
  },
  momentum: {
    name: 'momentum',
    label: 'Momentum',
    summary: 'm ← μ m + g;  θ ← θ − η m',
    needsHessian: false,
    hyperParameters: [learningRate(5e-4, 1e-5, 1), MOMENTUM, WARMUP],
  },
  nesterov: {
    name: 'nesterov',
    label: 'Nesterov momentum',
    summary: 'm ← μ m + g;  θ ← θ − η (g + μ m)',
    needsHessian: false,
    hyperParameters: [learningRate(5e-4, 1e-5, 1), MOMENTUM, WARMUP],
  },
  rmsprop: {
    name: 'rmsprop',
    label: 'RMSprop',
    summary: 'v ← ρ v + (1−ρ) g²;  θ ← θ − η g / √(v + ε)',
    needsHessian: false,
    hyperParameters: [learningRate(1e-2, 1e-5, 1), RHO, EPSILON, WARMUP],
  },
  adam: {
    name: 'adam',
    label: 'Adam',
    summary: 'm ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;  θ ← θ − η m̂ / (√v̂ + ε)',
    needsHessian: false,
    hyperParameters: [learningRate(2e-2, 1e-5, 1), BETA1, BETA2, EPSILON, WARMUP],
  },
  newton: {
    name: 'newton',
    label: 'Newton',
    summary: 'θ ← θ − η (H + δ I)⁻¹ g',
    needsHessian: true,
    hyperParameters: [learningRate(1, 1e-3, 2), DAMPING, WARMUP],
  },
  saddle_free_newton: {
    name: 'saddle_free_newton',
    label: 'Saddle-free Newton',
    summary: 'θ ← θ − η (|H| + δ I)⁻¹ g',
    needsHessian: true,
    hyperParameters: [learningRate(0.5, 1e-3, 2), DAMPING, WARMUP],
  },
};

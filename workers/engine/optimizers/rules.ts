/**
 * The update rules, exactly as in the fixture README. With g the gradient,
 * t the step number from 1, η_t the (warmed-up) learning rate and m, v
 * starting at zero:
 *
 * | optimizer            | update                                                              |
 * |----------------------|---------------------------------------------------------------------|
 * | sgd                  | θ ← θ − η g                                                         |
 * | momentum             | m ← μ m + g;  θ ← θ − η m                                           |
 * | nesterov             | m ← μ m + g;  θ ← θ − η (g + μ m)                                   |
 * | rmsprop              | v ← ρ v + (1−ρ) g²;  θ ← θ − η g / √(v + ε)                         |
 * | adam                 | m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;                         |
 * |                      | θ ← θ − η (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)                      |
 * | newton               | θ ← θ − η Q diag(1/(λ + δ)) Qᵀ g,  H = Q diag(λ) Qᵀ                 |
 * | saddle_free_newton   | θ ← θ − η Q diag(1/(|λ| + δ)) Qᵀ g                                  |
 *
 * (sgd, momentum, nesterov, rmsprop and adam are TensorFlow.js's own rules.)
 * All arithmetic is float64.
 */
import type { AnalyticOptimizerName } from '../spec/optimizers/registry';
import type { ResolvedOptimizerConfig } from '../spec/optimizers/validate';
import { newtonDirection } from './newtonDirection';

/**
 * The learning rate of step t (from 1) with linear warm-up: η_t = η · min(1, t / W)
 * while warming up over W > 0 steps, else η. Every method with a learning rate uses it.
 */
export function learningRateAt(config: { readonly lr: number; readonly warmupSteps: number }, t: number): number {
  return config.warmupSteps > 0 ? config.lr * Math.min(1, t / config.warmupSteps) : config.lr;
}

/** Everything one update needs; `params`, `m` and `v` are updated in place. */
export interface StepContext {
  config: ResolvedOptimizerConfig<AnalyticOptimizerName>;
  /** Step number, from 1. */
  t: number;
  /** Learning rate of this step, warm-up applied. */
  lr: number;
  params: Float64Array;
  grad: Float64Array;
  /** n×n row-major; present for the Newton methods. */
  hessian: Float64Array | undefined;
  /** First-moment / velocity state. */
  m: Float64Array;
  /** Second-moment state. */
  v: Float64Array;
}

/** One optimizer's update: changes `params` (and its state `m`, `v`) in place. */
export type UpdateRule = (context: StepContext) => void;

const sgd: UpdateRule = ({ lr, params, grad }) => {
  for (let i = 0; i < params.length; i++) params[i] -= lr * grad[i];
};

const momentum: UpdateRule = ({ config, lr, params, grad, m }) => {
  for (let i = 0; i < params.length; i++) {
    m[i] = config.momentum * m[i] + grad[i];
    params[i] -= lr * m[i];
  }
};

const nesterov: UpdateRule = ({ config, lr, params, grad, m }) => {
  for (let i = 0; i < params.length; i++) {
    m[i] = config.momentum * m[i] + grad[i];
    params[i] -= lr * (grad[i] + config.momentum * m[i]);
  }
};

const rmsprop: UpdateRule = ({ config, lr, params, grad, v }) => {
  for (let i = 0; i < params.length; i++) {
    v[i] = config.rho * v[i] + (1 - config.rho) * grad[i] * grad[i];
    params[i] -= (lr * grad[i]) / Math.sqrt(v[i] + config.epsilon);
  }
};

const adam: UpdateRule = ({ config, t, lr, params, grad, m, v }) => {
  const { beta1, beta2, epsilon } = config;
  const firstCorrection = 1 - beta1 ** t;
  const secondCorrection = 1 - beta2 ** t;
  for (let i = 0; i < params.length; i++) {
    m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
    v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
    params[i] -= (lr * (m[i] / firstCorrection)) / (Math.sqrt(v[i] / secondCorrection) + epsilon);
  }
};

/** Newton-type update; a Hessian with a non-finite entry makes the step (and θ) NaN. */
function newtonRule(map: 'signed' | 'absolute'): UpdateRule {
  return ({ config, lr, params, grad, hessian }) => {
    if (hessian === undefined) throw new Error(`Optimizer ${config.name} needs the Hessian`);
    // The eigen-solver's iteration is only meaningful for finite input.
    const direction = hessian.every(Number.isFinite)
      ? newtonDirection(hessian, grad, config.damping, map)
      : new Float64Array(params.length).fill(Number.NaN);
    for (let i = 0; i < params.length; i++) params[i] -= lr * direction[i];
  };
}

/** The rule of every optimizer. */
export const UPDATE_RULES: Record<AnalyticOptimizerName, UpdateRule> = {
  sgd,
  momentum,
  nesterov,
  rmsprop,
  adam,
  newton: newtonRule('signed'),
  saddle_free_newton: newtonRule('absolute'),
};

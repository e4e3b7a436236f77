/**
 * A full-batch descent loop over one network's parameters, for experiments
 * that drive a network through phases of their own (train on task A, then
 * on task B; train a curve; train with a curvature penalty) rather than the
 * side-by-side runs of a `TrainingSession`.
 *
 * Step t (from 1) at θ_{t−1}:
 *   1. (L_t, g_t) = rule(θ_{t−1}, t), the gradient rule: the plain gradient
 *      ∇L, or a surrogate (SAM, a curvature penalty; see
 *      `curvatureRegularization.ts`);
 *   2. optionally g_t ← P g_t for a linear projection P (orthogonal gradient
 *      descent), then the optimizer's update θ_{t−1} → θ' (the engine's
 *      update rules, `optimizers/rules.ts`, float64 master copy);
 *   3. with a projection, the update itself is projected as well:
 *      θ_t = θ_{t−1} + P (θ' − θ_{t−1}), so that the step stays in range(P)
 *      for every rule (Adam's element-wise scaling would leave it).
 * A step whose loss or gradient is not finite stops the loop at that step.
 */
import { createOptimizer, type RuleConfig } from '../optimizers/optimizers';
import { throwIfAborted, type LongRunOptions } from '../math/krylov/operator';
import type { NetworkObjective } from '../networks/regularizedObjective';

/** What a gradient rule evaluates: a loss and its gradient at float32 parameters. */
export type GradientModel = Pick<NetworkObjective, 'paramCount' | 'lossAndGrad'>;

/** One step's loss and the direction handed to the optimizer. */
export interface RuleGradient {
  /** L(θ), the objective at the current parameters (without any penalty). */
  loss: number;
  /** The direction the optimizer descends along (∇L for plain training). */
  grad: Float32Array;
  /** The penalty's value at θ where the rule adds one (an estimate for the trace penalty), else 0. */
  penalty: number;
  /** Gradient evaluations plus curvature products the rule spent. */
  evaluations: number;
}

/** The loss and direction of step t (from 1) at θ. */
export type GradientRule = (params: Float32Array, step: number) => Promise<RuleGradient>;

/** The plain gradient rule: (L(θ), ∇L(θ)), one evaluation. */
export function plainGradient(model: GradientModel): GradientRule {
  return async (params) => {
    const { loss, grad } = await model.lossAndGrad(params);
    return { loss, grad, penalty: 0, evaluations: 1 };
  };
}

/** How long and how a descent runs. */
export interface DescentOptions extends LongRunOptions {
  optimizer: RuleConfig;
  /** Updates to apply, an integer ≥ 0. */
  steps: number;
  /** A linear projection applied in place to each gradient and each update (see the module comment). */
  project?: (vector: Float64Array) => void;
  /** Calls `observe` after every `observeEvery`-th update (default 1). */
  observeEvery?: number;
  /** Called with the step and a copy of θ_t after the updates `observeEvery` divides. */
  observe?: (step: number, params: Float32Array) => Promise<void> | void;
}

/** What a descent did. */
export interface DescentResult {
  /** θ after the last completed update (float32, as the objectives take it). */
  params: Float32Array;
  /** L_t of each completed update, at θ_{t−1}. */
  losses: Float64Array;
  /** The penalty of each completed update (0 without one). */
  penalties: Float64Array;
  /** Evaluations the rule spent, all steps together. */
  evaluations: number;
  /** The step whose loss or gradient was not finite, or null when every step completed. */
  divergedAt: number | null;
}

/**
 * Runs `options.steps` updates of `rule` with `options.optimizer` from
 * `start` (not modified). Progress: (steps done, steps); cancellation is
 * checked before every step.
 */
export async function descend(start: Float32Array, rule: GradientRule, options: DescentOptions): Promise<DescentResult> {
  const { steps } = options;
  const every = options.observeEvery ?? 1;
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be an integer ≥ 0, got ${steps}`);
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`observeEvery must be an integer ≥ 1, got ${every}`);
  const n = start.length;
  const optimizer = createOptimizer(options.optimizer, n);
  const params = Float64Array.from(start);
  const before = new Float64Array(n);
  let current = Float32Array.from(start);
  const losses: number[] = [];
  const penalties: number[] = [];
  let evaluations = 0;
  let divergedAt: number | null = null;
  for (let t = 1; t <= steps; t++) {
    throwIfAborted(options.signal);
    const value = await rule(current, t);
    evaluations += value.evaluations;
    if (!Number.isFinite(value.loss) || !value.grad.every(Number.isFinite)) {
      divergedAt = t;
      break;
    }
    const grad = Float64Array.from(value.grad);
    before.set(params);
    if (options.project !== undefined) options.project(grad);
    optimizer.step(params, grad);
    if (options.project !== undefined) {
      const update = Float64Array.from(params, (p, i) => p - before[i]);
      options.project(update);
      for (let i = 0; i < n; i++) params[i] = before[i] + update[i];
    }
    current = Float32Array.from(params);
    losses.push(value.loss);
    penalties.push(value.penalty);
    if (options.observe !== undefined && t % every === 0) await options.observe(t, Float32Array.from(current));
    options.onProgress?.(t, steps);
  }
  return {
    params: current,
    losses: Float64Array.from(losses),
    penalties: Float64Array.from(penalties),
    evaluations,
    divergedAt,
  };
}

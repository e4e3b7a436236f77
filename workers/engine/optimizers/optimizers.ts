/**
 * Optimizers over a flat float64 parameter vector: stateful objects that
 * apply one update rule (see rules.ts) per call, with optional linear
 * learning-rate warm-up.
 */
import { methodOf, type AnalyticOptimizerName, type OptimizerName } from '../spec/optimizers/registry';
import type { ResolvedOptimizerConfig } from '../spec/optimizers/validate';
import { UPDATE_RULES, learningRateAt } from './rules';

/** A configuration of one of the rules here (the analytic functions' methods), checked by `resolveOptimizer`. */
export type RuleConfig = ResolvedOptimizerConfig<AnalyticOptimizerName>;

/** A running optimizer: its hyper-parameters, its step count and its moment state. */
export interface Optimizer {
  /** The configuration with every default filled in. */
  readonly config: RuleConfig;
  /** Updates applied so far (t of the last update; 0 before the first). */
  readonly stepCount: number;
  /**
   * Applies update t = stepCount + 1 to `params` in place, from the gradient
   * `grad` at `params` and, for the Newton methods, the n×n row-major
   * Hessian `hessian` there. Throws (leaving everything unchanged) if a
   * length is wrong or a needed Hessian is missing.
   */
  step(params: Float64Array, grad: Float64Array, hessian?: Float64Array): void;
  /** Forgets the moments and the step count, as if newly created. */
  reset(): void;
}

/** Whether `name` needs the dense Hessian at every step (the Newton methods). */
export function optimizerNeedsHessian(name: OptimizerName): boolean {
  const method = methodOf(name);
  return method.curvature === 'hessian' && method.dense;
}

/**
 * A fresh optimizer for `dim` parameters, from a configuration already
 * checked (`resolveOptimizer`); throws a RangeError unless `dim` is an integer ≥ 1.
 */
export function createOptimizer(config: RuleConfig, dim: number): Optimizer {
  if (!Number.isInteger(dim) || dim < 1) {
    throw new RangeError(`Optimizer dimension must be an integer ≥ 1, got ${dim}`);
  }
  return new FlatOptimizer(config, dim);
}

class FlatOptimizer implements Optimizer {
  private t = 0;
  private readonly m: Float64Array;
  private readonly v: Float64Array;

  constructor(
    readonly config: RuleConfig,
    private readonly dim: number,
  ) {
    this.m = new Float64Array(dim);
    this.v = new Float64Array(dim);
  }

  get stepCount(): number {
    return this.t;
  }

  step(params: Float64Array, grad: Float64Array, hessian?: Float64Array): void {
    const { name } = this.config;
    const n = this.dim;
    if (params.length !== n || grad.length !== n) {
      throw new RangeError(
        `Optimizer ${name}: expected ${n} parameters and gradient entries, got ${params.length} and ${grad.length}`,
      );
    }
    if (optimizerNeedsHessian(name) && hessian?.length !== n * n) {
      throw new RangeError(
        `Optimizer ${name} needs the ${n}×${n} Hessian (${n * n} entries), got ${hessian?.length ?? 'none'}`,
      );
    }
    const t = this.t + 1;
    UPDATE_RULES[name]({
      config: this.config,
      t,
      lr: learningRateAt(this.config, t),
      params,
      grad,
      hessian,
      m: this.m,
      v: this.v,
    });
    this.t = t;
  }

  reset(): void {
    this.t = 0;
    this.m.fill(0);
    this.v.fill(0);
  }
}

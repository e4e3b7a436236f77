/**
 * Creating any network optimizer from its configuration: the first-order
 * rules and dense (saddle-free) Newton of `rules.ts`, adapted to the
 * asynchronous step of a network run, and the second-order methods of
 * `secondOrder/`.
 */
import { createOptimizer, optimizerNeedsHessian, type Optimizer, type RuleConfig } from './optimizers';
import { learningRateAt } from './rules';
import { DENSE_CURVATURE_LIMIT } from '../spec/limits';
import { isOptimizerFor, methodOf, type AnalyticOptimizerName } from '../spec/optimizers/registry';
import type { ResolvedOptimizerConfig } from '../spec/optimizers/validate';
import { float32, plainReport, type NetworkOptimizer, type StepInput, type StepReport } from './optimizerTypes';
import { GaussNewtonOptimizer } from './secondOrder/gaussNewton';
import { HessianFreeOptimizer } from './secondOrder/hessianFree';
import { TrustRegionOptimizer } from './secondOrder/trustRegion';

/** One of the first-order rules; the Newton methods get the dense Hessian of the step's objective. */
class OptimRuleOptimizer implements NetworkOptimizer {
  readonly name: AnalyticOptimizerName;
  readonly usesCurvature: boolean;
  private readonly rule: Optimizer;

  constructor(
    readonly config: RuleConfig,
    private readonly dim: number,
  ) {
    this.name = config.name;
    this.rule = createOptimizer(config, dim);
    this.usesCurvature = optimizerNeedsHessian(config.name);
  }

  get stepCount(): number {
    return this.rule.stepCount;
  }

  async step({ params, grad, objective }: StepInput): Promise<StepReport> {
    const hessian = this.usesCurvature ? await objective.fullHessian(float32(params)) : undefined;
    this.rule.step(params, grad, hessian);
    const report = plainReport(learningRateAt(this.rule.config, this.rule.stepCount), this.usesCurvature ? this.dim : 0);
    return this.usesCurvature ? { ...report, damping: this.config.damping } : report;
  }

  reset(): void {
    this.rule.reset();
  }
}

/**
 * A fresh optimizer for `dim` parameters from a configuration already
 * checked (`resolveOptimizer`); refuses the dense methods beyond
 * DENSE_CURVATURE_LIMIT parameters (RangeError).
 */
export function createNetworkOptimizer(config: ResolvedOptimizerConfig, dim: number): NetworkOptimizer {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`Optimizer dimension must be an integer ≥ 1, got ${dim}`);
  if (methodOf(config.name).dense && dim > DENSE_CURVATURE_LIMIT) {
    throw new RangeError(
      `Optimizer ${config.name} needs the dense ${dim}×${dim} Hessian; it is offered up to ${DENSE_CURVATURE_LIMIT} parameters (use trust_region or hessian_free)`,
    );
  }
  switch (config.name) {
    case 'gauss_newton':
      return new GaussNewtonOptimizer(config, dim);
    case 'trust_region':
      return new TrustRegionOptimizer(config);
    case 'hessian_free':
      return new HessianFreeOptimizer(config);
    default:
      // The methods offered for analytic functions are exactly those with a rule of rules.ts.
      if (!isOptimizerFor(config.name, 'analytic')) throw new RangeError(`Optimizer ${config.name} has no update rule`);
      return new OptimRuleOptimizer(config as RuleConfig, dim);
  }
}

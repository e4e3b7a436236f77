/**
 * Creating any network optimizer from its configuration: the first-order
 * rules and dense (saddle-free) Newton of `rules.ts`, adapted to the
 * asynchronous step of a network run, and the second-order methods of
 * `secondOrder/`.
 */
import {
  createOptimizer,
  learningRateAt,
  optimizerNeedsHessian,
  type Optimizer,
  type OptimizerConfig,
  type OptimizerName,
} from './optimizers';
import { type ResolvedNetworkOptimizerConfig, type NetworkOptimizerConfig } from '../spec/optimizers/networkConfig';
import { DENSE_CURVATURE_LIMIT } from '../spec/limits';
import { resolveNetworkOptimizer } from '../spec/optimizers/networkInfo';
import { float32, plainReport, type NetworkOptimizer, type StepInput, type StepReport } from './optimizerTypes';
import { GaussNewtonOptimizer } from './secondOrder/gaussNewton';
import { HessianFreeOptimizer } from './secondOrder/hessianFree';
import { TrustRegionOptimizer } from './secondOrder/trustRegion';

/** One of the first-order rules; the Newton methods get the dense Hessian of the step's objective. */
class OptimRuleOptimizer implements NetworkOptimizer {
  readonly usesCurvature: boolean;
  private readonly rule: Optimizer;

  constructor(
    readonly config: ResolvedNetworkOptimizerConfig,
    readonly name: OptimizerName,
    private readonly dim: number,
  ) {
    const { lr, momentum, rho, beta1, beta2, epsilon, damping, warmupSteps } = config;
    const ruleConfig: OptimizerConfig = { name, lr, momentum, rho, beta1, beta2, epsilon, damping, warmupSteps };
    this.rule = createOptimizer(ruleConfig, dim);
    this.usesCurvature = optimizerNeedsHessian(name);
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
 * A fresh optimizer for `dim` parameters. Validates the configuration
 * (RangeError naming the field otherwise) and refuses the dense Newton
 * methods beyond DENSE_CURVATURE_LIMIT parameters.
 */
export function createNetworkOptimizer(config: NetworkOptimizerConfig, dim: number): NetworkOptimizer {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`Optimizer dimension must be an integer ≥ 1, got ${dim}`);
  const resolved = resolveNetworkOptimizer(config);
  switch (resolved.name) {
    case 'gauss_newton':
      return new GaussNewtonOptimizer(resolved, dim);
    case 'trust_region':
      return new TrustRegionOptimizer(resolved);
    case 'hessian_free':
      return new HessianFreeOptimizer(resolved);
    default:
      if (optimizerNeedsHessian(resolved.name) && dim > DENSE_CURVATURE_LIMIT) {
        throw new RangeError(
          `Optimizer ${resolved.name} needs the dense ${dim}×${dim} Hessian; it is offered up to ${DENSE_CURVATURE_LIMIT} parameters (use trust_region or hessian_free)`,
        );
      }
      return new OptimRuleOptimizer(resolved, resolved.name, dim);
  }
}

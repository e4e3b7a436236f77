/**
 * A trust-region Newton method (Nocedal & Wright, "Numerical Optimization",
 * Alg. 4.1) with the Steihaug–Toint CG subproblem solver on Hessian-vector
 * products, so negative curvature is followed to the boundary instead of
 * attracting the iterate to a saddle.
 *
 * Step k: p ≈ argmin_{‖p‖ ≤ Δ} m(p) = gᵀp + ½ pᵀHp; predicted decrease
 * −m(p); actual decrease L(θ) − L(θ + p); ρ = actual / predicted. Then
 *   ρ < ¼            → Δ ← ¼ Δ,
 *   ρ > ¾, ‖p‖ = Δ   → Δ ← min(2Δ, Δ_max),
 *   ρ > η            → θ ← θ + p (accepted), else θ unchanged.
 * A non-finite trial loss counts as ρ = −∞ (rejected, radius shrinks).
 */
import type { ResolvedOptimizerConfig } from '../../spec/optimizers/validate';
import { float32, type NetworkOptimizer, type StepInput, type StepReport } from '../optimizerTypes';
import { curvatureOperator } from '../../curvature/operators';
import { steihaugCg } from '../../math/krylov/steihaug';

/** Below this, ρ means the model over-promised: shrink. */
const SHRINK_BELOW = 0.25;
/** Above this (with a boundary step), the model is trustworthy: grow. */
const GROW_ABOVE = 0.75;

/** Trust-region Newton with Steihaug–Toint CG (see the module comment); reports ρ and Δ every step. */
export class TrustRegionOptimizer implements NetworkOptimizer {
  readonly name = 'trust_region' as const;
  readonly usesCurvature = true;
  private t = 0;
  private radius: number;

  constructor(readonly config: ResolvedOptimizerConfig) {
    this.radius = config.radius;
  }

  get stepCount(): number {
    return this.t;
  }

  /** The current radius Δ. */
  get trustRadius(): number {
    return this.radius;
  }

  async step({ params, loss, grad, objective }: StepInput): Promise<StepReport> {
    const at = float32(params);
    const subproblem = await steihaugCg(
      curvatureOperator(objective, at, 'hessian').matVec,
      grad,
      this.radius,
      this.config.cgIterations,
    );
    const predicted = -subproblem.modelChange;
    let ratio: number | null = null;
    let accepted = false;
    if (predicted > 0 && Number.isFinite(predicted)) {
      const trial = Float64Array.from(params, (value, i) => value + subproblem.step[i]);
      const trialLoss = await objective.loss(float32(trial));
      ratio = Number.isFinite(trialLoss) ? (loss - trialLoss) / predicted : Number.NEGATIVE_INFINITY;
      accepted = ratio > this.config.acceptRatio;
      if (accepted) params.set(trial);
    }
    // No predicted decrease (g = 0, or rounding) counts as a failed model: shrink.
    if (ratio === null || ratio < SHRINK_BELOW) {
      this.radius *= 0.25;
    } else if (ratio > GROW_ABOVE && subproblem.onBoundary) {
      this.radius = Math.min(2 * this.radius, this.config.maxRadius);
    }
    this.t++;
    return {
      lr: null,
      accepted,
      ratio,
      radius: this.radius,
      damping: null,
      cgIterations: subproblem.iterations,
      curvatureProducts: subproblem.products,
    };
  }

  reset(): void {
    this.t = 0;
    this.radius = this.config.radius;
  }
}

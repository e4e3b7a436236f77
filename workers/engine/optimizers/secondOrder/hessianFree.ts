/**
 * Hessian-free optimisation (Martens 2010, "Deep learning via Hessian-free
 * optimization"): truncated conjugate gradients on the damped Gauss-Newton
 * system with Levenberg–Marquardt adaptation of the damping.
 *
 * Step k, with G the Gauss-Newton matrix and λ the damping:
 *   p ≈ argmin gᵀp + ½ pᵀ(G + λI)p by at most `cgIterations` CG iterations,
 *       started from 0.95·p_{k−1} (Martens' warm start);
 *   ρ = (L(θ) − L(θ + p)) / −(gᵀp + ½ pᵀG p)   (the undamped model);
 *   ρ < ¼ → λ ← 3λ/2;  ρ > ¾ → λ ← 2λ/3;
 *   θ ← θ + p when the loss decreases, else θ is kept (this implementation's
 *   stand-in for Martens' backtracking over the CG iterates).
 * No preconditioner is used.
 */
import { dot } from '../../math/linalg/vectorOps';
import type { ResolvedOptimizerConfig } from '../../spec/optimizers/validate';
import { float32, type NetworkOptimizer, type StepInput, type StepReport } from '../optimizerTypes';
import { conjugateGradient } from '../../math/krylov/conjugateGradient';
import { curvatureOperator } from '../../curvature/operators';

/** Martens' decay of the previous step used as CG's starting point. */
const WARM_START_DECAY = 0.95;
/** λ stays within these bounds, so that it can recover in either direction. */
const DAMPING_RANGE = { min: 1e-8, max: 1e8 };

/** Hessian-free optimisation (see the module comment); reports ρ and λ every step. */
export class HessianFreeOptimizer implements NetworkOptimizer {
  readonly name = 'hessian_free' as const;
  readonly usesCurvature = true;
  private t = 0;
  private damping: number;
  private previous: Float64Array | null = null;

  constructor(readonly config: ResolvedOptimizerConfig) {
    this.damping = config.damping;
  }

  get stepCount(): number {
    return this.t;
  }

  async step({ params, loss, grad, objective }: StepInput): Promise<StepReport> {
    const at = float32(params);
    const lambda = this.damping;
    const initial = this.previous?.map((v) => WARM_START_DECAY * v);
    const solution = await conjugateGradient(
      curvatureOperator(objective, at, 'gaussNewton', { shift: lambda }).matVec,
      Float64Array.from(grad, (v) => -v),
      { initial, maxIterations: this.config.cgIterations },
    );
    const p = solution.x;
    // pᵀG p = pᵀ(G + λI)p − λ‖p‖², from the product CG tracked.
    const curvature = dot(p, solution.ax) - lambda * dot(p, p);
    const predicted = -(dot(grad, p) + 0.5 * curvature);
    const trial = Float64Array.from(params, (value, i) => value + p[i]);
    const trialLoss = await objective.loss(float32(trial));
    const actual = loss - trialLoss;
    const ratio = Number.isFinite(trialLoss) && predicted > 0 ? actual / predicted : Number.NEGATIVE_INFINITY;
    if (ratio < 0.25) this.damping = Math.min(DAMPING_RANGE.max, 1.5 * lambda);
    else if (ratio > 0.75) this.damping = Math.max(DAMPING_RANGE.min, (2 / 3) * lambda);
    const accepted = actual > 0 && Number.isFinite(trialLoss);
    if (accepted) params.set(trial);
    this.previous = p.every(Number.isFinite) ? p : null;
    this.t++;
    return {
      lr: null,
      accepted,
      ratio: Number.isFinite(ratio) ? ratio : null,
      radius: null,
      damping: this.damping,
      cgIterations: solution.iterations,
      curvatureProducts: solution.products,
    };
  }

  reset(): void {
    this.t = 0;
    this.damping = this.config.damping;
    this.previous = null;
  }
}

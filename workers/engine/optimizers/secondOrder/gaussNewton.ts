/**
 * Damped Gauss-Newton: θ ← θ − η_t (G + δI)⁻¹ g, G = Jᵀ H_L J the generalised
 * Gauss-Newton matrix (positive semi-definite for the engine's convex
 * losses, so G + δI is positive definite for δ > 0). For P ≤
 * DENSE_CURVATURE_LIMIT the matrix is formed and solved by Cholesky;
 * otherwise (or if the factorisation fails) by conjugate gradients on
 * Gauss-Newton-vector products with at most `cgIterations` products.
 */
import { DENSE_CURVATURE_LIMIT } from '../../spec/limits';
import type { ResolvedOptimizerConfig } from '../../spec/optimizers/validate';
import { learningRateAt } from '../rules';
import { float32, type NetworkOptimizer, type StepInput, type StepReport } from '../optimizerTypes';
import { choleskySolve } from '../../math/linalg/cholesky';
import { conjugateGradient } from '../../math/krylov/conjugateGradient';
import { curvatureOperator } from './operators';

/** Damped Gauss-Newton (see the module comment). */
export class GaussNewtonOptimizer implements NetworkOptimizer {
  readonly name = 'gauss_newton' as const;
  readonly usesCurvature = true;
  private t = 0;

  /**
   * @param dim P
   * @param denseLimit largest P solved densely (default DENSE_CURVATURE_LIMIT)
   */
  constructor(
    readonly config: ResolvedOptimizerConfig,
    private readonly dim: number,
    private readonly denseLimit = DENSE_CURVATURE_LIMIT,
  ) {}

  get stepCount(): number {
    return this.t;
  }

  async step({ params, grad, objective }: StepInput): Promise<StepReport> {
    const t = this.t + 1;
    const lr = learningRateAt(this.config, t);
    const at = float32(params);
    const { damping, cgIterations } = this.config;
    let direction: Float64Array | null = null;
    let products = 0;
    let iterations: number | null = null;
    if (this.dim <= this.denseLimit) {
      const matrix = await objective.fullGaussNewton(at);
      products += this.dim;
      for (let i = 0; i < this.dim; i++) matrix[i * this.dim + i] += damping;
      direction = choleskySolve(matrix, grad);
    }
    if (direction === null) {
      const solution = await conjugateGradient(curvatureOperator(objective, at, 'gauss_newton', damping), grad, {
        maxIterations: cgIterations,
      });
      direction = solution.x;
      products += solution.products;
      iterations = solution.iterations;
    }
    for (let i = 0; i < params.length; i++) params[i] -= lr * direction[i];
    this.t = t;
    return { lr, accepted: true, ratio: null, radius: null, damping, cgIterations: iterations, curvatureProducts: products };
  }

  reset(): void {
    this.t = 0;
  }
}

/**
 * Sharpness tracking during training: the largest and the most negative
 * eigenvalue of the Hessian of the full-batch training objective (weight
 * decay included: ∇²ℓ + λI) at a run's current parameters, by Lanczos
 * started from the previous measurement's eigenvectors, so that a few
 * Hessian-vector products suffice while the parameters move slowly.
 *
 * Reported with the stability thresholds of the run's optimizer on a
 * quadratic with curvature λ_max (Cohen et al. 2021, "Gradient descent on
 * neural networks typically occurs at the edge of stability"):
 *   gradient descent θ ← θ − η g:                      λ_max < 2/η,
 *   heavy-ball momentum m ← β m + g, θ ← θ − η m:      λ_max < 2(1 + β)/η,
 *   Nesterov m ← β m + g, θ ← θ − η (g + β m):         λ_max < 2(1 + β)/(η(1 + 2β)).
 * η is the learning rate of the next update (warm-up applied).
 */
import { lanczosExtremes } from '../math/krylov/lanczos';
import { axpy, norm2 } from '../math/linalg/vectorOps';
import type { NetworkObjective } from '../networks/regularizedObjective';
import { Rng } from '../math/rng';
import type { ResolvedOptimizerConfig } from '../spec/optimizers/validate';
import { learningRateAt } from '../optimizers/rules';
import type { SharpnessOptions } from '../spec/networkRuns';

/** One measurement. */
export interface SharpnessRecord {
  /** Updates applied before the measurement. */
  step: number;
  /** λ_max(∇²L(θ_step)). */
  lambdaMax: number;
  /** λ_min(∇²L(θ_step)), the most negative eigenvalue (positive if the Hessian is definite). */
  lambdaMin: number;
  /** η of the next update, or null for optimizers without a learning rate. */
  learningRate: number | null;
  /** 2/η, or null without a learning rate. */
  gradientDescentThreshold: number | null;
  /** The momentum rule's threshold (heavy-ball or Nesterov, see above), or null for other optimizers. */
  momentumThreshold: number | null;
  /** Hessian-vector products used. */
  products: number;
  /** Whether both eigenvalues met the tolerance. */
  converged: boolean;
}

/** The thresholds of `config` at update `t` (see the module comment). */
export function stabilityThresholds(
  config: ResolvedOptimizerConfig,
  t: number,
): Pick<SharpnessRecord, 'learningRate' | 'gradientDescentThreshold' | 'momentumThreshold'> {
  if (config.name === 'trust_region' || config.name === 'hessian_free') {
    return { learningRate: null, gradientDescentThreshold: null, momentumThreshold: null };
  }
  const eta = learningRateAt(config, t);
  const beta = config.momentum;
  const momentumThreshold =
    config.name === 'momentum'
      ? (2 * (1 + beta)) / eta
      : config.name === 'nesterov'
        ? (2 * (1 + beta)) / (eta * (1 + 2 * beta))
        : null;
  return { learningRate: eta, gradientDescentThreshold: 2 / eta, momentumThreshold };
}

/**
 * Thrown by a measurement whose Hessian-vector products are not finite (the
 * parameters of a diverging run): the eigenvalues of such a matrix do not
 * exist, so it is reported as such instead of handing NaN to the eigensolver.
 */
export class NonFiniteCurvatureError extends Error {
  constructor(step: number) {
    super(`its Hessian at step ${step} is no longer finite, so its sharpness cannot be measured`);
    this.name = 'NonFiniteCurvatureError';
  }
}

const DEFAULT_MAX_ITERATIONS = 20;
const DEFAULT_TOLERANCE = 1e-3;

/** Extreme Hessian eigenvalues of one run, warm-started from its previous measurement. */
export class SharpnessTracker {
  readonly every: number;
  private readonly maxIterations: number;
  private readonly tolerance: number;
  private top: Float64Array | null = null;
  private bottom: Float64Array | null = null;
  private rng: Rng;

  /**
   * @param objective the full-batch training objective
   * @param seed draws the random start of the first measurement (and restarts)
   */
  constructor(
    private readonly objective: Pick<NetworkObjective, 'paramCount' | 'hvp'>,
    options: SharpnessOptions,
    private readonly seed: number,
  ) {
    if (!Number.isInteger(options.every) || options.every < 1) {
      throw new RangeError(`sharpness.every must be an integer ≥ 1, got ${options.every}`);
    }
    this.every = options.every;
    this.maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
    this.tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    if (!Number.isInteger(this.maxIterations) || this.maxIterations < 2) {
      throw new RangeError(`sharpness.maxIterations must be an integer ≥ 2, got ${this.maxIterations}`);
    }
    this.rng = new Rng(seed);
  }

  /** Whether a measurement is due after update `step`. */
  due(step: number): boolean {
    return step % this.every === 0;
  }

  /**
   * λ_max and λ_min at `params`, with the thresholds of `config` for the
   * next update (step + 1). The Lanczos start is the sum of the previous top
   * and bottom eigenvectors, whose Krylov space quickly refines both.
   */
  async measure(params: Float32Array, step: number, config: ResolvedOptimizerConfig): Promise<SharpnessRecord> {
    const n = this.objective.paramCount;
    const hvp = async (v: Float64Array) => {
      const product = Float64Array.from(await this.objective.hvp(params, Float32Array.from(v)));
      if (!product.every(Number.isFinite)) throw new NonFiniteCurvatureError(step);
      return product;
    };
    const result = await lanczosExtremes(hvp, n, {
      which: 'both',
      k: 1,
      maxIter: Math.min(n, this.maxIterations),
      tol: this.tolerance,
      initial: this.warmStart(),
      rng: this.rng,
    });
    const largest = result.largest!;
    const smallest = result.smallest!;
    this.top = largest.vectors[0];
    this.bottom = smallest.vectors[0];
    return {
      step,
      lambdaMax: largest.values[0],
      lambdaMin: smallest.values[0],
      ...stabilityThresholds(config, step + 1),
      products: result.products,
      converged: result.converged,
    };
  }

  /** Forgets the previous eigenvectors (e.g. after the run is reset). */
  reset(): void {
    this.top = null;
    this.bottom = null;
    this.rng = new Rng(this.seed);
  }

  private warmStart(): Float64Array | undefined {
    if (this.top === null || this.bottom === null) return undefined;
    const start = Float64Array.from(this.top);
    axpy(1, this.bottom, start);
    const size = norm2(start);
    return size > 0 && Number.isFinite(size) ? start : undefined;
  }
}

/**
 * The contract between a training run and its optimizer: what one step is
 * given and what it reports.
 */
import type { NetworkObjective } from '../networks/regularizedObjective';
import type { OptimizerName } from '../spec/optimizers/registry';
import type { ResolvedOptimizerConfig } from '../spec/optimizers/validate';

/** The parts of a network objective an optimizer step may call (at float32 parameters). */
export type StepObjective = Pick<
  NetworkObjective,
  'paramCount' | 'loss' | 'lossAndGrad' | 'hvp' | 'hvpBatch' | 'gnvp' | 'gnvpBatch' | 'fullHessian' | 'fullGaussNewton'
>;

/** Everything one update needs. */
export interface StepInput {
  /** θ (float64), updated in place. */
  params: Float64Array;
  /** L(θ) of this step's loss (the minibatch's). */
  loss: number;
  /** ∇L(θ) of the same loss. */
  grad: Float64Array;
  /**
   * This step's loss as a function (the minibatch's evaluation loss, no
   * dropout), for curvature products and trial losses; first-order
   * optimizers ignore it.
   */
  objective: StepObjective;
}

/** What one update did; fields that do not apply to the optimizer are null. */
export interface StepReport {
  /** Learning rate used (warm-up applied); null for trust_region and hessian_free. */
  lr: number | null;
  /** False when a trust-region or Hessian-free step was rejected (θ unchanged). */
  accepted: boolean;
  /** ρ = actual / predicted decrease of the loss. */
  ratio: number | null;
  /** Trust-region radius Δ after the update. */
  radius: number | null;
  /** Levenberg–Marquardt damping λ after the update (hessian_free), or the fixed damping δ. */
  damping: number | null;
  /** Conjugate-gradient iterations used. */
  cgIterations: number | null;
  /** Curvature products (Hessian- or Gauss-Newton-vector) and dense matrices' columns computed. */
  curvatureProducts: number;
}

/** A running network optimizer. */
export interface NetworkOptimizer {
  readonly name: OptimizerName;
  readonly config: ResolvedOptimizerConfig;
  /** Updates applied (accepted or not) so far. */
  readonly stepCount: number;
  /**
   * Whether steps need the objective's curvature. Such optimizers are given
   * the deterministic loss and gradient (no dropout), since their quadratic
   * models and acceptance tests compare values of one function.
   */
  readonly usesCurvature: boolean;
  /** Applies update t = stepCount + 1 to `input.params` in place. */
  step(input: StepInput): Promise<StepReport>;
  /** Forgets all state (moments, radius, damping, step count), as if new. */
  reset(): void;
}

/** A report with every optional field null. */
export function plainReport(lr: number | null, curvatureProducts = 0): StepReport {
  return { lr, accepted: true, ratio: null, radius: null, damping: null, cgIterations: null, curvatureProducts };
}

/** θ in float32, as the objectives take it. */
export function float32(values: Float64Array): Float32Array {
  return Float32Array.from(values);
}

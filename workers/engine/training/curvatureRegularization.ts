/**
 * Curvature regularisation as gradient rules: the direction a first-order
 * optimizer is handed instead of ∇L, so that any update rule (sgd, momentum,
 * Adam, …) can train towards flatter minima.
 *
 * - Sharpness-aware minimisation (Foret, Kleiner, Mobahi & Neyshabur 2021,
 *   "Sharpness-Aware Minimization for Efficiently Improving
 *   Generalization"): minimise max_{‖ε‖ ≤ ρ} L(θ + ε). To first order the
 *   inner maximiser is ε̂ = ρ g/‖g‖ with g = ∇L(θ), and the rule's direction
 *   is g_SAM = ∇L(θ + ε̂) (the gradient of ε̂ itself is dropped, as in the
 *   paper). Two gradient evaluations per step.
 * - Trace penalty: minimise J(θ) = L(θ) + μ tr ∇²ℓ(θ). With m Rademacher
 *   probes z_k drawn afresh at every step (Hutchinson 1989),
 *   ∇J ≈ ∇L + (μ/m) Σ_k ∇_θ (z_kᵀ ∇²ℓ(θ) z_k), an unbiased estimate; the
 *   gradient of each quadratic form is a third derivative, by triple
 *   back-propagation (`HessianQuadraticGradient`). One gradient and m
 *   third-order passes per step. The trace falls with negative curvature as
 *   well as with flatness: trained long with a large μ, it can be driven
 *   below zero (measured on two moons, μ = 0.1, 300 steps: tr H = −0.06).
 *
 * A rule is bound to the loss it differentiates. A training session's run
 * kind would build it per step from that step's (minibatch) objective, as
 * the curvature-based optimizers are given theirs, and pass its direction to
 * the run's first-order update rule.
 */
import { Rng } from '../math/rng';
import type { HessianQuadraticModel } from '../networks/hessianQuadraticGradient';
import { plainGradient, type GradientModel, type GradientRule } from './descent';

/** Most Rademacher probes per trace-penalty step. */
export const MAX_TRACE_PROBES = 64;

/** A curvature regulariser, as an experiment stores it. */
export type CurvatureRegularizer =
  | { kind: 'none' }
  /** ρ > 0: the radius of the neighbourhood whose worst loss SAM minimises. */
  | { kind: 'sam'; rho: number }
  /** μ ≥ 0: the penalty's weight; probes: Rademacher vectors per step (1 … 64). */
  | { kind: 'tracePenalty'; weight: number; probes: number };

/** Every kind of regulariser, in menu order. */
export const CURVATURE_REGULARIZER_KINDS: readonly CurvatureRegularizer['kind'][] = ['none', 'sam', 'tracePenalty'];

/** Throws a RangeError naming the field unless `regularizer` is valid. */
export function validateCurvatureRegularizer(regularizer: CurvatureRegularizer): void {
  switch (regularizer.kind) {
    case 'none':
      return;
    case 'sam':
      if (!(Number.isFinite(regularizer.rho) && regularizer.rho > 0)) {
        throw new RangeError(`SAM: rho must be a finite number > 0, got ${regularizer.rho}`);
      }
      return;
    case 'tracePenalty':
      if (!(Number.isFinite(regularizer.weight) && regularizer.weight >= 0)) {
        throw new RangeError(`Trace penalty: weight must be a finite number ≥ 0, got ${regularizer.weight}`);
      }
      if (!Number.isInteger(regularizer.probes) || regularizer.probes < 1 || regularizer.probes > MAX_TRACE_PROBES) {
        throw new RangeError(`Trace penalty: probes must be an integer from 1 to ${MAX_TRACE_PROBES}, got ${regularizer.probes}`);
      }
      return;
    default:
      throw new RangeError(`Unknown curvature regulariser "${String((regularizer as { kind: unknown }).kind)}"`);
  }
}

/** SAM's direction ∇L(θ + ρ g/‖g‖), reporting L(θ); at g = 0 the plain gradient (ε̂ is undefined). */
export function samGradient(model: GradientModel, rho: number): GradientRule {
  validateCurvatureRegularizer({ kind: 'sam', rho });
  return async (params) => {
    const { loss, grad } = await model.lossAndGrad(params);
    let squares = 0;
    for (const g of grad) squares += g * g;
    if (!(squares > 0) || !Number.isFinite(squares)) return { loss, grad, penalty: 0, evaluations: 1 };
    const scale = rho / Math.sqrt(squares);
    const perturbed = Float32Array.from(params, (p, i) => p + scale * grad[i]);
    const sharp = await model.lossAndGrad(perturbed);
    // The penalty SAM adds to L is its estimate of the sharpness, L(θ + ε̂) − L(θ).
    return { loss, grad: sharp.grad, penalty: sharp.loss - loss, evaluations: 2 };
  };
}

/**
 * The trace penalty's direction ∇L + (μ/m) Σ_k ∇(z_kᵀ ∇²ℓ z_k), reporting
 * L(θ) and the penalty estimate μ (1/m) Σ_k z_kᵀ ∇²ℓ z_k. Step t draws its
 * probes from Rng.derive(seed, 'trace-penalty:' + t), so a step's probes do
 * not depend on the steps before it.
 */
export function tracePenaltyGradient(
  model: GradientModel,
  curvature: HessianQuadraticModel,
  options: { weight: number; probes: number; seed: number },
): GradientRule {
  const { weight, probes, seed } = options;
  validateCurvatureRegularizer({ kind: 'tracePenalty', weight, probes });
  if (curvature.paramCount !== model.paramCount) {
    throw new RangeError(`Trace penalty: the curvature model has ${curvature.paramCount} parameters, the loss ${model.paramCount}`);
  }
  const n = model.paramCount;
  return async (params, step) => {
    const { loss, grad } = await model.lossAndGrad(params);
    if (weight === 0) return { loss, grad, penalty: 0, evaluations: 1 };
    const z = Rng.derive(seed, `trace-penalty:${step}`).fillRademacher(new Float32Array(probes * n));
    const { values, gradients } = await curvature.quadraticFormGradients(params, z, probes);
    const direction = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = 0; k < probes; k++) sum += gradients[k * n + i];
      direction[i] = grad[i] + (weight / probes) * sum;
    }
    let trace = 0;
    for (const value of values) trace += value / probes;
    return { loss, grad: direction, penalty: weight * trace, evaluations: 1 + probes };
  };
}

/**
 * The rule of `regularizer` over `model`. The trace penalty needs the
 * third-order model of the same loss (throws without one).
 */
export function curvatureRegularizedGradient(
  regularizer: CurvatureRegularizer,
  model: GradientModel,
  options: { curvature?: HessianQuadraticModel; seed: number },
): GradientRule {
  validateCurvatureRegularizer(regularizer);
  switch (regularizer.kind) {
    case 'none':
      return plainGradient(model);
    case 'sam':
      return samGradient(model, regularizer.rho);
    case 'tracePenalty':
      if (options.curvature === undefined) throw new RangeError('The trace penalty needs a third-order model of the loss');
      return tracePenaltyGradient(model, options.curvature, { ...regularizer, seed: options.seed });
  }
}

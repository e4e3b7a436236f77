/**
 * Curvature operators of a step's objective at fixed parameters, in float64
 * for the iterative solvers: v ↦ (C + s I) v with C the Hessian or the
 * Gauss-Newton matrix and s a damping shift.
 */
import type { StepObjective } from '../optimizerTypes';
import type { Operator } from '../../math/krylov/conjugateGradient';

/** Which matrix-vector product: ∇²L or G. */
export type CurvatureProduct = 'hessian' | 'gauss_newton';

/**
 * v ↦ C(θ) v + shift·v, C = ∇²L(θ) or G(θ) of `objective` at the float32
 * parameters `params` (products in float32, the shift added in float64).
 */
export function curvatureOperator(
  objective: StepObjective,
  params: Float32Array,
  product: CurvatureProduct,
  shift = 0,
): Operator {
  return async (v) => {
    const direction = Float32Array.from(v);
    const result = product === 'hessian' ? await objective.hvp(params, direction) : await objective.gnvp(params, direction);
    return Float64Array.from(result, (value, i) => value + shift * v[i]);
  };
}

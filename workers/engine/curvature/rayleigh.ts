/**
 * Curvature along one direction: the Rayleigh quotient.
 */
import { dot } from '../math/linalg/vectorOps';
import { CountedOperator, type MatVec } from '../math/krylov/operator';

/**
 * dᵀ A d / dᵀ d, the curvature of the quadratic model along d (for a Hessian:
 * the second derivative of the loss along the unit vector d/‖d‖). One product.
 */
export async function rayleighQuotient(matVec: MatVec, d: Float64Array): Promise<number> {
  const squaredNorm = dot(d, d);
  if (!(squaredNorm > 0)) throw new RangeError('the direction must be non-zero');
  const op = new CountedOperator(matVec, d.length);
  return dot(d, await op.apply(d)) / squaredNorm;
}

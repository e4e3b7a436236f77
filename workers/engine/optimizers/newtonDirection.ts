/**
 * The (damped) Newton and saddle-free Newton directions from the Hessian's
 * eigen-decomposition H = Q diag(λ) Qᵀ.
 */
import { symmetricEigen } from '../math/linalg/symmetricEigen';

/** How the eigenvalues enter the preconditioner. */
export type EigenvalueMap = 'signed' | 'absolute';

/**
 * d = Q diag(1 / (m(λ_k) + δ)) Qᵀ g, with m(λ) = λ ('signed': damped Newton)
 * or m(λ) = |λ| ('absolute': saddle-free Newton, Dauphin et al. 2014, which
 * moves away from saddles along negative-curvature directions instead of
 * towards them). `hessian` is n×n row-major and symmetric (only its lower
 * triangle is read). A direction with zero projection qₖᵀg contributes
 * nothing, even where m(λ_k) + δ = 0 (the 0/0 of the formula is taken as 0,
 * so a point with g = 0 stays put); otherwise m(λ_k) + δ = 0 gives an
 * infinite step, as the formula says, and the caller reports the divergence.
 */
export function newtonDirection(
  hessian: Float64Array,
  grad: Float64Array,
  damping: number,
  map: EigenvalueMap,
): Float64Array {
  const n = grad.length;
  const { values, vectors } = symmetricEigen(hessian, n);
  const direction = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // Column k of `vectors` (entries k·n … k·n + n − 1) is q_k.
    const q = vectors.subarray(k * n, (k + 1) * n);
    let projection = 0;
    for (let i = 0; i < n; i++) projection += q[i] * grad[i];
    const curvature = map === 'absolute' ? Math.abs(values[k]) : values[k];
    if (projection === 0) continue;
    const coefficient = projection / (curvature + damping);
    for (let i = 0; i < n; i++) direction[i] += coefficient * q[i];
  }
  return direction;
}

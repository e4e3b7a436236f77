/**
 * The Lanczos process with full re-orthogonalisation, shared by the extreme
 * eigenpair solver and stochastic Lanczos quadrature.
 *
 * After m steps from a unit vector q₁ it holds an orthonormal basis
 * Q_m = [q₁ … q_m] and the tridiagonal T_m = tridiag(β, α, β) with
 *   A Q_m = Q_m T_m + β_m q_{m+1} e_mᵀ          (the Lanczos identity),
 * so a Ritz pair (θ, Q_m s) of T_m has residual ‖A Q_m s − θ Q_m s‖ = |β_m s_m|.
 * In floating point the three-term recurrence loses orthogonality as Ritz
 * values converge; re-orthogonalising every new vector against all previous
 * ones (Gram–Schmidt twice) keeps Q_m orthonormal to working precision at
 * O(n m) extra cost per step, negligible next to a Hessian-vector product.
 */
import type { Rng } from '../rng';
import { axpy, dot, norm2, orthogonalizeAgainst, scaleInPlace } from '../linalg/vectorOps';
import type { CountedOperator } from './operator';

/** The state of a Lanczos run after `alpha.length` steps. */
export interface LanczosState {
  /** Diagonal of T_m. */
  alpha: number[];
  /**
   * beta[j] = T[j][j+1] for j < m − 1; beta[m − 1] = β_m, the norm of the
   * residual left after step m. A zero entry marks an invariant subspace
   * (after which the run either stopped or restarted with a fresh vector).
   */
  beta: number[];
  /** q₁ … q_m, orthonormal. */
  basis: Float64Array[];
}

/** How a run continues when β_m vanishes (span(Q_m) is invariant under A). */
export type BreakdownPolicy =
  /** Stop: T_m already carries all the information the start vector can give (quadrature). */
  | { kind: 'stop' }
  /** Continue from a random unit vector orthogonal to Q_m, recording β_m = 0 (eigenpairs: find the rest of the spectrum). */
  | { kind: 'restart'; rng: Rng };

/** How runLanczos reacts to breakdowns and when it stops early. */
export interface LanczosProcessOptions {
  breakdown: BreakdownPolicy;
  /** Called after every step; returning true stops the run. */
  afterStep?: (state: LanczosState) => boolean;
}

/** β below this multiple of the running estimate of ‖A‖ counts as an exact zero. */
const BREAKDOWN_RELATIVE = 1e3 * Number.EPSILON;

/**
 * Runs up to `maxSteps` (≤ n) Lanczos steps of `op` from `start` (any
 * non-zero vector; it is normalised, not modified). One product per step.
 */
export async function runLanczos(
  op: CountedOperator,
  start: Float64Array,
  maxSteps: number,
  options: LanczosProcessOptions,
): Promise<LanczosState> {
  const n = op.n;
  const state: LanczosState = { alpha: [], beta: [], basis: [] };
  const startNorm = norm2(start);
  if (!(startNorm > 0) || !Number.isFinite(startNorm)) throw new RangeError('Lanczos start vector must be non-zero and finite');
  let q = scaleInPlace(1 / startNorm, Float64Array.from(start));
  let normEstimate = 0;
  const steps = Math.min(maxSteps, n);

  for (let m = 1; m <= steps; m++) {
    state.basis.push(q);
    const w = await op.apply(q);
    const alpha = dot(q, w);
    // The three-term recurrence is implied by the full re-orthogonalisation
    // below; subtracting α q first just makes the Gram–Schmidt better conditioned.
    axpy(-alpha, q, w);
    orthogonalizeAgainst(w, state.basis);
    const beta = norm2(w);
    state.alpha.push(alpha);
    normEstimate = Math.max(normEstimate, Math.abs(alpha) + beta + (m > 1 ? state.beta[m - 2] : 0));
    const brokeDown = beta <= BREAKDOWN_RELATIVE * normEstimate;
    state.beta.push(brokeDown ? 0 : beta);

    if (options.afterStep?.(state)) break;
    if (m === steps) break;
    if (!brokeDown) {
      q = scaleInPlace(1 / beta, w);
      continue;
    }
    if (options.breakdown.kind === 'stop') break;
    const fresh = freshOrthogonalVector(options.breakdown.rng, state.basis, n);
    if (fresh === null) break; // Q_m already spans the whole space
    q = fresh;
  }
  return state;
}

/** A random unit vector orthogonal to `basis`, or null if none can be found (the basis spans ℝⁿ numerically). */
function freshOrthogonalVector(rng: Rng, basis: readonly Float64Array[], n: number): Float64Array | null {
  for (let attempt = 0; attempt < 3; attempt++) {
    const v = rng.fillNormal(new Float64Array(n));
    const before = norm2(v);
    orthogonalizeAgainst(v, basis);
    const after = norm2(v);
    // If almost all of v lay in span(Q), what is left is rounding noise.
    if (after > 1e-8 * before) return scaleInPlace(1 / after, v);
  }
  return null;
}

/**
 * Extreme eigenpairs of a symmetric operator by the Lanczos method with full
 * re-orthogonalisation (Golub & Van Loan, "Matrix Computations", §10.1).
 *
 * Step m applies A once and extends the Krylov basis of
 * span{q₁, A q₁, …, A^{m−1} q₁}; the eigenvalues of the small tridiagonal
 * T_m (Ritz values θ) approach A's extreme eigenvalues first, at a rate set by
 * the gap to the rest of the spectrum. A Ritz pair (θ, y = Q_m s) has residual
 * ‖A y − θ y‖ = |β_m s_m| (the Lanczos identity), available without any extra
 * product, which is what decides convergence.
 */
import { combine } from '../linalg/vectorOps';
import { tridiagonalEigen } from '../linalg/symmetricEigen';
import { tridiagonalEigenComponents } from '../linalg/tridiagonalComponents';
import { CountedOperator, resolveRng, type LongRunOptions, type MatVec, type RandomSource } from './operator';
import { runLanczos, type LanczosState } from './lanczosProcess';

/** Which end(s) of the spectrum are wanted. */
export type SpectrumEnd = 'largest' | 'smallest' | 'both';

/** Options of lanczosExtremes. */
export interface LanczosOptions extends LongRunOptions, RandomSource {
  /** Number of eigenpairs wanted at each requested end (default 1). */
  k?: number;
  /** Default 'largest' (algebraically largest, not largest in magnitude). */
  which?: SpectrumEnd;
  /** Most Lanczos steps, i.e. products (default min(n, max(100, 20 k))). */
  maxIter?: number;
  /** Stop when every wanted Ritz pair has ‖A y − θ y‖ ≤ tol · max|θ| (default 1e-6). */
  tol?: number;
  /**
   * Start vector (warm start, e.g. the previous top eigenvector); random
   * normal when absent. A start vector that is exactly an eigenvector of a
   * non-wanted eigenvalue can report that eigenvalue as converged, as for any
   * Krylov method; a warm start from an approximate top eigenvector is fine.
   */
  initial?: Float64Array;
}

/** Ritz pairs at one end of the spectrum. */
export interface RitzPairs {
  /** Ritz values: descending for 'largest', ascending for 'smallest'. */
  values: Float64Array;
  /** Unit Ritz vectors, one per value. */
  vectors: Float64Array[];
  /** residuals[i] = ‖A vectors[i] − values[i] vectors[i]‖ = |β_m s_{m,i}|. */
  residuals: Float64Array;
}

/** What lanczosExtremes found, and what it cost. */
export interface LanczosResult {
  /** The k largest Ritz pairs (when which is 'largest' or 'both'). */
  largest?: RitzPairs;
  /** The k smallest Ritz pairs (when which is 'smallest' or 'both'). */
  smallest?: RitzPairs;
  /** All Ritz values of the final T_m, descending. */
  ritzValues: Float64Array;
  /** Whether every wanted pair met the tolerance (or the Krylov space filled ℝⁿ). */
  converged: boolean;
  /** Lanczos steps taken, m. */
  iterations: number;
  /** Operator products used (= iterations). */
  products: number;
  /** T_m's diagonal and off-diagonal (β_m, the final residual norm, last). */
  alpha: Float64Array;
  beta: Float64Array;
}

/**
 * The k algebraically largest and/or smallest eigenpairs of the symmetric
 * n×n operator behind `matVec`, by Lanczos with full re-orthogonalisation.
 * Rejects with an AbortError when `signal` fires; reports progress as
 * (steps done, maxIter).
 */
export async function lanczosExtremes(matVec: MatVec, n: number, options: LanczosOptions = {}): Promise<LanczosResult> {
  const k = options.k ?? 1;
  const which = options.which ?? 'largest';
  const tol = options.tol ?? 1e-6;
  const maxIter = Math.min(n, options.maxIter ?? Math.max(100, 20 * k));
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k must be an integer in 1…${n}, got ${k}`);
  if (!(maxIter >= 1)) throw new RangeError(`maxIter must be at least 1, got ${maxIter}`);
  const wantedRitz = which === 'both' ? Math.min(2 * k, n) : k;

  const op = new CountedOperator(matVec, n, options.signal);
  const rng = resolveRng(options, 'lanczos');
  const start = options.initial ?? rng.fillNormal(new Float64Array(n));
  if (start.length !== n) throw new RangeError(`initial vector has ${start.length} entries, expected ${n}`);

  let converged = false;
  const state = await runLanczos(op, start, maxIter, {
    breakdown: { kind: 'restart', rng },
    afterStep: (s) => {
      options.onProgress?.(s.alpha.length, maxIter);
      converged = hasConverged(s, n, k, which, wantedRitz, tol);
      return converged;
    },
  });

  const m = state.alpha.length;
  const alpha = Float64Array.from(state.alpha);
  const beta = Float64Array.from(state.beta);
  const ritz = tridiagonalEigen(alpha, beta);
  const betaLast = beta[m - 1];
  const pairsAt = (indices: number[]): RitzPairs => ({
    values: Float64Array.from(indices, (i) => ritz.values[i]),
    vectors: indices.map((i) => combine(state.basis, ritz.vectors.subarray(i * m, i * m + m), n)),
    residuals: Float64Array.from(indices, (i) => Math.abs(betaLast * ritz.vectors[i * m + m - 1])),
  });
  const count = Math.min(k, m);
  const top = Array.from({ length: count }, (_, i) => i);
  const bottom = Array.from({ length: count }, (_, i) => m - 1 - i);
  return {
    largest: which === 'smallest' ? undefined : pairsAt(top),
    smallest: which === 'largest' ? undefined : pairsAt(bottom),
    ritzValues: ritz.values,
    converged,
    iterations: m,
    products: op.products,
    alpha,
    beta,
  };
}

/**
 * Whether the wanted Ritz pairs of T_m meet ‖A y − θ y‖ ≤ tol · max|θ|, using
 * only T_m's eigenvalues and the last components of its eigenvectors (O(m²)).
 */
function hasConverged(state: LanczosState, n: number, k: number, which: SpectrumEnd, wantedRitz: number, tol: number): boolean {
  const m = state.alpha.length;
  if (m === n) return true; // T_n is similar to A: its eigenvalues are exact
  if (m < wantedRitz) return false;
  const { values, components } = tridiagonalEigenComponents(
    Float64Array.from(state.alpha),
    Float64Array.from(state.beta),
    m - 1,
  );
  const betaLast = state.beta[m - 1];
  const threshold = tol * Math.max(Math.abs(values[0]), Math.abs(values[m - 1]));
  const converges = (i: number) => Math.abs(betaLast * components[i]) <= threshold;
  for (let i = 0; i < k; i++) {
    if (which !== 'smallest' && !converges(i)) return false;
    if (which !== 'largest' && !converges(m - 1 - i)) return false;
  }
  return true;
}

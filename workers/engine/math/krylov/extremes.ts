/**
 * The k largest and k smallest eigenvalues of a curvature matrix from one
 * Lanczos run (one Krylov space serves both ends, so each product counts
 * once), stopped when every wanted Ritz pair's residual is small, and power
 * iteration beside it for comparison.
 */
import { lanczosExtremes } from './lanczos';
import type { LongRunOptions, MatVec } from './operator';
import { powerIteration } from './power';

/** At most this many eigenvalues are asked for at each end. */
export const MAX_EXTREME_COUNT = 20;

/** How many eigenvalues, how accurately, and within what budget. */
export interface ExtremeOptions extends LongRunOptions {
  /** Eigenvalues wanted at each end, 1 … 20 (default 3). */
  k?: number;
  /** Stop when every wanted Ritz pair has ‖A y − θ y‖ ≤ tol · max|θ| (default 1e-4). */
  tol?: number;
  /** Most products (default min(n, max(60, 10 k))). */
  maxProducts?: number;
  /** Seed of the start vector (default 0). */
  seed?: number;
}

/** Ritz values at one end with their residual norms ‖A y − θ y‖. */
export interface EndEstimate {
  values: Float64Array;
  residuals: Float64Array;
  /** Unit Ritz vectors (approximate eigenvectors), one per value. */
  vectors: Float64Array[];
}

/** Both ends of the spectrum from one Lanczos run. */
export interface ExtremeEigenvalues {
  /** Descending: λ₁ ≥ λ₂ ≥ … */
  largest: EndEstimate;
  /** Ascending: λ_P ≤ λ_{P−1} ≤ … */
  smallest: EndEstimate;
  /** Matrix-vector products used. */
  products: number;
  /** Whether every wanted pair met the residual tolerance. */
  converged: boolean;
}

/**
 * The k largest and k smallest eigenpairs of the symmetric operator, by
 * Lanczos with full re-orthogonalisation in 'both' mode. A Ritz value θ
 * with residual r is within r of an eigenvalue (and within r²/gap when it
 * is separated from the rest of the spectrum by gap). Progress: (products,
 * maxProducts).
 */
export async function extremeEigenvalues(matVec: MatVec, n: number, options: ExtremeOptions = {}): Promise<ExtremeEigenvalues> {
  const requested = options.k ?? 3;
  if (!Number.isInteger(requested) || requested < 1 || requested > MAX_EXTREME_COUNT) {
    throw new RangeError(`k must be an integer in 1…${MAX_EXTREME_COUNT}, got ${requested}`);
  }
  // A small operator has fewer than k eigenvalues at each end.
  const k = Math.min(requested, n);
  const maxIter = Math.min(n, options.maxProducts ?? Math.max(60, 10 * k));
  const result = await lanczosExtremes(matVec, n, {
    k,
    which: 'both',
    tol: options.tol ?? 1e-4,
    maxIter,
    seed: options.seed ?? 0,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const end = (pairs: NonNullable<typeof result.largest>): EndEstimate => ({
    values: pairs.values,
    residuals: pairs.residuals,
    vectors: pairs.vectors,
  });
  if (result.largest === undefined || result.smallest === undefined) throw new Error('Lanczos returned no Ritz pairs');
  return { largest: end(result.largest), smallest: end(result.smallest), products: result.products, converged: result.converged };
}

/** Products each method needed to bring its estimate of the dominant eigenvalue to a relative residual. */
export interface PowerComparison {
  /** The relative residual aimed at, ‖A v − θ v‖ ≤ tol · |θ|. */
  tol: number;
  power: { value: number; products: number; converged: boolean };
  lanczos: { value: number; products: number; converged: boolean };
}

/**
 * Power iteration and Lanczos (largest end) run to the same stopping rule,
 * ‖A v − θ v‖ ≤ tol · |θ| (default tol 1e-3), from the same seed. Power
 * iteration finds the eigenvalue of largest magnitude — for a Hessian near a
 * minimum that is λ_max — and needs about log(1/tol) / log(|λ₁/λ₂|)
 * products; Lanczos needs roughly the square root of that in the hard cases.
 */
export async function comparePowerIteration(
  matVec: MatVec,
  n: number,
  options: LongRunOptions & { tol?: number; maxProducts?: number; seed?: number } = {},
): Promise<PowerComparison> {
  const tol = options.tol ?? 1e-3;
  const maxIter = options.maxProducts ?? 1000;
  const seed = options.seed ?? 0;
  const onProgress = options.onProgress;
  const power = await powerIteration(matVec, n, {
    tol,
    maxIter,
    seed,
    signal: options.signal,
    onProgress: onProgress && ((done) => onProgress(done, 2 * maxIter)),
  });
  const lanczos = await lanczosExtremes(matVec, n, {
    k: 1,
    which: 'largest',
    tol,
    maxIter: Math.min(n, maxIter),
    seed,
    signal: options.signal,
    onProgress: onProgress && ((done) => onProgress(maxIter + done, 2 * maxIter)),
  });
  return {
    tol,
    power: { value: power.value, products: power.products, converged: power.converged },
    lanczos: { value: lanczos.largest?.values[0] ?? Number.NaN, products: lanczos.products, converged: lanczos.converged },
  };
}

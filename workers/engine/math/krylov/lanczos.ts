/**
 * Extreme eigenpairs of a symmetric operator by the (block) Lanczos method
 * with full re-orthogonalisation (Golub & Van Loan, "Matrix Computations",
 * §10.1 and §10.3), each eigenvalue with an error bar.
 *
 * Step j applies A to the newest block and extends the Krylov basis of
 * span{Q₁, A Q₁, …, A^{j−1} Q₁}; the eigenvalues of the projected T_m (Ritz
 * values θ) approach A's extreme eigenvalues first. A Ritz pair (θ, y) with
 * residual r = ‖A y − θ y‖ (from the Lanczos identity, no extra product)
 * has an eigenvalue λ with |λ − θ| ≤ r; when the rest of the spectrum is at
 * least `gap` away from θ, |λ − θ| ≤ r²/gap. The run goes on until every
 * wanted pair has r ≤ tol · max|θ|, so a clustered end is resolved rather
 * than cut off at a fixed number of products.
 */
import { combine } from '../linalg/vectorOps';
import { CountedOperator, resolveRng, type BatchProduct, type IterationOutcome, type LongRunOptions, type MatVec, type RandomSource } from './operator';
import { projectedMatrix, ritzDecomposition, ritzResiduals, runLanczos, type LanczosState, type RitzResiduals } from './lanczosProcess';

/** Which end(s) of the spectrum are wanted. */
export type SpectrumEnd = 'largest' | 'smallest' | 'both';

/** At most this many eigenvalues are asked for at each end. */
export const MAX_EXTREME_COUNT = 20;

/**
 * Relative accuracy of one product of a float32 model: no eigenvalue of
 * the matrix behind the products is known better than this × max|λ|, so
 * every error bar is at least that wide.
 */
export const FLOAT32_PRODUCT_PRECISION = 1e-6;

/**
 * The block size for both ends of a curvature spectrum: 4 random start
 * vectors resolve clusters of up to about four eigenvalues at an end. Run
 * to residuals of 5e-4 · max|θ| on the reference networks' exact spectra,
 * blocks of 4 missed none of the 3 extreme eigenvalues at either end in
 * 1000 start seeds per network, where single-vector Lanczos missed the
 * third-smallest of the 697-parameter network for 3 seeds in 400; and the
 * 4 products of a step are one batched call.
 */
export const EXTREME_BLOCK_SIZE = 4;

/** Options of lanczosExtremes. */
export interface LanczosOptions extends LongRunOptions, RandomSource {
  /** Number of eigenpairs wanted at each requested end, 1 … 20 (default 1). */
  k?: number;
  /** Default 'largest' (algebraically largest, not largest in magnitude). */
  which?: SpectrumEnd;
  /** Most products (default min(n, max(100, 20 (k + b)))); the run stops earlier once converged. */
  maxProducts?: number;
  /** Stop when every wanted Ritz pair has ‖A y − θ y‖ ≤ tol · max|θ| (default 1e-6). */
  tol?: number;
  /**
   * Vectors per Lanczos step, b (default 1). With b > 1 the b products of a
   * step are one batched call, and an eigenvalue is missed only if all b
   * random start vectors nearly miss its eigenvector.
   */
  blockSize?: number;
  /** The operator's batched product (used for blocks; without it a block is b single products). */
  batch?: BatchProduct;
  /**
   * Start vector (warm start, e.g. the previous top eigenvector), the first
   * of the start block; random normal when absent. A start vector that is
   * exactly an eigenvector of a non-wanted eigenvalue can report that
   * eigenvalue as converged, as for any Krylov method; a warm start from an
   * approximate top eigenvector is fine.
   */
  initial?: Float64Array;
  /** Relative accuracy of the products, the floor of every error bar (default {@link FLOAT32_PRODUCT_PRECISION}). */
  precision?: number;
}

/** Ritz pairs at one end of the spectrum, each with its error bar. */
export interface RitzPairs {
  /** Ritz values: descending for 'largest', ascending for 'smallest'. */
  values: Float64Array;
  /** Unit Ritz vectors, one per value. */
  vectors: Float64Array[];
  /** residuals[i] = ‖A vectors[i] − values[i] vectors[i]‖: an eigenvalue lies within it of values[i]. */
  residuals: Float64Array;
  /**
   * Distance from values[i] to the rest of the spectrum as the Ritz values
   * see it: min over the other Ritz values θ_j of |θ_j − θ_i| − r_j (each
   * θ_j has an eigenvalue within r_j); NaN where that is not positive.
   */
  gaps: Float64Array;
  /**
   * The error bar of values[i]: r²/gap where the gap exceeds r, else r, and
   * never below precision · max|θ|. The r²/gap form assumes no eigenvalue
   * lies closer than the neighbouring Ritz values say, which holds once the
   * run has converged unless the start block missed an eigenvector.
   */
  errors: Float64Array;
}

/**
 * What lanczosExtremes found, and what it cost: converged when every wanted
 * pair met the tolerance (or the Krylov space filled ℝⁿ), iterations the
 * Lanczos steps (blocks of b products), products the dimension m of the
 * Krylov space.
 */
export interface LanczosResult extends IterationOutcome {
  /** The k largest Ritz pairs (when which is 'largest' or 'both'). */
  largest?: RitzPairs;
  /** The k smallest Ritz pairs (when which is 'smallest' or 'both'). */
  smallest?: RitzPairs;
  /** All Ritz values of the final T_m, descending. */
  ritzValues: Float64Array;
  blockSize: number;
  /** T_m's diagonal and first super-diagonal; for b = 1 the Lanczos α and β (β_m, the final residual norm, last). */
  alpha: Float64Array;
  beta: Float64Array;
}

/**
 * The k algebraically largest and/or smallest eigenpairs of the symmetric
 * n×n operator behind `matVec`, by block Lanczos with full
 * re-orthogonalisation, with residuals and error bars. Rejects with an
 * AbortError when `signal` fires; reports progress as (products, maxProducts).
 */
export async function lanczosExtremes(matVec: MatVec, n: number, options: LanczosOptions = {}): Promise<LanczosResult> {
  const requested = options.k ?? 1;
  if (!Number.isInteger(requested) || requested < 1 || requested > Math.min(n, MAX_EXTREME_COUNT)) {
    throw new RangeError(`k must be an integer in 1…${Math.min(n, MAX_EXTREME_COUNT)}, got ${requested}`);
  }
  const k = requested;
  const which = options.which ?? 'largest';
  const tol = options.tol ?? 1e-6;
  const blockSize = Math.min(options.blockSize ?? 1, n);
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new RangeError(`blockSize must be a positive integer, got ${options.blockSize}`);
  const maxProducts = Math.min(n, options.maxProducts ?? Math.max(100, 20 * (k + blockSize)));
  if (!(maxProducts >= blockSize)) throw new RangeError(`maxProducts must be at least the block size ${blockSize}, got ${maxProducts}`);
  const precision = options.precision ?? FLOAT32_PRODUCT_PRECISION;
  const wanted = which === 'both' ? Math.min(2 * k, n) : k;

  const op = new CountedOperator(matVec, n, options.signal, options.batch);
  const rng = resolveRng(options, 'lanczos');
  if (options.initial !== undefined && options.initial.length !== n) {
    throw new RangeError(`initial vector has ${options.initial.length} entries, expected ${n}`);
  }
  const start = Array.from({ length: blockSize }, (_, c) =>
    c === 0 && options.initial !== undefined ? options.initial : rng.fillNormal(new Float64Array(n)),
  );

  let converged = false;
  const state = await runLanczos(op, start, maxProducts, {
    breakdown: { kind: 'restart', rng },
    afterStep: (s) => {
      options.onProgress?.(s.basis.length, maxProducts);
      if (s.basis.length < wanted) return false;
      converged = s.basis.length === n || wantedConverged(ritzResiduals(s), k, which, tol);
      return converged;
    },
  });
  const decomposition = ritzDecomposition(state);
  const m = state.basis.length;
  const scale = Math.max(Math.abs(decomposition.values[0]), Math.abs(decomposition.values[m - 1]));
  const pairsAt = (indices: number[]): RitzPairs => {
    const gaps = Float64Array.from(indices, (i) => ritzGap(decomposition, i));
    return {
      values: Float64Array.from(indices, (i) => decomposition.values[i]),
      vectors: indices.map((i) => combine(state.basis, decomposition.vectors.subarray(i * m, i * m + m), n)),
      residuals: Float64Array.from(indices, (i) => decomposition.residuals[i]),
      gaps,
      errors: Float64Array.from(indices, (i, j) => errorBar(decomposition.residuals[i], gaps[j], precision * scale)),
    };
  };
  const count = Math.min(k, m);
  const top = Array.from({ length: count }, (_, i) => i);
  const bottom = Array.from({ length: count }, (_, i) => m - 1 - i);
  const { alpha, beta } = diagonals(state);
  return {
    largest: which === 'smallest' ? undefined : pairsAt(top),
    smallest: which === 'largest' ? undefined : pairsAt(bottom),
    ritzValues: decomposition.values,
    converged,
    iterations: state.widths.length,
    products: op.products,
    blockSize,
    alpha,
    beta,
  };
}

/** Whether the k wanted Ritz pairs at the wanted end(s) have ‖r‖ ≤ tol · max|θ|. */
function wantedConverged(ritz: RitzResiduals, k: number, which: SpectrumEnd, tol: number): boolean {
  const m = ritz.values.length;
  const threshold = tol * Math.max(Math.abs(ritz.values[0]), Math.abs(ritz.values[m - 1]));
  for (let i = 0; i < Math.min(k, m); i++) {
    if (which !== 'smallest' && !(ritz.residuals[i] <= threshold)) return false;
    if (which !== 'largest' && !(ritz.residuals[m - 1 - i] <= threshold)) return false;
  }
  return true;
}

/** min over j ≠ i of |θ_j − θ_i| − r_j, NaN when not positive (or when there is no other Ritz value). */
function ritzGap(ritz: RitzResiduals, i: number): number {
  let gap = Infinity;
  for (let j = 0; j < ritz.values.length; j++) {
    if (j !== i) gap = Math.min(gap, Math.abs(ritz.values[j] - ritz.values[i]) - ritz.residuals[j]);
  }
  return gap > 0 && Number.isFinite(gap) ? gap : Number.NaN;
}

/** r²/gap when the gap is known and exceeds r, else r; at least `floor`. */
export function errorBar(residual: number, gap: number, floor: number): number {
  const bound = gap > residual ? (residual * residual) / gap : residual;
  return Math.max(bound, floor);
}

/** The diagonal and first super-diagonal of T_m (β_m, the norm of the first residual column, last). */
function diagonals(state: LanczosState): { alpha: Float64Array; beta: Float64Array } {
  const m = state.basis.length;
  const t = projectedMatrix(state);
  const alpha = Float64Array.from({ length: m }, (_, i) => t[i * m + i]);
  const beta = Float64Array.from({ length: m }, (_, i) => (i + 1 < m ? t[i * m + i + 1] : 0));
  const residual = state.coupling[state.coupling.length - 1];
  if (m > 0 && residual.length > 0) beta[m - 1] = residual[0];
  return { alpha, beta };
}

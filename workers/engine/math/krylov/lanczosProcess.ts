/**
 * The (block) Lanczos process with full re-orthogonalisation, shared by the
 * extreme-eigenpair solver, the deflation of the spectral density and
 * stochastic Lanczos quadrature.
 *
 * From an orthonormal start block Q₁ (b columns; b = 1 is the classical
 * method) each step applies A to the newest block at once and
 * orthonormalises the result against everything before it:
 *   (I − Q Qᵀ) A Q_j = Q_{j+1} B_j   (Gram–Schmidt twice, then a QR of the block),
 * so that after the steps Q_m = [Q₁ … Q_j] is orthonormal and
 *   A Q_m = Q_m T_m + Q_{j+1} B_j E_jᵀ          (the block Lanczos identity),
 * with T_m = Q_mᵀ A Q_m block tridiagonal: diagonal blocks A_i = Q_iᵀ A Q_i,
 * sub-diagonal blocks B_i. A Ritz pair (θ, Q_m s) of T_m has residual
 * ‖A Q_m s − θ Q_m s‖ = ‖B_j s_last‖, s_last the part of s on the last
 * block, available without another product. For b = 1, T_m is the
 * tridiagonal tridiag(β, α, β).
 *
 * Why blocks: a single start vector nearly orthogonal to one eigenvector of
 * a tight cluster (−2.371 next to −2.331, say) lets a Ritz value settle on
 * the neighbouring eigenvalue with a small residual, so the eigenvalue is
 * missed; with b random start vectors that needs the whole block to miss
 * it, which is far less likely, and the b products of a step are one
 * batched call.
 *
 * In floating point the recurrence loses orthogonality as Ritz values
 * converge; re-orthogonalising every new vector against all previous ones
 * keeps Q_m orthonormal to working precision at O(n m) extra cost per
 * vector, negligible next to a Hessian-vector product.
 */
import type { Rng } from '../rng';
import { axpy, dot, norm2, scaleInPlace } from '../linalg/vectorOps';
import { symmetricEigen, tridiagonalEigen } from '../linalg/symmetricEigen';
import { tridiagonalize } from '../linalg/householderTridiagonal';
import { tridiagonalQrInPlace } from '../linalg/tridiagonalQr';
import { projectRowsOut } from '../linalg/rowProjection';
import type { CountedOperator } from './operator';

/** The state of a Lanczos run: the basis and the blocks of T_m. */
export interface LanczosState {
  /** q₁ … q_m, orthonormal; block i holds the `widths[i]` vectors after those of the blocks before it. Views into `rows`. */
  basis: Float64Array[];
  /** The basis as the first m rows of one row-major matrix (its capacity may be larger), for block projections. */
  rows: Float64Array;
  /** Columns of each block (b, fewer where the space ran out or, with 'stop', where a column broke down). */
  widths: number[];
  /** A_i = Q_iᵀ A Q_i, widths[i]² entries row-major (symmetrised). */
  diagonal: Float64Array[];
  /**
   * B_i, widths[i+1] × widths[i] row-major with (I − Q Qᵀ) A Q_i = Q_{i+1} B_i;
   * the last one is the residual block B_j of the identity (its rows are the
   * vectors that would start the next block, which are not in `basis`). A
   * zero diagonal entry marks a breakdown: that column of A Q_i already lay
   * in span(Q) (an invariant subspace); with 'restart' a fresh random vector
   * took its place.
   */
  coupling: Float64Array[];
  /** The orthonormal vectors that start the next step (empty once the space is exhausted or a 'stop' breakdown ended the run). */
  next: Float64Array[];
}

/** How a run continues when a new vector vanishes (span(Q) is invariant under A). */
export type BreakdownPolicy =
  /** Stop: T_m already carries all the information the start vector can give (quadrature). */
  | { kind: 'stop' }
  /** Continue from a random unit vector orthogonal to Q (eigenpairs, deflation: find the rest of the spectrum). */
  | { kind: 'restart'; rng: Rng };

/** How runLanczos reacts to breakdowns and when it stops early. */
export interface LanczosProcessOptions {
  breakdown: BreakdownPolicy;
  /** Called after every step (one block of products); returning true stops the run. */
  afterStep?: (state: LanczosState) => boolean;
}

/** A new vector below this multiple of the running estimate of ‖A‖ counts as an exact zero. */
const BREAKDOWN_RELATIVE = 1e3 * Number.EPSILON;

/**
 * Runs Lanczos steps of `op` from `start` (one vector, or the b vectors of a
 * start block; normalised and orthonormalised, not modified) until the basis
 * holds `maxDimension` (≤ n) vectors (rounded down to whole blocks, except
 * where fewer than b directions are left) or `afterStep` says stop. One
 * product per basis vector, a block's products in one batched call.
 */
export async function runLanczos(
  op: CountedOperator,
  start: Float64Array | readonly Float64Array[],
  maxDimension: number,
  options: LanczosProcessOptions,
): Promise<LanczosState> {
  const startBlock = start instanceof Float64Array ? [start] : start;
  const block = orthonormalStart(startBlock, op.n, Math.min(maxDimension, op.n), options.breakdown);
  const state: LanczosState = { basis: [], rows: new Float64Array(0), widths: [], diagonal: [], coupling: [], next: block };
  return continueLanczos(op, state, maxDimension, options);
}

/**
 * Continues a run from `state.next` until the basis holds `maxDimension`
 * vectors (as runLanczos), updating and returning `state`: a Krylov space
 * can be grown later when it turns out too small.
 */
export async function continueLanczos(
  op: CountedOperator,
  state: LanczosState,
  maxDimension: number,
  options: LanczosProcessOptions,
): Promise<LanczosState> {
  const n = op.n;
  const limit = Math.min(maxDimension, n);
  let block = state.next;
  if (state.basis.length + block.length > limit) return state;
  let normEstimate = 0;
  for (let i = 0; i < state.diagonal.length; i++) normEstimate = Math.max(normEstimate, ...state.diagonal[i].map(Math.abs));

  while (block.length > 0) {
    appendToBasis(state, block, n, limit);
    state.widths.push(block.length);
    const products = await op.applyAll(block);
    const width = block.length;
    const diagonal = new Float64Array(width * width);
    for (let c = 0; c < width; c++) {
      for (let d = 0; d < width; d++) diagonal[c * width + d] = dot(block[c], products[d]);
    }
    symmetrise(diagonal, width);
    state.diagonal.push(diagonal);
    for (const product of products) normEstimate = Math.max(normEstimate, norm2(product));

    // The next block: the products orthogonalised against the whole basis (two passes of block
    // Gram–Schmidt as matrix products), then each against the new vectors before it.
    const stacked = new Float64Array(width * n);
    for (let d = 0; d < width; d++) {
      const w = stacked.subarray(d * n, (d + 1) * n);
      w.set(products[d]);
      // Subtracting the current block's part first makes the Gram–Schmidt better conditioned.
      for (let c = 0; c < width; c++) axpy(-diagonal[c * width + d], block[c], w);
    }
    projectRowsOut(stacked, width, state.rows, state.basis.length, n, 2);
    const next: Float64Array[] = [];
    const rows: number[][] = [];
    for (let d = 0; d < width; d++) {
      const w = stacked.slice(d * n, (d + 1) * n);
      const coefficients = orthogonalise(w, next);
      const length = norm2(w);
      if (length > BREAKDOWN_RELATIVE * normEstimate) {
        coefficients.push(length);
        next.push(scaleInPlace(1 / length, w));
      } else {
        coefficients.push(0);
        const fresh = options.breakdown.kind === 'restart' ? freshOrthogonalVector(options.breakdown.rng, [...state.basis, ...next], n) : null;
        if (fresh !== null) next.push(fresh);
      }
      rows.push(coefficients);
    }
    // Row c of B holds the coefficients of new vector c in each product d.
    const kept = next.length;
    const coupling = new Float64Array(kept * width);
    rows.forEach((coefficients, d) => {
      for (let c = 0; c < Math.min(kept, coefficients.length); c++) coupling[c * width + d] = coefficients[c];
    });
    state.coupling.push(coupling);
    const brokeDown = options.breakdown.kind === 'stop' && rows.some((coefficients) => coefficients[coefficients.length - 1] === 0);
    state.next = brokeDown ? [] : next;

    const stop = options.afterStep?.(state) ?? false;
    // A block is never cut short (its products are one call): the run ends before a block that would pass the limit.
    if (stop || brokeDown || state.basis.length + next.length > limit) break;
    block = next;
  }
  return state;
}

/** Copies `block` into the basis, growing its row storage (up to `limit` rows) when needed and re-pointing the views. */
function appendToBasis(state: LanczosState, block: readonly Float64Array[], n: number, limit: number): void {
  const needed = state.basis.length + block.length;
  if (needed * n > state.rows.length) {
    const capacity = Math.min(limit, Math.max(needed, 2 * state.basis.length, 16));
    const rows = new Float64Array(Math.max(capacity, needed) * n);
    rows.set(state.rows.subarray(0, state.basis.length * n));
    state.rows = rows;
    for (let j = 0; j < state.basis.length; j++) state.basis[j] = rows.subarray(j * n, (j + 1) * n);
  }
  for (const vector of block) {
    const j = state.basis.length;
    state.rows.set(vector, j * n);
    state.basis.push(state.rows.subarray(j * n, (j + 1) * n));
  }
}

/** The coefficients T[i][i] (α) and T[i][i+1] (β, the last one the residual norm) of a single-vector run. */
export function tridiagonalOf(state: LanczosState): { alpha: Float64Array; beta: Float64Array } {
  if (state.widths.some((width) => width !== 1)) throw new RangeError('tridiagonalOf needs a single-vector Lanczos run');
  return {
    alpha: Float64Array.from(state.diagonal, (block) => block[0]),
    beta: Float64Array.from(state.coupling, (block) => (block.length > 0 ? block[0] : 0)),
  };
}

/** T_m = Q_mᵀ A Q_m as a dense m×m row-major matrix, from the blocks. */
export function projectedMatrix(state: LanczosState): Float64Array {
  const m = state.basis.length;
  const t = new Float64Array(m * m);
  let offset = 0;
  state.widths.forEach((width, i) => {
    const diagonal = state.diagonal[i];
    for (let c = 0; c < width; c++) {
      for (let d = 0; d < width; d++) t[(offset + c) * m + offset + d] = diagonal[c * width + d];
    }
    if (i + 1 < state.widths.length) {
      const below = state.widths[i + 1];
      const coupling = state.coupling[i];
      for (let c = 0; c < below; c++) {
        for (let d = 0; d < width; d++) {
          t[(offset + width + c) * m + offset + d] = coupling[c * width + d];
          t[(offset + d) * m + offset + width + c] = coupling[c * width + d];
        }
      }
    }
    offset += width;
  });
  return t;
}

/** Every Ritz pair of a run: T_m's eigenvalues, its eigenvectors and the residual of each pair. */
export interface RitzDecomposition {
  /** θ₁ ≥ … ≥ θ_m. */
  values: Float64Array;
  /** m×m column-major: column i is the unit eigenvector s_i of T_m (the Ritz vector is Q_m s_i). */
  vectors: Float64Array;
  /** residuals[i] = ‖A Q_m s_i − θ_i Q_m s_i‖ = ‖B_j s_{i,last}‖. */
  residuals: Float64Array;
}

/** The Ritz decomposition of T_m (tridiagonal QR for b = 1, the dense eigensolver otherwise). */
export function ritzDecomposition(state: LanczosState): RitzDecomposition {
  const m = state.basis.length;
  const single = state.widths.every((width) => width === 1);
  const { values, vectors } = single
    ? (({ alpha, beta }) => tridiagonalEigen(alpha, beta))(tridiagonalOf(state))
    : symmetricEigen(projectedMatrix(state), m);
  const last = state.widths[state.widths.length - 1];
  const residualBlock = state.coupling[state.coupling.length - 1];
  const rows = residualBlock.length / last;
  const residuals = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let squares = 0;
    for (let c = 0; c < rows; c++) {
      let entry = 0;
      for (let d = 0; d < last; d++) entry += residualBlock[c * last + d] * vectors[i * m + m - last + d];
      squares += entry * entry;
    }
    residuals[i] = Math.sqrt(squares);
  }
  return { values, vectors, residuals };
}

/** The Ritz values of a run (descending) and the residual of each pair, without the eigenvectors. */
export interface RitzResiduals {
  values: Float64Array;
  residuals: Float64Array;
}

/**
 * The Ritz values and residuals of T_m in O(m³/3 + m² b) rather than the
 * full eigendecomposition's cost, for a convergence test after every step.
 * T = H Tₜ Hᵀ by Householder (tridiagonalize, from the last row up, so the
 * last b rows of H are touched by b − 1 reflectors only); QR on Tₜ applied
 * to the m × b matrix whose column c is row m − b + c of H gives, in row j,
 * the last-block entries s_{j,last} of T's j-th eigenvector, and so
 * ‖B_j s_{j,last}‖.
 */
export function ritzResiduals(state: LanczosState): RitzResiduals {
  const m = state.basis.length;
  const last = state.widths[state.widths.length - 1];
  const t = tridiagonalize(projectedMatrix(state), m);
  // rows[k·last + c] = H[m − last + c][k]: e_rᵀ H = e_rᵀ H_{m−1} ⋯ H_2, each H_i = I − u uᵀ / h on coordinates < i.
  const rows = new Float64Array(m * last);
  for (let c = 0; c < last; c++) {
    const x = new Float64Array(m);
    x[m - last + c] = 1;
    for (let i = m - 1; i >= 2; i--) {
      const h = t.reflectorScale[i];
      if (h === 0) continue;
      let projection = 0;
      for (let k = 0; k < i; k++) projection += x[k] * t.reflectors[i * m + k];
      if (projection === 0) continue;
      const factor = projection / h;
      for (let k = 0; k < i; k++) x[k] -= factor * t.reflectors[i * m + k];
    }
    for (let k = 0; k < m; k++) rows[k * last + c] = x[k];
  }
  const d = t.alpha;
  tridiagonalQrInPlace(d, t.beta, rows, last);
  const residualBlock = state.coupling[state.coupling.length - 1];
  const below = residualBlock.length / last;
  const order = Array.from({ length: m }, (_, i) => i).sort((p, q) => d[q] - d[p]);
  const residuals = Float64Array.from(order, (j) => {
    let squares = 0;
    for (let c = 0; c < below; c++) {
      let entry = 0;
      for (let e = 0; e < last; e++) entry += residualBlock[c * last + e] * rows[j * last + e];
      squares += entry * entry;
    }
    return Math.sqrt(squares);
  });
  return { values: Float64Array.from(order, (j) => d[j]), residuals };
}

/** w ← (I − V Vᵀ) w (Gram–Schmidt twice); returns the coefficients Vᵀw removed. */
function orthogonalise(w: Float64Array, vectors: readonly Float64Array[]): number[] {
  const coefficients = new Array<number>(vectors.length).fill(0);
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < vectors.length; j++) {
      const c = dot(vectors[j], w);
      axpy(-c, vectors[j], w);
      coefficients[j] += c;
    }
  }
  return coefficients;
}

function symmetrise(matrix: Float64Array, width: number): void {
  for (let c = 0; c < width; c++) {
    for (let d = c + 1; d < width; d++) {
      const mean = 0.5 * (matrix[c * width + d] + matrix[d * width + c]);
      matrix[c * width + d] = mean;
      matrix[d * width + c] = mean;
    }
  }
}

/** The start block orthonormalised; a dependent start vector is replaced by a random one ('restart') or dropped. */
function orthonormalStart(start: readonly Float64Array[], n: number, limit: number, breakdown: BreakdownPolicy): Float64Array[] {
  if (start.length === 0) throw new RangeError('Lanczos needs at least one start vector');
  const block: Float64Array[] = [];
  for (const vector of start) {
    if (vector.length !== n) throw new RangeError(`start vector has ${vector.length} entries, expected ${n}`);
    const length = norm2(vector);
    if (!(length > 0) || !Number.isFinite(length)) throw new RangeError('Lanczos start vector must be non-zero and finite');
    if (block.length >= limit) break;
    const w = scaleInPlace(1 / length, Float64Array.from(vector));
    orthogonalise(w, block);
    const rest = norm2(w);
    if (rest > 1e-8) block.push(scaleInPlace(1 / rest, w));
    else if (breakdown.kind === 'restart') {
      const fresh = freshOrthogonalVector(breakdown.rng, block, n);
      if (fresh !== null) block.push(fresh);
    }
  }
  return block;
}

/** A random unit vector orthogonal to `basis`, or null if none can be found (the basis spans ℝⁿ numerically). */
function freshOrthogonalVector(rng: Rng, basis: readonly Float64Array[], n: number): Float64Array | null {
  if (basis.length >= n) return null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const v = rng.fillNormal(new Float64Array(n));
    const before = norm2(v);
    orthogonalise(v, basis);
    const after = norm2(v);
    // If almost all of v lay in span(Q), what is left is rounding noise.
    if (after > 1e-8 * before) return scaleInPlace(1 / after, v);
  }
  return null;
}

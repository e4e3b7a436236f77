/**
 * Householder reduction of a dense symmetric matrix to tridiagonal form,
 * A = Q T Qᵀ, the first stage of the dense symmetric eigensolver.
 *
 * Storage: the matrix is n×n row-major, and only its lower triangle
 * (entries a[i·n + j] with j ≤ i) is read; the strict upper triangle is
 * scratch space. Rows of the lower triangle are contiguous, so the inner
 * loops below walk memory in order.
 *
 * The reduction runs from the last row upwards. Step i (i = n−1 … 2) builds
 * the reflector H_i = I − u uᵀ / h acting on coordinates 0 … i−1 that maps
 * row i's sub-diagonal part x = A[i, 0…i−1] onto a multiple of e_{i−1}, and
 * replaces the leading i×i block B by H_i B H_i. Then
 *   T = H_2 ⋯ H_{n−1} A H_{n−1} ⋯ H_2,   so  A = Q T Qᵀ with Q = H_{n−1} ⋯ H_2.
 */
import { gemmAccumulate } from './gemm';

/** The tridiagonal matrix T and the reflectors that define Q. */
export interface Tridiagonalization {
  /** Diagonal of T, length n. */
  alpha: Float64Array;
  /** Off-diagonal of T, length n − 1: beta[i] = T[i][i+1] = T[i+1][i]. */
  beta: Float64Array;
  /**
   * Reflector vectors: row i of this n×n row-major buffer holds u for H_i in
   * entries 0 … i−1 (the buffer is the caller's working copy of A).
   */
  reflectors: Float64Array;
  /** reflectorScale[i] = h of H_i = I − u uᵀ / h; 0 means H_i = I. */
  reflectorScale: Float64Array;
}

/** Reflectors generated per panel before the rest of the matrix is updated at once. */
const PANEL = 32;

/** Rows of the trailing update computed per matrix product (bounds the wasted upper-triangle work). */
const UPDATE_ROWS = 64;

/**
 * Reduces the symmetric matrix held in the lower triangle of `work` (n×n,
 * row-major; overwritten with the reflectors) to tridiagonal form.
 * Cost: (4/3) n³ floating-point operations.
 *
 * Blocked in the manner of LAPACK's dsytrd: within a panel of PANEL rows the leading
 * block is not rewritten after each reflector; instead its current value is
 * kept implicitly as B − V Wᵀ − W Vᵀ, where the columns of V are the panel's
 * reflectors u and those of W the matching q = p − (uᵀp / 2h) u (each H B H
 * subtracts u qᵀ + q uᵀ). At the end of the panel the whole update is applied
 * as one rank-2·PANEL matrix product, which runs far faster than PANEL
 * separate rank-2 sweeps over memory.
 */
export function tridiagonalize(work: Float64Array, n: number): Tridiagonalization {
  const panels = tridiagonalizeByPanels(work, n);
  for (;;) {
    const next = panels.next();
    if (next.done) return next.value;
  }
}

/**
 * {@link tridiagonalize} one panel at a time: yields after each panel the
 * rows still to reduce (each panel is about 8·PANEL·i² flops at row i), and
 * returns the same reduction. A caller can stop between panels (to let a
 * cancellation through) without changing the arithmetic.
 */
export function* tridiagonalizeByPanels(work: Float64Array, n: number): Generator<number, Tridiagonalization, void> {
  const alpha = new Float64Array(n);
  const beta = new Float64Array(Math.max(n - 1, 0));
  const reflectorScale = new Float64Array(n);
  // Panel vectors as rows (length n, zero past their end).
  const panelU = new Float64Array(PANEL * n);
  const panelQ = new Float64Array(PANEL * n);
  const p = new Float64Array(n);
  const u = new Float64Array(n);

  let i = n - 1;
  while (i >= 2) {
    const panelEnd = Math.max(i - PANEL + 1, 2);
    panelU.fill(0);
    panelQ.fill(0);
    let count = 0;
    for (; i >= panelEnd; i--, count++) {
      const rowI = i * n;
      // Bring row i up to date with the panel's earlier reflectors.
      for (let r = 0; r < count; r++) {
        const base = r * n;
        const ui = panelU[base + i];
        const qi = panelQ[base + i];
        for (let k = 0; k <= i; k++) work[rowI + k] -= ui * panelQ[base + k] + qi * panelU[base + k];
      }
      alpha[i] = work[rowI + i];
      const h = makeReflector(work, rowI, i, beta);
      reflectorScale[i] = h;
      if (h === 0) continue; // H_i = I: zero panel vectors

      // p = B u / h with B = (stored block) − V Wᵀ − W Vᵀ over the leading i×i block.
      u.set(work.subarray(rowI, rowI + i));
      symmetricLowerProduct(work, n, i, u, p);
      for (let r = 0; r < count; r++) {
        const base = r * n;
        let qDotU = 0;
        let vDotU = 0;
        for (let k = 0; k < i; k++) {
          qDotU += panelQ[base + k] * u[k];
          vDotU += panelU[base + k] * u[k];
        }
        for (let k = 0; k < i; k++) p[k] -= panelU[base + k] * qDotU + panelQ[base + k] * vDotU;
      }
      let uDotP = 0;
      for (let k = 0; k < i; k++) {
        p[k] /= h;
        uDotP += u[k] * p[k];
      }
      // H B H = B − u qᵀ − q uᵀ with q = p − (uᵀp / 2h) u.
      const halfK = uDotP / (2 * h);
      const slot = count * n;
      for (let k = 0; k < i; k++) {
        panelU[slot + k] = u[k];
        panelQ[slot + k] = p[k] - halfK * u[k];
      }
    }
    applyPanelUpdate(work, n, panelEnd, panelU, panelQ, count);
    yield i + 1;
  }
  if (n >= 2) {
    beta[0] = work[n];
    alpha[1] = work[n + 1];
  }
  if (n >= 1) alpha[0] = work[0];
  return { alpha, beta, reflectors: work, reflectorScale };
}

/**
 * Turns x = row i's entries 0 … i−1 into the reflector vector u (in place)
 * with H = I − u uᵀ / h mapping x to g e_{i−1}; records T's off-diagonal
 * entry beta[i−1] = g and returns h (0 when x = 0 and H = I).
 */
function makeReflector(work: Float64Array, rowI: number, i: number, beta: Float64Array): number {
  const last = i - 1;
  // Scale x by its 1-norm first so that squaring cannot overflow or underflow.
  let scale = 0;
  for (let k = 0; k <= last; k++) scale += Math.abs(work[rowI + k]);
  if (scale === 0) {
    beta[i - 1] = 0;
    return 0;
  }
  let sigma = 0;
  for (let k = 0; k <= last; k++) {
    const x = work[rowI + k] / scale;
    work[rowI + k] = x;
    sigma += x * x;
  }
  // g = −sign(x_last)‖x‖: the sign opposite to x_last avoids cancellation in u_last = x_last − g.
  const f = work[rowI + last];
  const g = f >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
  work[rowI + last] = f - g;
  beta[i - 1] = scale * g;
  return sigma - f * g; // = uᵀu / 2
}

/**
 * out[0 … i−1] = B u for the symmetric i×i block B stored in the lower
 * triangle of `work`. Each stored entry B[j][k] (k < j) contributes to out[j]
 * and out[k], so the block is read once. Rows are taken four at a time so
 * that each load of u[k] and each update of out[k] serves four entries of B.
 */
function symmetricLowerProduct(work: Float64Array, n: number, i: number, u: Float64Array, out: Float64Array): void {
  out.fill(0, 0, i);
  let j = 0;
  for (; j + 4 <= i; j += 4) {
    const r0 = j * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    const u0 = u[j], u1 = u[j + 1], u2 = u[j + 2], u3 = u[j + 3];
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let k = 0; k < j; k++) {
      const b0 = work[r0 + k], b1 = work[r1 + k], b2 = work[r2 + k], b3 = work[r3 + k];
      const uk = u[k];
      s0 += b0 * uk;
      s1 += b1 * uk;
      s2 += b2 * uk;
      s3 += b3 * uk;
      out[k] += b0 * u0 + b1 * u1 + b2 * u2 + b3 * u3;
    }
    out[j] += s0;
    out[j + 1] += s1;
    out[j + 2] += s2;
    out[j + 3] += s3;
    // The 4×4 diagonal tile.
    lowerRowsProduct(work, n, j, j, j + 4, u, out);
  }
  // The last i mod 4 rows, whole.
  lowerRowsProduct(work, n, 0, j, i, u, out);
}

/**
 * Adds to `out` the contributions of the lower triangle's entries B[r][c]
 * with rows from ≤ r < to and columns firstColumn ≤ c ≤ r.
 */
function lowerRowsProduct(work: Float64Array, n: number, firstColumn: number, from: number, to: number, u: Float64Array, out: Float64Array): void {
  for (let r = from; r < to; r++) {
    const row = r * n;
    const ur = u[r];
    let sum = work[row + r] * ur;
    for (let c = firstColumn; c < r; c++) {
      const b = work[row + c];
      sum += b * u[c];
      out[c] += b * ur;
    }
    out[r] += sum;
  }
}

/**
 * B ← B − V Qᵀ − Q Vᵀ on the leading size×size block (lower triangle; the
 * diagonal tiles also overwrite some upper-triangle entries, which are never
 * read), with V's and Q's columns stored as the rows of panelU and panelQ.
 */
function applyPanelUpdate(work: Float64Array, n: number, size: number, panelU: Float64Array, panelQ: Float64Array, count: number): void {
  if (count === 0 || size === 0) return;
  // Column forms (size × count) of V and Q, as the left factors.
  const uColumns = new Float64Array(size * count);
  const qColumns = new Float64Array(size * count);
  for (let r = 0; r < count; r++) {
    for (let k = 0; k < size; k++) {
      uColumns[k * count + r] = panelU[r * n + k];
      qColumns[k * count + r] = panelQ[r * n + k];
    }
  }
  for (let r0 = 0; r0 < size; r0 += UPDATE_ROWS) {
    const rows = Math.min(UPDATE_ROWS, size - r0);
    const columns = r0 + rows; // up to the diagonal of the last row in this band
    const target = { data: work, offset: r0 * n, stride: n };
    gemmAccumulate(rows, columns, count, -1, { data: uColumns, offset: r0 * count, stride: count }, { data: panelQ, offset: 0, stride: n }, target);
    gemmAccumulate(rows, columns, count, -1, { data: qColumns, offset: r0 * count, stride: count }, { data: panelU, offset: 0, stride: n }, target);
  }
}

/** Reflectors combined into one block transformation (compact WY form). */
const REFLECTOR_BLOCK = 32;

/**
 * Replaces each row z of `rows` (count × n, row-major) by Q z, where
 * Q = H_{n−1} ⋯ H_2 comes from `tridiagonalize`: a vector of T's basis
 * becomes the corresponding vector of A's basis. Cost: 2 n² · count.
 *
 * In row form this is Z ← Z H_2 H_3 ⋯ H_{n−1}. Consecutive reflectors are
 * grouped as H_i ⋯ H_{i+b−1} = I − Y T Yᵀ (compact WY form, Schreiber & Van
 * Loan 1989; Y = [u_i … u_{i+b−1}], T upper triangular b×b), so that each
 * group is applied with two matrix products, Z ← Z − ((Z Y) T) Yᵀ, which run
 * several times faster than one reflector at a time.
 */
export function applyQToRows(t: Tridiagonalization, n: number, rows: Float64Array, count: number): void {
  const zView = { data: rows, offset: 0, stride: n };
  for (let first = 2; first < n; first += REFLECTOR_BLOCK) {
    const last = Math.min(first + REFLECTOR_BLOCK, n) - 1;
    const b = last - first + 1;
    // Reflector i has i entries, so the group touches columns 0 … last−1 only.
    const width = last;
    const { yRows, yColumns, tFactor } = compactWy(t, n, first, b, width);
    // W = Z Y (count × b), then W T.
    const w = new Float64Array(count * b);
    gemmAccumulate(count, b, width, 1, zView, { data: yColumns, offset: 0, stride: b }, { data: w, offset: 0, stride: b });
    const wt = new Float64Array(count * b);
    gemmAccumulate(count, b, b, 1, { data: w, offset: 0, stride: b }, { data: tFactor, offset: 0, stride: b }, { data: wt, offset: 0, stride: b });
    // Z ← Z − (W T) Yᵀ.
    gemmAccumulate(count, width, b, -1, { data: wt, offset: 0, stride: b }, { data: yRows, offset: 0, stride: width }, zView);
  }
}

/**
 * The compact WY form of H_first ⋯ H_{first+b−1}: Y as rows (b × width) and
 * as columns (width × b), and T (b × b, row-major, upper triangular) built by
 * appending one reflector H = I − τ u uᵀ at a time:
 *   (I − Y T Yᵀ)(I − τ u uᵀ) = I − [Y u] [[T, −τ T Yᵀ u], [0, τ]] [Y u]ᵀ.
 */
function compactWy(t: Tridiagonalization, n: number, first: number, b: number, width: number) {
  const { reflectors, reflectorScale } = t;
  const yRows = new Float64Array(b * width);
  const yColumns = new Float64Array(width * b);
  const tFactor = new Float64Array(b * b);
  const tau = new Float64Array(b);
  for (let j = 0; j < b; j++) {
    const i = first + j;
    const h = reflectorScale[i];
    if (h === 0) continue; // H_i = I: a zero column of Y and τ = 0
    tau[j] = 1 / h;
    for (let k = 0; k < i; k++) {
      const u = reflectors[i * n + k];
      yRows[j * width + k] = u;
      yColumns[k * b + j] = u;
    }
  }
  const g = new Float64Array(b);
  for (let j = 0; j < b; j++) {
    tFactor[j * b + j] = tau[j];
    if (tau[j] === 0) continue;
    // g = Yᵀ u_j over the previous columns.
    const uj = j * width;
    for (let l = 0; l < j; l++) {
      let dot = 0;
      const ul = l * width;
      for (let k = 0; k < width; k++) dot += yRows[ul + k] * yRows[uj + k];
      g[l] = dot;
    }
    // Column j of T above the diagonal: −τ_j T g (T upper triangular).
    for (let r = 0; r < j; r++) {
      let sum = 0;
      for (let l = r; l < j; l++) sum += tFactor[r * b + l] * g[l];
      tFactor[r * b + j] = -tau[j] * sum;
    }
  }
  return { yRows, yColumns, tFactor };
}

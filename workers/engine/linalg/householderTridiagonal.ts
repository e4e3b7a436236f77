/**
 * Householder reduction of a dense symmetric matrix to tridiagonal form,
 * A = Q T Qᵀ, the first stage of the dense symmetric eigensolver.
 *
 * Storage: the matrix is n×n row-major, and only its lower triangle
 * (entries a[i·n + j] with j ≤ i) is read or written. Rows of the lower
 * triangle are contiguous, so every inner loop below walks memory in order.
 *
 * The reduction runs from the last row upwards. Step i (i = n−1 … 2) builds
 * the reflector H_i = I − u uᵀ / h acting on coordinates 0 … i−1 that maps
 * row i's sub-diagonal part x = A[i, 0…i−1] onto a multiple of e_{i−1}, and
 * replaces the leading i×i block B by H_i B H_i. Then
 *   T = H_2 ⋯ H_{n−1} A H_{n−1} ⋯ H_2,   so  A = Q T Qᵀ with Q = H_{n−1} ⋯ H_2.
 */

/** The tridiagonal matrix T and, optionally, the reflectors that define Q. */
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

/**
 * Reduces the symmetric matrix held in the lower triangle of `work` (n×n,
 * row-major; overwritten with the reflectors) to tridiagonal form.
 * Cost: (4/3) n³ floating-point operations.
 */
export function tridiagonalize(work: Float64Array, n: number): Tridiagonalization {
  const alpha = new Float64Array(n);
  const beta = new Float64Array(Math.max(n - 1, 0));
  const reflectorScale = new Float64Array(n);
  const p = new Float64Array(n);

  for (let i = n - 1; i >= 2; i--) {
    const rowI = i * n;
    const last = i - 1;
    // Scale x by its 1-norm first so that squaring cannot overflow or underflow.
    let scale = 0;
    for (let k = 0; k <= last; k++) scale += Math.abs(work[rowI + k]);
    if (scale === 0) {
      beta[i - 1] = 0;
      reflectorScale[i] = 0;
      alpha[i] = work[rowI + i];
      continue;
    }
    let sigma = 0;
    for (let k = 0; k <= last; k++) {
      const x = work[rowI + k] / scale;
      work[rowI + k] = x;
      sigma += x * x;
    }
    // H x = g e_last with g = −sign(x_last)‖x‖: choosing the sign opposite to
    // x_last avoids cancellation in u_last = x_last − g.
    const f = work[rowI + last];
    const g = f >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
    const h = sigma - f * g; // = uᵀu / 2
    work[rowI + last] = f - g;
    beta[i - 1] = scale * g;
    reflectorScale[i] = h;
    alpha[i] = work[rowI + i];

    // p = B u / h over the leading i×i block, reading only its lower triangle:
    // each stored entry B[j][k] (k < j) contributes to p[j] and p[k].
    p.fill(0, 0, i);
    for (let j = 0; j < i; j++) {
      const rowJ = j * n;
      const uj = work[rowI + j];
      let sum = work[rowJ + j] * uj;
      for (let k = 0; k < j; k++) {
        const bjk = work[rowJ + k];
        sum += bjk * work[rowI + k];
        p[k] += bjk * uj;
      }
      p[j] += sum;
    }
    let uDotP = 0;
    for (let k = 0; k < i; k++) {
      p[k] /= h;
      uDotP += work[rowI + k] * p[k];
    }
    // H B H = B − u qᵀ − q uᵀ with q = p − (uᵀp / 2h) u.
    const halfK = uDotP / (2 * h);
    for (let k = 0; k < i; k++) p[k] -= halfK * work[rowI + k];
    for (let j = 0; j < i; j++) {
      const rowJ = j * n;
      const uj = work[rowI + j];
      const qj = p[j];
      for (let k = 0; k <= j; k++) {
        work[rowJ + k] -= uj * p[k] + qj * work[rowI + k];
      }
    }
  }
  if (n >= 2) {
    beta[0] = work[n];
    alpha[1] = work[n + 1];
  }
  if (n >= 1) alpha[0] = work[0];
  return { alpha, beta, reflectors: work, reflectorScale };
}

/** How many vectors are transformed together, so that they stay in cache while the reflectors stream past. */
const VECTOR_BLOCK = 16;

/**
 * Replaces each row z of `rows` (count × n, row-major) by Q z, where
 * Q = H_{n−1} ⋯ H_2 comes from `tridiagonalize`: a vector of T's basis
 * becomes the corresponding vector of A's basis. Cost: 2 n² · count.
 */
export function applyQToRows(t: Tridiagonalization, n: number, rows: Float64Array, count: number): void {
  const { reflectors, reflectorScale } = t;
  for (let first = 0; first < count; first += VECTOR_BLOCK) {
    const end = Math.min(first + VECTOR_BLOCK, count);
    // Q z = H_{n−1}(⋯(H_2 z)): the innermost reflector applies first.
    for (let i = 2; i < n; i++) {
      const h = reflectorScale[i];
      if (h === 0) continue;
      const rowI = i * n;
      for (let r = first; r < end; r++) {
        const base = r * n;
        let dot = 0;
        for (let k = 0; k < i; k++) dot += reflectors[rowI + k] * rows[base + k];
        const s = dot / h;
        for (let k = 0; k < i; k++) rows[base + k] -= s * reflectors[rowI + k];
      }
    }
  }
}

/**
 * Implicit symmetric QR iteration with Wilkinson shifts on a symmetric
 * tridiagonal matrix (Golub & Van Loan, "Matrix Computations", §8.3).
 *
 * T has diagonal d[0…m−1] and off-diagonal e[0…m−2] (e[i] = T[i][i+1]).
 * Each step chases a bulge down the active block with plane rotations R_k,
 * T ← R T Rᵀ, so that T converges to diagonal form; an off-diagonal entry is
 * set to zero once |e[i]| ≤ ε (|d[i]| + |d[i+1]|), splitting the problem.
 */

/** Upper bound on QR steps per eigenvalue before giving up (convergence is normally 1–3 steps). */
const MAX_STEPS_PER_EIGENVALUE = 60;

/**
 * Diagonalises T in place: on return d holds the eigenvalues (unsorted) and
 * e is zero. When `rows` (m row vectors of length `rowLength`, row-major) is
 * given, every rotation R acting on coordinates (k, k+1) of T is also applied
 * to rows k and k+1, i.e. rows ← P · rows with P the product of all rotations.
 * Starting from rows = I (m×m) this leaves in row j the unit eigenvector of
 * T for d[j], since T = Pᵀ diag(d) P.
 *
 * Cost: O(m²) without rows, about 6 m² · rowLength with rows.
 * Throws if some eigenvalue fails to converge (never observed in practice).
 */
export function tridiagonalQrInPlace(
  d: Float64Array,
  e: Float64Array,
  rows: Float64Array | null = null,
  rowLength = 0,
): void {
  const m = d.length;
  let hi = m - 1;
  let stepsSinceDeflation = 0;
  while (hi > 0) {
    // Deflate at the bottom: a negligible e[hi−1] leaves d[hi] converged.
    if (isNegligible(d, e, hi - 1)) {
      e[hi - 1] = 0;
      hi--;
      stepsSinceDeflation = 0;
      continue;
    }
    // The active block [lo, hi] is the largest unreduced one ending at hi.
    let lo = hi - 1;
    while (lo > 0 && !isNegligible(d, e, lo - 1)) lo--;
    if (lo > 0) e[lo - 1] = 0;
    if (++stepsSinceDeflation > MAX_STEPS_PER_EIGENVALUE) {
      throw new Error(`tridiagonal QR did not converge (index ${hi})`);
    }
    qrStep(d, e, lo, hi, rows, rowLength);
  }
}

function isNegligible(d: Float64Array, e: Float64Array, i: number): boolean {
  return Math.abs(e[i]) <= Number.EPSILON * (Math.abs(d[i]) + Math.abs(d[i + 1])) || e[i] === 0;
}

/**
 * One implicit QR step on the unreduced block [lo, hi] with the Wilkinson
 * shift μ: the eigenvalue of the trailing 2×2 block closer to d[hi].
 */
function qrStep(
  d: Float64Array,
  e: Float64Array,
  lo: number,
  hi: number,
  rows: Float64Array | null,
  rowLength: number,
): void {
  const b = e[hi - 1];
  const delta = (d[hi - 1] - d[hi]) / 2;
  // μ = d_hi − b² / (δ + sign(δ)·sqrt(δ² + b²)), written without cancellation.
  const mu = d[hi] - (b * b) / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, b));

  // The first rotation is the one QR of (T − μI) would use; later ones chase the bulge.
  let x = d[lo] - mu;
  let z = e[lo];
  for (let k = lo; k < hi; k++) {
    const r = Math.hypot(x, z);
    // R = [[c, s], [−s, c]] maps (x, z) to (r, 0).
    const c = r === 0 ? 1 : x / r;
    const s = r === 0 ? 0 : z / r;
    if (k > lo) e[k - 1] = r; // the bulge below e[k−1] is now zero

    const dk = d[k];
    const dk1 = d[k + 1];
    const ek = e[k];
    const cc = c * c;
    const ss = s * s;
    const cs = c * s;
    d[k] = cc * dk + 2 * cs * ek + ss * dk1;
    d[k + 1] = ss * dk - 2 * cs * ek + cc * dk1;
    e[k] = cs * (dk1 - dk) + (cc - ss) * ek;
    if (k + 1 < hi) {
      // Row k gains the bulge s·e[k+1] at column k+2.
      x = e[k];
      z = s * e[k + 1];
      e[k + 1] *= c;
    }
    if (rows !== null) rotateRows(rows, rowLength, k, c, s);
  }
}

/** rows k and k+1 ← R · (rows k, k+1) with R = [[c, s], [−s, c]]. */
function rotateRows(rows: Float64Array, rowLength: number, k: number, c: number, s: number): void {
  const a = k * rowLength;
  const b = a + rowLength;
  for (let j = 0; j < rowLength; j++) {
    const ra = rows[a + j];
    const rb = rows[b + j];
    rows[a + j] = c * ra + s * rb;
    rows[b + j] = c * rb - s * ra;
  }
}

/**
 * Dense symmetric eigendecomposition A = V Λ Vᵀ: Householder reduction to a
 * tridiagonal T = Qᵀ A Q, T's eigenpairs (divide and conquer for all
 * eigenvectors, implicit QR with Wilkinson shifts for eigenvalues only), and
 * the back-transformation V = Q Z of T's eigenvectors Z. O(n³) time, O(n²)
 * memory.
 */
import { identityMatrix, sortedEigenRows } from './eigenRows';
import { applyQToRows, tridiagonalize, tridiagonalizeByPanels } from './householderTridiagonal';
import { tridiagonalEigenDivideConquer } from './tridiagonalDivideConquer';
import { tridiagonalQrInPlace } from './tridiagonalQr';

/** Eigenvalues in descending order and the matching unit eigenvectors. */
export interface EigenDecomposition {
  /** λ_0 ≥ λ_1 ≥ … ≥ λ_{n−1}. */
  values: Float64Array;
  /**
   * n×n, column-major: column k (entries vectors[k·n + i], i = 0…n−1) is the
   * unit eigenvector v_k with A v_k = λ_k v_k. The columns are orthonormal.
   */
  vectors: Float64Array;
}

/**
 * All eigenpairs of the symmetric n×n matrix `a` (row-major; only the lower
 * triangle a[i·n + j], j ≤ i, is read; `a` is not modified).
 * Values descend; column k of `vectors` is the eigenvector of values[k].
 * Throws a RangeError for a wrong size or a non-finite entry.
 */
export function symmetricEigen(a: Float64Array, n: number): EigenDecomposition {
  checkSquare(a, n);
  const t = tridiagonalize(Float64Array.from(a.subarray(0, n * n)), n);
  // Rows of z are T's eigenvectors, ascending; Q maps them to A's.
  const { values, rows: z } = tridiagonalEigenDivideConquer(t.alpha, t.beta);
  applyQToRows(t, n, z, n);
  return sortDescending(values, z, n);
}

/**
 * All eigenvalues of the symmetric n×n matrix `a` (row-major, lower triangle
 * read), in descending order. Skips the eigenvectors: (4/3) n³ + O(n²) work.
 */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  checkSquare(a, n);
  const t = tridiagonalize(Float64Array.from(a.subarray(0, n * n)), n);
  tridiagonalQrInPlace(t.alpha, t.beta);
  return t.alpha.sort().reverse();
}

/**
 * {@link symmetricEigenvalues}, the same arithmetic, with `between()`
 * awaited after each panel of the tridiagonalisation (the (4/3) n³ part;
 * the QR sweeps after it are O(n²)): where `between` lets the event loop
 * turn and throws once cancelled, a cancellation takes effect within one
 * panel rather than after the whole reduction.
 */
export async function symmetricEigenvaluesBetween(a: Float64Array, n: number, between: () => Promise<void>): Promise<Float64Array> {
  checkSquare(a, n);
  const panels = tridiagonalizeByPanels(Float64Array.from(a.subarray(0, n * n)), n);
  let next = panels.next();
  while (!next.done) {
    await between();
    next = panels.next();
  }
  const t = next.value;
  tridiagonalQrInPlace(t.alpha, t.beta);
  return t.alpha.sort().reverse();
}

/**
 * All eigenpairs of the symmetric tridiagonal matrix T with diagonal
 * `alpha` (length m) and off-diagonal `beta` (length m − 1, or longer with
 * the extra entries ignored; beta[i] = T[i][i+1]). Values descend; column k
 * of `vectors` (m×m, column-major: vectors[k·m + i]) is the unit eigenvector
 * of values[k]. The inputs are not modified. Cost about 6 m³.
 */
export function tridiagonalEigen(alpha: Float64Array, beta: Float64Array): EigenDecomposition {
  const m = alpha.length;
  if (beta.length < m - 1) {
    throw new RangeError(`tridiagonalEigen: beta needs ${m - 1} entries, got ${beta.length}`);
  }
  const d = Float64Array.from(alpha);
  const e = Float64Array.from(beta.subarray(0, Math.max(m - 1, 0)));
  const z = identityMatrix(m);
  tridiagonalQrInPlace(d, e, z, m);
  return sortDescending(d, z, m);
}

/** Rejects a wrong size, and non-finite entries (a diverged Hessian) before they turn every result into NaN. */
function checkSquare(a: Float64Array, n: number): void {
  if (!Number.isInteger(n) || n < 0 || a.length < n * n) {
    throw new RangeError(`symmetric eigensolver: need an n×n matrix with n = ${n}, got ${a.length} entries`);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      if (!Number.isFinite(a[i * n + j])) throw new RangeError(`symmetric eigensolver: entry (${i}, ${j}) is ${a[i * n + j]}`);
    }
  }
}

/** Orders eigenvalues descending, moving each eigenvector row along with its value. */
function sortDescending(values: Float64Array, rowVectors: Float64Array, n: number): EigenDecomposition {
  const sorted = sortedEigenRows(values, rowVectors, n, 'descending');
  return { values: sorted.values, vectors: sorted.rows };
}

/**
 * Eigenvalues of a symmetric tridiagonal matrix together with one chosen
 * component of every unit eigenvector, in O(m²) instead of the O(m³) of the
 * full eigenvector matrix. Lanczos needs the last components (Ritz residuals
 * |β_m · s_{m,i}|) and Gauss quadrature the first ones (Golub & Welsch 1969:
 * node θ_i, weight s_{1,i}²).
 */
import { tridiagonalQrInPlace } from './tridiagonalQr';

/** Eigenvalues in descending order and component `index` of each unit eigenvector. */
export interface EigenComponents {
  values: Float64Array;
  /** components[k] = v_k[index], with v_k the unit eigenvector of values[k] (sign arbitrary). */
  components: Float64Array;
}

/**
 * For T = tridiag(beta, alpha, beta) of size m, returns its eigenvalues
 * (descending) and entry `index` of each unit eigenvector.
 *
 * Why this works: QR iteration builds T = Pᵀ diag(d) P, the rows of P being
 * the eigenvectors; column `index` of P, P e_index, is obtained by applying
 * every rotation to e_index alone (a column of m one-entry rows).
 */
export function tridiagonalEigenComponents(alpha: Float64Array, beta: Float64Array, index: number): EigenComponents {
  const m = alpha.length;
  if (!Number.isInteger(index) || index < 0 || index >= m) {
    throw new RangeError(`component index ${index} is outside 0…${m - 1}`);
  }
  if (beta.length < m - 1) throw new RangeError(`beta needs ${m - 1} entries, got ${beta.length}`);
  const d = Float64Array.from(alpha);
  const e = Float64Array.from(beta.subarray(0, m - 1));
  const column = new Float64Array(m);
  column[index] = 1;
  tridiagonalQrInPlace(d, e, column, 1);
  const order = Array.from({ length: m }, (_, i) => i).sort((p, q) => d[q] - d[p]);
  return {
    values: Float64Array.from(order, (i) => d[i]),
    components: Float64Array.from(order, (i) => column[i]),
  };
}

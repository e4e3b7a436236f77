/**
 * Test operators with a prescribed spectrum: A = Q diag(λ) Qᵀ for a seeded
 * random orthogonal Q, applied as v ↦ Q (λ ∘ (Qᵀ v)) in O(n²) per product.
 * Used by the curvature tests only.
 */
import { Rng } from '../rng';
import type { MatVec } from './operator';

/** A symmetric operator whose eigenvalues and eigenvectors are known exactly. */
export interface KnownOperator {
  n: number;
  /** The eigenvalues, in the order given. */
  eigenvalues: Float64Array;
  /** Column k of Q (a unit eigenvector of eigenvalues[k]). */
  eigenvector(k: number): Float64Array;
  /** v ↦ A v, counting its calls in `calls`. */
  matVec: MatVec;
  calls: number;
  /** A v computed synchronously (for checking residuals). */
  applyNow(v: Float64Array): Float64Array;
  /** tr A = Σ λ. */
  trace: number;
}

/**
 * A random orthogonal n×n matrix, column-major (column k at [k·n, (k+1)·n)):
 * Gram–Schmidt (twice) on Gaussian columns, which gives the Haar distribution.
 */
export function randomOrthogonalColumns(n: number, rng: Rng): Float64Array[] {
  const columns: Float64Array[] = [];
  for (let k = 0; k < n; k++) {
    const v = rng.fillNormal(new Float64Array(n));
    for (let pass = 0; pass < 2; pass++) {
      for (const q of columns) {
        let d = 0;
        for (let i = 0; i < n; i++) d += q[i] * v[i];
        for (let i = 0; i < n; i++) v[i] -= d * q[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) v[i] /= norm;
    columns.push(v);
  }
  return columns;
}

/** The dense matrix Q diag(λ) Qᵀ (n × n, row-major) with Q drawn from `seed`, as `operatorWithSpectrum`'s. */
export function symmetricWithSpectrum(eigenvalues: ArrayLike<number>, seed: number): Float64Array {
  const n = eigenvalues.length;
  const q = randomOrthogonalColumns(n, new Rng(seed));
  const a = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const column = q[k];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] += eigenvalues[k] * column[i] * column[j];
  }
  return a;
}

/** The operator Q diag(λ) Qᵀ with Q drawn from `seed`. */
export function operatorWithSpectrum(eigenvalues: ArrayLike<number>, seed: number): KnownOperator {
  const n = eigenvalues.length;
  const lambda = Float64Array.from(eigenvalues);
  const q = randomOrthogonalColumns(n, new Rng(seed));
  const applyNow = (v: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const column = q[k];
      let c = 0;
      for (let i = 0; i < n; i++) c += column[i] * v[i];
      c *= lambda[k];
      for (let i = 0; i < n; i++) out[i] += c * column[i];
    }
    return out;
  };
  const op: KnownOperator = {
    n,
    eigenvalues: lambda,
    eigenvector: (k) => Float64Array.from(q[k]),
    calls: 0,
    matVec: async (v) => {
      op.calls++;
      return applyNow(v);
    },
    applyNow,
    trace: lambda.reduce((s, x) => s + x, 0),
  };
  return op;
}

/** A spectrum of size n: the given outliers followed by n − outliers.length values spread evenly over [lo, hi]. */
export function spectrumWithBulk(outliers: number[], n: number, lo: number, hi: number): number[] {
  const bulk = n - outliers.length;
  return [...outliers, ...Array.from({ length: bulk }, (_, i) => lo + ((hi - lo) * i) / Math.max(bulk - 1, 1))];
}

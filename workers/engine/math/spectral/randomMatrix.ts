/**
 * Reference spectral densities from random-matrix theory, to compare a
 * Hessian's spectrum with "structureless" matrices of the same mean and
 * variance.
 *
 * Wigner semicircle: the limit spectrum of a symmetric matrix with i.i.d.
 * entries; with mean μ and variance s² it is
 *   p(x) = 2 / (π R²) · √(R² − (x − μ)²) on |x − μ| ≤ R, R = 2s.
 *
 * Marchenko–Pastur: the limit spectrum of (1/N) XᵀX with X of size N×P and
 * i.i.d. entries of variance σ², ratio q = P/N. With a = σ²(1 − √q)²,
 * b = σ²(1 + √q)², the continuous part is
 *   p(x) = √((b − x)(x − a)) / (2π σ² q x) on a ≤ x ≤ b,
 * and for q > 1 a point mass 1 − 1/q sits at 0. Its mean is σ², its variance q σ⁴.
 */

/** Semicircle density with the given mean and variance at each grid point. */
export function semicircleDensity(grid: Float64Array, mean: number, variance: number): Float64Array {
  if (!(variance > 0)) throw new RangeError(`variance must be positive, got ${variance}`);
  const radiusSquared = 4 * variance;
  const factor = 2 / (Math.PI * radiusSquared);
  return Float64Array.from(grid, (x) => {
    const inside = radiusSquared - (x - mean) ** 2;
    return inside > 0 ? factor * Math.sqrt(inside) : 0;
  });
}

/** Marchenko–Pastur parameters. */
export interface MarchenkoPasturParameters {
  /** q = P/N, columns over rows of X. */
  ratio: number;
  /** σ², the variance of X's entries (the law's mean; its variance is q σ⁴). */
  entryVariance: number;
}

/** The continuous part of the Marchenko–Pastur density, and the mass of its atom at 0. */
export interface MarchenkoPasturDensity {
  density: Float64Array;
  /** max(0, 1 − 1/q): not representable on a grid, shown separately. */
  atomAtZero: number;
}

/** Marchenko–Pastur density with ratio q > 0 and entry variance σ² > 0 at each grid point. */
export function marchenkoPasturDensity(grid: Float64Array, { ratio, entryVariance }: MarchenkoPasturParameters): MarchenkoPasturDensity {
  if (!(ratio > 0) || !(entryVariance > 0)) throw new RangeError('Marchenko–Pastur needs ratio > 0 and entry variance > 0');
  const root = Math.sqrt(ratio);
  const lower = entryVariance * (1 - root) ** 2;
  const upper = entryVariance * (1 + root) ** 2;
  const density = Float64Array.from(grid, (x) => {
    if (x <= lower || x >= upper || x <= 0) return 0;
    return Math.sqrt((upper - x) * (x - lower)) / (2 * Math.PI * entryVariance * ratio * x);
  });
  return { density, atomAtZero: Math.max(0, 1 - 1 / ratio) };
}

/**
 * The Marchenko–Pastur law with a given mean m > 0 and variance v > 0:
 * σ² = m and q = v / m² (from mean σ², variance q σ⁴).
 */
export function matchMarchenkoPastur(mean: number, variance: number): MarchenkoPasturParameters {
  if (!(mean > 0)) throw new RangeError('a Marchenko–Pastur law has a positive mean');
  if (!(variance > 0)) throw new RangeError('variance must be positive');
  return { ratio: variance / (mean * mean), entryVariance: mean };
}

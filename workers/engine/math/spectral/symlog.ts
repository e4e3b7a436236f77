/**
 * A symmetric logarithmic axis for Hessian spectra, which mix a bulk of tiny
 * eigenvalues of both signs near 0 with a few outliers orders of magnitude
 * larger (Ghorbani et al. 2019; Sagun et al. 2017).
 *
 * Chosen transform: y = sign(λ) · log₁₀(1 + |λ| / c), with c > 0 the linear
 * scale. It is smooth and odd, linear for |λ| ≪ c (y ≈ λ / (c ln 10)) and
 * logarithmic for |λ| ≫ c, so negative eigenvalues stay visible, unlike
 * log|λ|. The density shown on this axis is the density of Y = symlog(λ),
 * smoothed in y with a fixed width: every decade gets the same resolution,
 * and the curve integrates to 1 over y.
 */
import { densityOnGrid } from '../krylov/density';

/** y = sign(x) · log₁₀(1 + |x| / c). */
export function symlog(x: number, linearScale: number): number {
  return Math.sign(x) * Math.log10(1 + Math.abs(x) / linearScale);
}

/** The inverse: x = sign(y) · c · (10^|y| − 1). */
export function inverseSymlog(y: number, linearScale: number): number {
  return Math.sign(y) * linearScale * (10 ** Math.abs(y) - 1);
}

/**
 * Density of Y = symlog(λ) for the discrete density (nodes, weights):
 * Σ_k w_k N(y; symlog(θ_k), σ_y²) on `gridY` (a grid in y units).
 * To read it against λ, label the axis with inverseSymlog(y).
 */
export function symlogDensityOnGrid(
  nodes: Float64Array,
  weights: Float64Array,
  gridY: Float64Array,
  sigmaY: number,
  linearScale: number,
): Float64Array {
  if (!(linearScale > 0)) throw new RangeError(`linear scale must be positive, got ${linearScale}`);
  const transformed = Float64Array.from(nodes, (x) => symlog(x, linearScale));
  return densityOnGrid(transformed, weights, gridY, sigmaY);
}

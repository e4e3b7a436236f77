/**
 * A discrete spectral density (point masses `weights` at `nodes`, as
 * stochastic Lanczos quadrature gives it, see deflatedSlq.ts) on a grid:
 * Gaussian smoothing, the grids themselves and their integrals.
 */

/**
 * The smoothed density p(x) = Σ_k w_k · N(x; θ_k, σ²) at each grid point:
 * every point mass becomes a Gaussian of standard deviation `sigma`, so p
 * integrates to Σ w_k (= 1 for SLQ weights) over a grid that extends a few σ
 * beyond the nodes.
 */
export function densityOnGrid(
  nodes: Float64Array,
  weights: Float64Array,
  grid: Float64Array,
  sigma: number,
): Float64Array {
  if (!(sigma > 0)) throw new RangeError(`sigma must be positive, got ${sigma}`);
  if (nodes.length !== weights.length) throw new RangeError('nodes and weights differ in length');
  const out = new Float64Array(grid.length);
  const norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
  const inverseTwoVariance = 1 / (2 * sigma * sigma);
  // Beyond 8σ a Gaussian is below 1e-14 of its peak; skipping it keeps the cost near O(grid · nearby nodes).
  const cutoff = 8 * sigma;
  for (let k = 0; k < nodes.length; k++) {
    const w = weights[k] * norm;
    if (w === 0) continue;
    const centre = nodes[k];
    for (let g = 0; g < grid.length; g++) {
      const dx = grid[g] - centre;
      if (Math.abs(dx) <= cutoff) out[g] += w * Math.exp(-dx * dx * inverseTwoVariance);
    }
  }
  return out;
}

/** `count` ≥ 2 equally spaced points from lo to hi inclusive. */
export function linearGrid(lo: number, hi: number, count: number): Float64Array {
  if (!Number.isInteger(count) || count < 2 || !(hi > lo)) throw new RangeError('linearGrid needs hi > lo and count ≥ 2');
  const step = (hi - lo) / (count - 1);
  return Float64Array.from({ length: count }, (_, i) => lo + i * step);
}

/**
 * A grid covering the nodes with a margin of `margin`·σ on both sides
 * (default 5), so that densityOnGrid integrates to 1 on it.
 */
export function gridAround(nodes: Float64Array, sigma: number, count: number, margin = 5): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of nodes) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  if (!Number.isFinite(lo)) throw new RangeError('gridAround needs at least one node');
  return linearGrid(lo - margin * sigma, hi + margin * sigma, count);
}

/**
 * Trapezoidal ∫ p dx over a grid (increasing, not necessarily uniform): used
 * to check that a density integrates to 1 and to normalise histograms.
 */
export function integrateOnGrid(grid: Float64Array, values: Float64Array): number {
  let sum = 0;
  for (let i = 1; i < grid.length; i++) sum += 0.5 * (values[i] + values[i - 1]) * (grid[i] - grid[i - 1]);
  return sum;
}

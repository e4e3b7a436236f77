/**
 * Densities and moments of a known spectrum, to overlay on stochastic
 * estimates: a full eigenvalue list λ₁ … λ_n is the discrete density with
 * weight 1/n at each λᵢ.
 */
import { densityOnGrid } from '../krylov/density';

/** Gaussian-smoothed density (1/n) Σᵢ N(x; λᵢ, σ²) of an eigenvalue list on a grid. */
export function exactDensityOnGrid(eigenvalues: Float64Array, grid: Float64Array, sigma: number): Float64Array {
  const weights = new Float64Array(eigenvalues.length).fill(1 / eigenvalues.length);
  return densityOnGrid(eigenvalues, weights, grid, sigma);
}

/**
 * Histogram of an eigenvalue list as a density: bin b = [edges[b], edges[b+1])
 * (the last bin closed) gets count_b / (n · width_b), so the bars' total area
 * is the fraction of eigenvalues inside [edges[0], edges[last]].
 */
export function spectrumHistogram(eigenvalues: Float64Array, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  if (bins < 1) throw new RangeError('spectrumHistogram needs at least two edges');
  for (let b = 0; b < bins; b++) {
    if (!(edges[b + 1] > edges[b])) throw new RangeError('histogram edges must increase strictly');
  }
  const counts = new Float64Array(bins);
  for (const x of eigenvalues) {
    if (x < edges[0] || x > edges[bins]) continue;
    // Binary search for the last edge ≤ x.
    let lo = 0;
    let hi = bins;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] <= x) lo = mid;
      else hi = mid;
    }
    counts[lo]++;
  }
  for (let b = 0; b < bins; b++) counts[b] /= eigenvalues.length * (edges[b + 1] - edges[b]);
  return counts;
}

/** Mean Σ w θ and variance Σ w (θ − mean)² of a discrete density (weights summing to 1). */
export function spectrumMoments(nodes: Float64Array, weights?: Float64Array): { mean: number; variance: number } {
  const n = nodes.length;
  if (n === 0) throw new RangeError('spectrumMoments needs at least one node');
  const weight = (i: number) => (weights ? weights[i] : 1 / n);
  let total = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    total += weight(i);
    mean += weight(i) * nodes[i];
  }
  mean /= total;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += weight(i) * (nodes[i] - mean) ** 2;
  return { mean, variance: variance / total };
}

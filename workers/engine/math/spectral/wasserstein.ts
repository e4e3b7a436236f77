/**
 * The 1-Wasserstein (earth mover's) distance between two probability
 * measures on the real line, each a set of point masses (a spectral
 * density from stochastic Lanczos quadrature, or an exact spectrum with
 * weight 1/n per eigenvalue):
 *   W₁(μ, ν) = ∫ |F_μ(x) − F_ν(x)| dx,
 * F the cumulative distribution functions (Vallender 1974): exact for
 * discrete measures, by one sweep over the merged, sorted nodes.
 */

/** A discrete measure: masses `weights` (non-negative) at `nodes`. */
export interface DiscreteMeasure {
  nodes: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/** The measure with mass 1/n at each of n values (an exact spectrum). */
export function uniformMeasure(values: ArrayLike<number>): DiscreteMeasure {
  if (values.length === 0) throw new RangeError('uniformMeasure: no values');
  return { nodes: values, weights: new Float64Array(values.length).fill(1 / values.length) };
}

/**
 * W₁ between two discrete measures, each normalised to total mass 1 first
 * (throws for a negative weight, a length mismatch or zero total mass).
 */
export function wasserstein1(a: DiscreteMeasure, b: DiscreteMeasure): number {
  const points = [...normalised(a, 1), ...normalised(b, -1)].sort((p, q) => p.x - q.x);
  // Σ over the gaps between consecutive nodes of |F_a − F_b| × gap; `difference` is F_a − F_b so far.
  let difference = 0;
  let distance = 0;
  for (let i = 0; i < points.length - 1; i++) {
    difference += points[i].mass;
    distance += Math.abs(difference) * (points[i + 1].x - points[i].x);
  }
  return distance;
}

/** The masses of `measure` divided by their total, signed (+1 for the first measure, −1 for the second). */
function normalised(measure: DiscreteMeasure, sign: number): { x: number; mass: number }[] {
  const { nodes, weights } = measure;
  if (nodes.length !== weights.length) throw new RangeError(`wasserstein1: ${nodes.length} nodes but ${weights.length} weights`);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] >= 0) || !Number.isFinite(nodes[i])) throw new RangeError('wasserstein1: weights must be ≥ 0 and nodes finite');
    total += weights[i];
  }
  if (!(total > 0)) throw new RangeError('wasserstein1: a measure has no mass');
  return Array.from(nodes, (x, i) => ({ x, mass: (sign * weights[i]) / total }));
}

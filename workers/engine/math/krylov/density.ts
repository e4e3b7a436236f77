/**
 * Spectral density of a symmetric operator by stochastic Lanczos quadrature
 * (Ubaru, Chen & Saad 2017; Ghorbani, Krishnan & Xiao 2019).
 *
 * The spectral density φ(t) = (1/n) Σᵢ δ(t − λᵢ) satisfies, for a random
 * unit-norm Rademacher probe v = z/√n,
 *   E[vᵀ f(A) v] = (1/n) tr f(A) = ∫ f dφ.
 * m Lanczos steps from v give T_m = Σ_k θ_k s_k s_kᵀ, and the m-point Gauss
 * quadrature vᵀ f(A) v ≈ Σ_k s_{1,k}² f(θ_k) is exact for polynomials of
 * degree < 2m. Averaging over `runs` probes gives nodes θ and weights
 * s_{1,k}² / runs that sum to 1: a discrete density whose moments estimate
 * those of φ (its mean is a Hutchinson estimate of tr A / n).
 */
import { tridiagonalEigenComponents } from '../linalg/tridiagonalComponents';
import { CountedOperator, resolveRng, type LongRunOptions, type MatVec, type RandomSource } from './operator';
import { runLanczos } from './lanczosProcess';

/** Options of stochastic Lanczos quadrature. */
export interface SlqOptions extends LongRunOptions, RandomSource {
  /** Number of random probes (default 10). */
  runs?: number;
  /** Lanczos steps per probe, i.e. products per probe (default 80, capped at n). */
  steps?: number;
}

/** A discrete spectral density: point masses `weights` at `nodes`. */
export interface SpectralDensityQuadrature {
  /** Ritz values of all runs (runs × steps of them, fewer if a run ended early). */
  nodes: Float64Array;
  /** Non-negative, summing to 1. */
  weights: Float64Array;
  /** Operator products used. */
  products: number;
  /** Number of probes. */
  runs: number;
}

/**
 * Stochastic Lanczos quadrature: `runs` Rademacher probes, `steps` Lanczos
 * steps (with full re-orthogonalisation) each. A run that reaches an
 * invariant subspace early stops there: its quadrature is then exact.
 * Progress: (products, runs · steps).
 */
export async function spectralDensitySlq(
  matVec: MatVec,
  n: number,
  options: SlqOptions = {},
): Promise<SpectralDensityQuadrature> {
  const runs = options.runs ?? 10;
  const steps = Math.min(options.steps ?? 80, n);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  const op = new CountedOperator(matVec, n, options.signal);
  const rng = resolveRng(options, 'slq');
  const planned = runs * steps;
  const nodes: number[] = [];
  const weights: number[] = [];

  for (let r = 0; r < runs; r++) {
    const probe = rng.fillRademacher(new Float64Array(n));
    const state = await runLanczos(op, probe, steps, {
      breakdown: { kind: 'stop' },
      afterStep: () => {
        options.onProgress?.(op.products, planned);
        return false;
      },
    });
    const { values, components } = tridiagonalEigenComponents(
      Float64Array.from(state.alpha),
      Float64Array.from(state.beta),
      0,
    );
    for (let k = 0; k < values.length; k++) {
      nodes.push(values[k]);
      weights.push((components[k] * components[k]) / runs);
    }
  }
  return { nodes: Float64Array.from(nodes), weights: Float64Array.from(weights), products: op.products, runs };
}

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

/**
 * A discrete spectral density (nodes with weights) turned into the curves a
 * spectrum chart draws: the Gaussian-smoothed density on a linear axis and
 * on a symmetric-log axis, the exact histogram when all eigenvalues are
 * known, and random-matrix references with the same mean and variance.
 *
 * For a matrix known to be positive semi-definite (the Gauss-Newton matrix
 * G = Jᵀ H_L J of a convex loss) the smoothing must not put mass below 0:
 * a Gaussian of width σ around an eigenvalue at 0 (G's null space holds
 * most of its spectrum) would put half of that eigenvalue below 0, and the
 * chart would show a PSD matrix with a third of its density negative. There
 * the nodes are clamped to ≥ 0 and each Gaussian is reflected at 0,
 * p(λ) = Σ w_k [N(λ; θ_k, σ²) + N(λ; −θ_k, σ²)] for λ ≥ 0 and 0 below: the
 * same mass, all of it on [0, ∞), and the axes start at 0.
 */
import { densityOnGrid, gridAround, integrateOnGrid } from '../krylov/density';
import { spectrumHistogram, spectrumMoments } from './knownSpectrum';
import { marchenkoPasturDensity, matchMarchenkoPastur, semicircleDensity, type MarchenkoPasturParameters } from './randomMatrix';
import { symlog, symlogDensityOnGrid } from './symlog';
import { linspace } from '../plane/grid';

/** Smoothing widths, grid sizes and the exact spectrum, when known. */
export interface DensityCurveOptions {
  /** Smoothing width σ on the linear axis (default 1 % of the nodes' range). */
  sigma?: number;
  /** Points of each grid (default 400). */
  gridPoints?: number;
  /** Every eigenvalue, when known: adds the exact histogram and the exact smoothed density. */
  exactEigenvalues?: Float64Array;
  /** Histogram bins over the grid's range (default 60). */
  histogramBins?: number;
  /** The symlog axis's linear scale c, y = sign(λ) log₁₀(1 + |λ|/c) (default 1e-3 · max|λ|). */
  linearScale?: number;
  /** Smoothing width on the symlog axis, in decades (default 1 % of its range). */
  sigmaY?: number;
  /**
   * The matrix is positive semi-definite: smooth with the kernel reflected
   * at 0 so that no density lies below 0 (see the module comment).
   */
  nonNegative?: boolean;
  /** |θ| ≤ tol · max|θ| counts as zero in `negativeWeight` (default {@link RELATIVE_ZERO_TOLERANCE}). */
  relativeZeroTolerance?: number;
}

/**
 * Eigenvalues (or quadrature nodes) within this fraction of max|λ| of zero
 * count as zero: products in float32 leave eigenvalues of a null space at
 * about ±1e-9 · max|λ|, which must not count as negative curvature.
 */
export const RELATIVE_ZERO_TOLERANCE = 1e-5;

/**
 * Σ w_k over the nodes θ_k < −tol · max|θ|: a discrete density's weight
 * below zero, i.e. the estimated fraction of negative eigenvalues (the
 * saddle index / P). Read from the quadrature itself, never from a smoothed
 * curve, whose width spreads the null space's mass on both sides of 0.
 */
export function negativeWeight(nodes: Float64Array, weights: Float64Array, relativeZeroTolerance = RELATIVE_ZERO_TOLERANCE): number {
  let largest = 0;
  for (const theta of nodes) largest = Math.max(largest, Math.abs(theta));
  const zero = relativeZeroTolerance * largest;
  let weight = 0;
  nodes.forEach((theta, k) => {
    if (theta < -zero) weight += weights[k];
  });
  return weight;
}

/**
 * The point masses smoothed by a kernel reflected at 0: (max(θ, 0), w) and
 * their mirror images (−max(θ, 0), w), so a Gaussian sum over them, read on
 * λ ≥ 0, is the reflected density. Negative nodes of a PSD matrix are
 * rounding noise and are clamped to 0 first.
 */
function mirroredAtZero(nodes: Float64Array, weights: Float64Array): { nodes: Float64Array; weights: Float64Array } {
  const n = nodes.length;
  const mirrored = new Float64Array(2 * n);
  const doubled = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const theta = Math.max(0, nodes[k]);
    mirrored[k] = theta;
    mirrored[n + k] = -theta;
    doubled[k] = weights[k];
    doubled[n + k] = weights[k];
  }
  return { nodes: mirrored, weights: doubled };
}

/** Curves on the symmetric-log axis y = symlog(λ, c). */
export interface SymlogCurves {
  linearScale: number;
  gridY: Float64Array;
  sigmaY: number;
  /** Density of y = symlog(λ); integrates to 1 over y. */
  density: Float64Array;
  /** The exact eigenvalues' density on the same axis, when known. */
  exact: Float64Array | null;
}

/** Everything a spectrum chart draws, on one linear grid and one symlog grid. */
export interface DensityCurves {
  /** Linear axis. */
  grid: Float64Array;
  sigma: number;
  density: Float64Array;
  /**
   * ∫ p dλ of the smoothed density (trapezoid on a grid around the nodes
   * fine enough for σ, at most σ/4 apart, whatever the drawn grid's span):
   * 1 up to the smoothing tails, a check on the weights.
   */
  integral: number;
  /** Σ w θ and Σ w (θ − mean)² of the discrete density. */
  mean: number;
  variance: number;
  /** Σ of the weights (1 for a proper density). */
  totalWeight: number;
  /** Σ w over nodes below −tol · max|θ| ({@link negativeWeight}): the estimated fraction of negative eigenvalues. */
  negativeWeight: number;
  /** Smoothed with the kernel reflected at 0, for a positive semi-definite matrix: no density below 0. */
  nonNegative: boolean;
  symlog: SymlogCurves;
  /** Wigner semicircle with the same mean and variance. */
  semicircle: Float64Array;
  /** Marchenko–Pastur law with the same mean and variance (null unless the mean is positive). */
  marchenkoPastur: { density: Float64Array; atomAtZero: number; parameters: MarchenkoPasturParameters } | null;
  /** Histogram of the exact eigenvalues as a density, bins `histogramEdges` (null when unknown). */
  histogram: { edges: Float64Array; density: Float64Array } | null;
  /** The exact eigenvalues smoothed with the same σ on `grid` (null when unknown). */
  exactDensity: Float64Array | null;
}

/**
 * The curves of the density Σ_k w_k δ(λ − θ_k). The linear grid spans the
 * nodes, the exact eigenvalues (if given) and the references' supports with
 * 5σ margins, so the smoothed density integrates to its total weight and
 * every reference is drawn whole; with `nonNegative` both axes start at
 * 0 and the smoothed densities are reflected there (references are cut at 0).
 */
export function densityCurves(nodes: Float64Array, weights: Float64Array, options: DensityCurveOptions = {}): DensityCurves {
  if (nodes.length === 0 || nodes.length !== weights.length) {
    throw new RangeError(`densityCurves: need equally many nodes and weights (≥ 1), got ${nodes.length} and ${weights.length}`);
  }
  const exact = options.exactEigenvalues;
  const span = exact !== undefined ? Float64Array.from([...nodes, ...exact]) : nodes;
  let lo = Infinity;
  let hi = -Infinity;
  let largestMagnitude = 0;
  for (const x of span) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
    largestMagnitude = Math.max(largestMagnitude, Math.abs(x));
  }
  const scale = largestMagnitude > 0 ? largestMagnitude : 1;
  const sigma = options.sigma ?? Math.max(0.01 * (hi - lo), 1e-6 * scale);
  const { mean, variance } = spectrumMoments(nodes, weights);
  const positiveMoments = mean > 0 && variance > 0;
  const parameters = positiveMoments ? matchMarchenkoPastur(mean, variance) : null;
  // The axis also covers the references' supports: the semicircle's
  // mean ± 2·std and Marchenko–Pastur's [σ²(1 − √q)², σ²(1 + √q)²].
  const radius = 2 * Math.sqrt(variance);
  const supportEnds = [mean - radius, mean + radius];
  if (parameters !== null) {
    const root = Math.sqrt(parameters.ratio);
    supportEnds.push(parameters.entryVariance * (1 - root) ** 2, parameters.entryVariance * (1 + root) ** 2);
  }
  const points = options.gridPoints ?? 400;
  const nonNegative = options.nonNegative ?? false;
  const around = gridAround(Float64Array.from([lo, hi, ...supportEnds]), sigma, points);
  const grid = nonNegative ? linspace(0, Math.max(around[around.length - 1], sigma), points) : around;
  // What the Gaussians are centred on: the masses, or the masses and their mirror images at 0 (read on λ ≥ 0 only).
  const uniform = exact && new Float64Array(exact.length).fill(1 / exact.length);
  const masses = (atNodes: Float64Array, withWeights: Float64Array) =>
    nonNegative ? mirroredAtZero(atNodes, withWeights) : { nodes: atNodes, weights: withWeights };
  const smoothed = masses(nodes, weights);
  const exactMasses = exact !== undefined && uniform ? masses(exact, uniform) : null;
  // With `nonNegative` both grids start at 0, so the mirror images only add their tails above 0.
  const onLinear = (m: { nodes: Float64Array; weights: Float64Array }) => densityOnGrid(m.nodes, m.weights, grid, sigma);
  const density = onLinear(smoothed);
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;

  const linearScale = options.linearScale ?? 1e-3 * scale;
  const yLo = nonNegative ? 0 : symlog(lo, linearScale);
  const yHi = symlog(hi, linearScale);
  const sigmaY = options.sigmaY ?? Math.max(0.01 * (yHi - yLo), 1e-3);
  const gridY = linspace(nonNegative ? 0 : yLo - 5 * sigmaY, yHi + 5 * sigmaY, points);

  let histogram: DensityCurves['histogram'] = null;
  if (exact !== undefined) {
    const edges = linspace(grid[0], grid[grid.length - 1], (options.histogramBins ?? 60) + 1);
    // A PSD matrix's eigenvalues of its null space come out at ±1e-9: they belong in the first bar, not off the axis.
    histogram = { edges, density: spectrumHistogram(nonNegative ? Float64Array.from(exact, (x) => Math.max(0, x)) : exact, edges) };
  }
  const onSymlog = (m: { nodes: Float64Array; weights: Float64Array }) => symlogDensityOnGrid(m.nodes, m.weights, gridY, sigmaY, linearScale);
  return {
    grid,
    sigma,
    density,
    integral: smoothedIntegral(nodes, weights, sigma),
    mean,
    variance,
    totalWeight,
    negativeWeight: negativeWeight(nodes, weights, options.relativeZeroTolerance),
    nonNegative,
    symlog: {
      linearScale,
      gridY,
      sigmaY,
      density: onSymlog(smoothed),
      exact: exactMasses && onSymlog(exactMasses),
    },
    semicircle: variance > 0 ? semicircleDensity(grid, mean, variance) : new Float64Array(grid.length),
    marchenkoPastur: parameters && { ...marchenkoPasturDensity(grid, parameters), parameters },
    histogram,
    exactDensity: exactMasses && onLinear(exactMasses),
  };
}

/** Most points of the integration grid (a span of 20000 σ/4 widths). */
const MAX_INTEGRATION_POINTS = 20000;

/**
 * ∫ Σ_k w_k N(λ; θ_k, σ²) dλ by the trapezoid rule on a grid from 5σ below
 * the nodes to 5σ above, spaced at most σ/4 (then accurate to far below the
 * tails' 6e-7): the drawn grid may span much more (a reference's support)
 * and be too coarse for narrow Gaussians.
 */
function smoothedIntegral(nodes: Float64Array, weights: Float64Array, sigma: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of nodes) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const points = Math.min(MAX_INTEGRATION_POINTS, Math.max(400, Math.ceil((hi - lo + 10 * sigma) / (sigma / 4)) + 1));
  const grid = gridAround(nodes, sigma, points);
  return integrateOnGrid(grid, densityOnGrid(nodes, weights, grid, sigma));
}

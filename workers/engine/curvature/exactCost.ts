/**
 * An up-front estimate of how long the exact spectrum will take, so the UI
 * can say "about 40 s" before committing: assembly ≈ P products at the
 * measured cost of one batched product, and the eigensolver ≈ a·P³ + b·P²
 * with a, b calibrated by timing it on two small random matrices here.
 */
import { symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import { Rng } from '../math/rng';
import { type DenseCurvatureModel } from './denseSpectrum';
import { MAX_EXACT_PARAMETERS } from '../spec/limits';
import { curvatureOperator, type CurvatureMatrix } from './operators';

/** The predicted cost of `exactSpectrum`, and what it was predicted from. */
export interface ExactCostEstimate {
  /** P. */
  size: number;
  /** Whether P ≤ MAX_EXACT_PARAMETERS. */
  feasible: boolean;
  /** Measured milliseconds per matrix-vector product, in a batch of `probeColumns`. */
  productMs: number;
  /**
   * P · productMs (for S = H − G, both products). The dense Gauss-Newton
   * matrix is built from per-sample Jacobians rather than P products, so for
   * it this is an upper bound.
   */
  assemblyMs: number;
  /** a·P³ + b·P², a and b from the calibration runs. */
  eigenMs: number;
  totalMs: number;
}

/** Sizes of the timed products and eigensolves. */
export interface ExactCostOptions {
  /** Columns in the timed batched product (default 32: large batches cost less per column, as in the assembly). */
  probeColumns?: number;
  /** Largest matrix the eigensolver is timed on (default 192; also timed at half that size). */
  calibrationSize?: number;
}

/**
 * Times one batched product of `probeColumns` random vectors and dense
 * eigenvalue solves of two small sizes, and scales: products by P, the
 * eigensolver by a fitted a·P³ + b·P² (see `eigensolverMs`).
 */
export async function estimateExactCost(
  model: DenseCurvatureModel,
  params: Float32Array,
  matrix: CurvatureMatrix,
  options: ExactCostOptions = {},
): Promise<ExactCostEstimate> {
  const size = model.paramCount;
  const columns = Math.min(options.probeColumns ?? 32, size);
  const calibrationSize = Math.min(options.calibrationSize ?? 192, Math.max(size, 16));
  const rng = Rng.derive(0, 'exact-cost');

  const operators = matrix === 'residual' ? (['hessian', 'gaussNewton'] as const) : ([matrix] as const);
  let productMs = 0;
  for (const which of operators) {
    const op = curvatureOperator(model, params, which);
    const vectors = rng.fillNormal(new Float32Array(columns * size));
    // An untimed product first: the first call pays for kernel set-up and compilation.
    await op.batch(vectors.subarray(0, size), 1);
    const start = performance.now();
    await op.batch(vectors, columns);
    productMs += (performance.now() - start) / columns;
  }

  const eigenMs = eigensolverMs(size, calibrationSize, rng);
  const assemblyMs = productMs * size;
  return { size, feasible: size <= MAX_EXACT_PARAMETERS, productMs, assemblyMs, eigenMs, totalMs: assemblyMs + eigenMs };
}

/** Milliseconds of one symmetricEigenvalues call on a random symmetric n×n matrix (after an untimed call). */
function timeEigensolver(n: number, rng: Rng): number {
  const sample = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) sample[i * n + j] = sample[j * n + i] = rng.normal();
  }
  // The first call lets the JavaScript engine compile the eigensolver.
  symmetricEigenvalues(sample, n);
  const start = performance.now();
  symmetricEigenvalues(sample, n);
  return performance.now() - start;
}

/**
 * The eigensolver's time at P from timings at m/2 and m (m the
 * calibration size): t(n) = a n³ + b n² fitted through both points, so the
 * O(n²) part seen at small sizes is not scaled by (P/m)³; where timing
 * noise makes the fit meaningless (a ≤ 0) it falls back to t(m)·(P/m)³,
 * an overestimate.
 */
function eigensolverMs(size: number, calibrationSize: number, rng: Rng): number {
  const large = calibrationSize;
  const small = Math.max(8, Math.round(calibrationSize / 2));
  const tSmall = timeEigensolver(small, rng);
  const tLarge = timeEigensolver(large, rng);
  const cubic = (tLarge / large ** 2 - tSmall / small ** 2) / (large - small);
  if (!(cubic > 0) || large === small) return tLarge * (size / large) ** 3;
  const quadratic = tLarge / large ** 2 - cubic * large;
  return cubic * size ** 3 + Math.max(quadratic, 0) * size ** 2;
}

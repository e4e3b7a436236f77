/**
 * An up-front estimate of how long the exact spectrum will take, so the UI
 * can say "about 40 s" before committing: assembly ≈ P products at the
 * measured cost of one batched product, and the eigensolver ≈ c·P³ with c
 * calibrated by timing it on a small random matrix on this machine.
 */
import { symmetricEigenvalues } from '../linalg/symmetricEigen';
import { Rng } from '../rng';
import { MAX_EXACT_PARAMETERS, type DenseCurvatureModel } from './denseSpectrum';
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
  /** c · P³, c from the calibration run. */
  eigenMs: number;
  totalMs: number;
}

export interface ExactCostOptions {
  /** Columns in the timed batched product (default 8). */
  probeColumns?: number;
  /** Size of the matrix the eigensolver is timed on (default 96). */
  calibrationSize?: number;
}

/**
 * Times one batched product of `probeColumns` random vectors and one dense
 * eigenvalue solve of size `calibrationSize`, and scales: products by P,
 * the eigensolver by (P / calibrationSize)³ (its O(P²) parts make the small
 * timing an overestimate per P³, which errs on the safe side).
 */
export async function estimateExactCost(
  model: DenseCurvatureModel,
  params: Float32Array,
  matrix: CurvatureMatrix,
  options: ExactCostOptions = {},
): Promise<ExactCostEstimate> {
  const size = model.paramCount;
  const columns = Math.min(options.probeColumns ?? 8, size);
  const calibrationSize = options.calibrationSize ?? 96;
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

  const sample = new Float64Array(calibrationSize * calibrationSize);
  for (let i = 0; i < calibrationSize; i++) {
    for (let j = 0; j <= i; j++) sample[i * calibrationSize + j] = sample[j * calibrationSize + i] = rng.normal();
  }
  const start = performance.now();
  symmetricEigenvalues(sample, calibrationSize);
  const calibrationMs = performance.now() - start;
  const eigenMs = calibrationMs * (size / calibrationSize) ** 3;
  const assemblyMs = productMs * size;
  return { size, feasible: size <= MAX_EXACT_PARAMETERS, productMs, assemblyMs, eigenMs, totalMs: assemblyMs + eigenMs };
}

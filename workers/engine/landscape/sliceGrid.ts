/**
 * Loss (and accuracy) on a 2-D slice of parameter space,
 * θ(α, β) = θ₀ + α d₁ + β d₂, evaluated in batched passes.
 */
import type { ProgressOptions } from '../networks/denseSymmetric';
import type { BatchEvaluation, MlpObjective } from '../networks/objective';
import { planePathPays } from '../networks/planeBatch';

/**
 * The batch evaluation a slice needs (MlpObjective provides it). With
 * `evaluatePlane` (optional: other evaluators may lack it) a slice is
 * evaluated from the plane's structure instead of materialised points.
 */
export type BatchEvaluator = Pick<MlpObjective, 'paramCount' | 'evaluateBatch'> & Partial<Pick<MlpObjective, 'evaluatePlane'>>;

/** Progress, cancellation and memory bound of a slice evaluation. */
export interface SliceGridOptions extends ProgressOptions {
  /**
   * At most this many parameter values (grid points × P) are materialised
   * at once; the grid is evaluated in chunks of rows. Default 2²².
   */
  maxBatchValues?: number;
}

const DEFAULT_MAX_BATCH_VALUES = 1 << 22;

/** The (αᵢ, βⱼ) pairs of grid points first … first + count − 1 (index i·nβ + j), K × 2. */
function gridPairs(alphas: ArrayLike<number>, betas: ArrayLike<number>, first: number, count: number): Float64Array {
  const pairs = new Float64Array(2 * count);
  for (let k = 0; k < count; k++) {
    pairs[2 * k] = alphas[Math.floor((first + k) / betas.length)];
    pairs[2 * k + 1] = betas[(first + k) % betas.length];
  }
  return pairs;
}

/** θ₀ + αᵢ d₁ + βⱼ d₂ at those grid points, summed in float64 and rounded once to float32, K × P. */
function gridPoints(
  params: Float32Array,
  d1: Float32Array,
  d2: Float32Array,
  alphas: ArrayLike<number>,
  betas: ArrayLike<number>,
  first: number,
  count: number,
): Float32Array {
  const size = params.length;
  const pairs = gridPairs(alphas, betas, first, count);
  const batch = new Float32Array(count * size);
  for (let k = 0; k < count; k++) {
    const alpha = pairs[2 * k];
    const beta = pairs[2 * k + 1];
    for (let p = 0; p < size; p++) batch[k * size + p] = params[p] + alpha * d1[p] + beta * d2[p];
  }
  return batch;
}

/**
 * Loss and accuracy at θ₀ + αᵢ d₁ + βⱼ d₂ for every pair (i, j): arrays of
 * length nα·nβ, entry i·nβ + j (row i = αᵢ). Each chunk of points is one
 * `evaluatePlane` call where the objective has it (a few large GEMMs per layer), else one
 * `evaluateBatch` call on the points formed in float64 and rounded once to
 * float32 (batched matMuls over [K, fanIn, fanOut] kernels). Progress
 * counts grid points.
 */
export async function evaluateSliceGrid(
  objective: BatchEvaluator,
  params: Float32Array,
  d1: Float32Array,
  d2: Float32Array,
  alphas: ArrayLike<number>,
  betas: ArrayLike<number>,
  options: SliceGridOptions = {},
): Promise<BatchEvaluation> {
  const size = objective.paramCount;
  if (params.length !== size || d1.length !== size || d2.length !== size) {
    throw new Error(
      `A slice needs vectors of ${size} parameters; got params ${params.length}, d1 ${d1.length}, d2 ${d2.length}`,
    );
  }
  const total = alphas.length * betas.length;
  if (total === 0) throw new Error('A slice needs at least one alpha and one beta');
  const maxValues = options.maxBatchValues ?? DEFAULT_MAX_BATCH_VALUES;
  const pointsPerChunk = Math.max(1, Math.floor(maxValues / size));
  const loss = new Float32Array(total);
  let accuracy: Float32Array | null = null;
  for (let first = 0; first < total; first += pointsPerChunk) {
    options.signal?.throwIfAborted();
    const count = Math.min(pointsPerChunk, total - first);
    const result =
      objective.evaluatePlane === undefined || !planePathPays()
        ? await objective.evaluateBatch(gridPoints(params, d1, d2, alphas, betas, first, count), count)
        : await objective.evaluatePlane(params, d1, d2, gridPairs(alphas, betas, first, count), count);
    loss.set(result.loss, first);
    if (result.accuracy !== null) {
      accuracy ??= new Float32Array(total);
      accuracy.set(result.accuracy, first);
    }
    options.onProgress?.(first + count, total);
  }
  return { loss, accuracy };
}

/** Loss only: loss[i·nβ + j] = L(θ₀ + αᵢ d₁ + βⱼ d₂) (see `evaluateSliceGrid`). */
export async function sliceGrid(
  objective: BatchEvaluator,
  params: Float32Array,
  d1: Float32Array,
  d2: Float32Array,
  alphas: ArrayLike<number>,
  betas: ArrayLike<number>,
  options: SliceGridOptions = {},
): Promise<Float32Array> {
  return (await evaluateSliceGrid(objective, params, d1, d2, alphas, betas, options)).loss;
}

/**
 * Loss (and accuracy) on a slice of parameter space, θ(α, β) = c + α d₁ + β d₂
 * (a line when d₂ is null), evaluated in batched passes: at given plane
 * coordinates, and on the whole grid of two axes.
 */
import type { ProgressOptions } from '../networks/denseSymmetric';
import type { BatchEvaluation, MlpObjective } from '../networks/objective';
import { planePathPays } from '../networks/planeBatch';
import { gridCoordinates, gridIndexRange } from '../math/plane/gridIndex';
import { pointsOnPlane, type Plane } from '../math/plane/plane';
import type { ParamVector } from '../math/plane/vectors';

/**
 * The batch evaluation a slice needs (MlpObjective provides it). With
 * `evaluatePlane` (optional: other evaluators may lack it) a slice is
 * evaluated from the plane's structure instead of materialised points.
 */
export type BatchEvaluator = Pick<MlpObjective, 'paramCount' | 'evaluateBatch'> & Partial<Pick<MlpObjective, 'evaluatePlane'>>;

/**
 * Loss and accuracy at the `count` points of `coords` ((α, β) pairs, K×2) of
 * `plane`: from the plane's structure where the objective can and it pays
 * (`evaluatePlane`: a few large GEMMs per layer; on a line only the α's are
 * passed), else one `evaluateBatch` call on the points formed in float64 and
 * rounded once to float32 (`pointsOnPlane`; batched matMuls over
 * [K, fanIn, fanOut] kernels).
 */
export function evaluateOnPlane(objective: BatchEvaluator, plane: Plane, coords: Float64Array, count: number): Promise<BatchEvaluation> {
  if (objective.evaluatePlane === undefined || !planePathPays()) return objective.evaluateBatch(pointsOnPlane(plane, coords), count);
  const [centre, d1] = [float32(plane.centre), float32(plane.d1)];
  if (plane.d2 !== null) return objective.evaluatePlane(centre, d1, float32(plane.d2), coords, count);
  return objective.evaluatePlane(centre, d1, null, coords.filter((_, i) => i % 2 === 0), count);
}

/** `v` in float32, the precision the batched evaluations take (no copy when it already is). */
function float32(v: ParamVector): Float32Array {
  return v instanceof Float32Array ? v : Float32Array.from(v);
}

/** Progress, cancellation and memory bound of a slice evaluation. */
export interface SliceGridOptions extends ProgressOptions {
  /**
   * At most this many parameter values (grid points × P) are materialised
   * at once; the grid is evaluated in chunks of points. Default 2²².
   */
  maxBatchValues?: number;
}

const DEFAULT_MAX_BATCH_VALUES = 1 << 22;

/**
 * Loss and accuracy at c + αᵢ d₁ + βⱼ d₂ for every pair (i, j): arrays of
 * length nα·nβ in the grid convention, entry `gridIndex(nα, i, j)` = j·nα + i
 * (α along a row, β down the rows). The points are taken in storage order,
 * in chunks of at most `maxBatchValues` parameter values, each chunk one
 * `evaluateOnPlane` call. Progress counts grid points.
 */
export async function evaluateSliceGrid(
  objective: BatchEvaluator,
  plane: Plane,
  alphas: ArrayLike<number>,
  betas: ArrayLike<number>,
  options: SliceGridOptions = {},
): Promise<BatchEvaluation> {
  const size = objective.paramCount;
  const { centre, d1, d2 } = plane;
  if (centre.length !== size || d1.length !== size || (d2 !== null && d2.length !== size)) {
    throw new Error(
      `A slice needs vectors of ${size} parameters; got centre ${centre.length}, d1 ${d1.length}, d2 ${d2 === null ? 'none' : d2.length}`,
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
    const coords = gridCoordinates(alphas, betas, gridIndexRange(first, count));
    const result = await evaluateOnPlane(objective, plane, coords, count);
    loss.set(result.loss, first);
    if (result.accuracy !== null) {
      accuracy ??= new Float32Array(total);
      accuracy.set(result.accuracy, first);
    }
    options.onProgress?.(first + count, total);
  }
  return { loss, accuracy };
}

/** Loss only: loss[gridIndex(nα, i, j)] = L(c + αᵢ d₁ + βⱼ d₂) (see `evaluateSliceGrid`). */
export const sliceGrid = async (...args: Parameters<typeof evaluateSliceGrid>): Promise<Float32Array> =>
  (await evaluateSliceGrid(...args)).loss;

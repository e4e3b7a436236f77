/**
 * A training trajectory drawn over a slice, and how faithful that picture
 * is. Each snapshot θ_t is projected onto the slice by least squares,
 * (a_t, b_t) = argmin ‖θ_t − c − a d1 − b d2‖, which leaves a residual
 * distance off the plane; the loss the surface shows at (a_t, b_t) is
 * compared with the TRUE loss L(θ_t) of the snapshot. Where the residuals
 * are large relative to the path's length, or the two losses differ, the
 * path drawn on the surface is not the path the optimizer took.
 */
import { throwIfAborted } from '../math/krylov/operator';
import type { BatchEvaluator } from './sliceGrid';
import { projectOntoPlane } from '../math/plane/projection';
import type { ParamVector } from '../math/plane/vectors';
import { bilinearLookup, type SampledField } from '../math/plane/fieldLookup';
import { checkPlane, type Plane } from '../math/plane/plane';

/** How closely the slice represents the trajectory. */
export interface Faithfulness {
  /** max_t |L(θ_t) − surface(a_t, b_t)| over the points inside the slice's range (NaN if none). */
  maxLossGap: number;
  /** The mean of the same gaps. */
  meanLossGap: number;
  /** Snapshots whose projection falls outside the slice's range (no surface value). */
  pointsOutside: number;
  /** max_t and mean_t of the residual distance ‖θ_t − projection‖. */
  maxResidual: number;
  meanResidual: number;
  /** Σ_t ‖θ_{t+1} − θ_t‖: the length of the path in parameter space. */
  pathLength: number;
  /** meanResidual / pathLength (NaN for a path that never moves): 0 when the path lies in the plane. */
  relativeResidual: number;
}

/** A trajectory on a slice: where each snapshot projects, how far off it lies, and its true loss. */
export interface TrajectoryProjection {
  /** Plane coordinates of every snapshot (beta all 0 on a line). */
  alpha: Float64Array;
  beta: Float64Array;
  /** Distance of every snapshot from the line or plane. */
  residual: Float64Array;
  /** L(θ_t) at the snapshots themselves. */
  trueLoss: Float32Array;
  trueAccuracy: Float32Array | null;
  /** The slice's (interpolated) loss at each projection; NaN outside its range; null without a slice. */
  surfaceLoss: Float64Array | null;
  faithfulness: Faithfulness;
}

/** The slice to compare with, cancellation, and the batch size. */
export interface ProjectionOptions {
  /** The evaluated slice (values = its loss field; see `fieldOnAxes`), for the surface's loss along the path. */
  slice?: SampledField;
  signal?: AbortSignal;
  /** Snapshots per evaluateBatch call (default 256). */
  chunkPoints?: number;
}

/**
 * Projects the T snapshots (`snapshots`, T×P row-major) onto `plane` and
 * evaluates the true loss at each of them in batches with `objective` (the
 * objective the slice was drawn with). Rejects with an AbortError between
 * batches when cancelled.
 */
export async function projectTrajectory(
  objective: BatchEvaluator,
  snapshots: ParamVector,
  plane: Plane,
  options: ProjectionOptions = {},
): Promise<TrajectoryProjection> {
  checkPlane('projectTrajectory', plane, objective.paramCount);
  const { alpha, beta, residual } = projectOntoPlane(snapshots, plane);
  const size = objective.paramCount;
  const count = alpha.length;
  if (count < 1) throw new RangeError('projectTrajectory: no snapshots');

  const chunk = options.chunkPoints ?? 256;
  const trueLoss = new Float32Array(count);
  let trueAccuracy: Float32Array | null = null;
  for (let first = 0; first < count; first += chunk) {
    throwIfAborted(options.signal);
    const rows = Math.min(chunk, count - first);
    const batch = Float32Array.from(snapshots.subarray(first * size, (first + rows) * size));
    const result = await objective.evaluateBatch(batch, rows);
    trueLoss.set(result.loss, first);
    if (result.accuracy !== null) (trueAccuracy ??= new Float32Array(count)).set(result.accuracy, first);
  }
  throwIfAborted(options.signal);

  const slice = options.slice;
  const surfaceLoss = slice === undefined ? null : Float64Array.from(alpha, (a, t) => bilinearLookup(slice, a, beta[t]));
  return { alpha, beta, residual, trueLoss, trueAccuracy, surfaceLoss, faithfulness: faithfulness(snapshots, size, residual, trueLoss, surfaceLoss) };
}

function faithfulness(
  snapshots: ParamVector,
  size: number,
  residual: Float64Array,
  trueLoss: Float32Array,
  surfaceLoss: Float64Array | null,
): Faithfulness {
  const count = residual.length;
  let pathLength = 0;
  for (let t = 1; t < count; t++) {
    let step = 0;
    for (let p = 0; p < size; p++) step += (snapshots[t * size + p] - snapshots[(t - 1) * size + p]) ** 2;
    pathLength += Math.sqrt(step);
  }
  let maxResidual = 0;
  let sumResidual = 0;
  for (const r of residual) {
    maxResidual = Math.max(maxResidual, r);
    sumResidual += r;
  }
  let maxLossGap = Number.NaN;
  let sumGap = 0;
  let inside = 0;
  if (surfaceLoss !== null) {
    surfaceLoss.forEach((surface, t) => {
      if (Number.isNaN(surface)) return;
      const gap = Math.abs(trueLoss[t] - surface);
      maxLossGap = inside === 0 ? gap : Math.max(maxLossGap, gap);
      sumGap += gap;
      inside++;
    });
  }
  const meanResidual = sumResidual / count;
  return {
    maxLossGap,
    meanLossGap: inside > 0 ? sumGap / inside : Number.NaN,
    pointsOutside: surfaceLoss === null ? count : count - inside,
    maxResidual,
    meanResidual,
    pathLength,
    relativeResidual: pathLength > 0 ? meanResidual / pathLength : Number.NaN,
  };
}

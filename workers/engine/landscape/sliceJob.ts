/**
 * Evaluating a slice of the loss landscape: the loss (and accuracy) at every
 * point of a line or grid around a centre, batched, coarse to fine, streamed.
 *
 * The grid's points are visited in `progressiveOrder`: first a coarse
 * sub-grid (every S-th point on each axis, S a power of two), then the
 * points of each halved stride. When a level is complete the rest of the
 * field is filled by bilinear interpolation from it (`fillFromSubgrid`), so
 * the surface can be drawn whole after the first chunk and sharpens in
 * place. Each chunk of points is one `evaluateOnPlane` call (from the
 * plane's structure where the objective has it, else K networks in one
 * batched matMul per layer); chunks are sized to take about `targetChunkMs`
 * each, so progress is smooth and cancellation (checked between chunks) is
 * prompt.
 */
import { throwIfAborted } from '../math/krylov/operator';
import type { CriticalPointOptions } from '../math/plane/gridCriticalPoints';
import { fillFromSubgrid, progressiveLevels, progressiveOrder, type ProgressiveLevel } from '../math/plane/grid';
import { gridCoordinates, gridIndexRange, gridIndexSlice, type GridIndices } from '../math/plane/gridIndex';
import { evaluateOnPlane, type BatchEvaluator } from './sliceGrid';
import { sliceCriticalPoints, type SliceCriticalPoints } from './criticalPoints';
import { sliceGeometry, type SliceRequest } from './sliceRequest';

/** One streamed step of a slice job. The arrays are the job's own and are updated in place. */
export interface SliceUpdate {
  /** The loss field, nx·ny values at `gridIndex(nx, i, j)` = j·nx + i (α_i along a row, β_j down the rows). */
  loss: Float32Array;
  /** The accuracy field (classification), or null. */
  accuracy: Float32Array | null;
  /** The grid indices evaluated by this chunk. */
  indices: GridIndices;
  /** Points evaluated so far and in all. */
  done: number;
  total: number;
  /** done / total. */
  progress: number;
  /**
   * The field is exact on the sub-grid of this stride and interpolated
   * between (1 when finished). 0 before the first (coarsest) level is
   * complete: the points not yet computed are NaN.
   */
  exactStride: number;
}

/** Streaming, cancellation, visiting order and chunking of a slice job. */
export interface SliceJobOptions {
  /** Called after every chunk. */
  onChunk?: (update: SliceUpdate) => void;
  /** Aborting rejects the job with an AbortError before its next chunk. */
  signal?: AbortSignal;
  /** Visit the points coarse to fine (default true); false evaluates them in index order. */
  progressive?: boolean;
  /** Aimed-at milliseconds per chunk (default 250). */
  targetChunkMs?: number;
  /** At most this many parameter values (points × P) in one chunk (default 2²²: 16 MB). */
  maxChunkValues?: number;
  /** Tolerances of the critical-point search on the finished field. */
  criticalPoints?: CriticalPointOptions;
}

/** A finished slice. */
export interface SliceResult {
  alphas: Float64Array;
  /** [0] on a line. */
  betas: Float64Array;
  nx: number;
  ny: number;
  loss: Float32Array;
  accuracy: Float32Array | null;
  /** Discrete minima, saddles and maxima of the loss field, in plane coordinates. */
  critical: SliceCriticalPoints;
  /** Batched calls made. */
  chunks: number;
  elapsedMs: number;
}

const DEFAULT_TARGET_CHUNK_MS = 250;
const DEFAULT_MAX_CHUNK_VALUES = 1 << 22;
/** Smallest chunk once timing is known: below this, per-call overhead dominates. */
const MIN_CHUNK_POINTS = 16;
/** Largest first chunk, whose cost is not yet known. */
const FIRST_CHUNK_POINTS = 512;

/**
 * Evaluates `request` with `objective` (the train or the test objective:
 * whichever data the picture should show). Rejects with a RangeError for an
 * infeasible request and with an AbortError when cancelled.
 */
export async function runSliceJob(
  objective: BatchEvaluator,
  request: SliceRequest,
  options: SliceJobOptions = {},
): Promise<SliceResult> {
  const started = performance.now();
  const { plane, alphas, betas, nx, ny } = sliceGeometry(request, objective.paramCount);
  const size = objective.paramCount;
  const total = nx * ny;
  const progressive = options.progressive ?? true;
  const levels: ProgressiveLevel[] = progressive ? progressiveLevels(nx, ny) : [{ stride: 1, start: 0, count: total }];
  const order = progressive ? progressiveOrder(nx, ny) : gridIndexRange(0, total);
  const memoryPoints = Math.max(1, Math.floor((options.maxChunkValues ?? DEFAULT_MAX_CHUNK_VALUES) / size));
  const targetMs = options.targetChunkMs ?? DEFAULT_TARGET_CHUNK_MS;

  const loss = new Float32Array(total).fill(Number.NaN);
  let accuracy: Float32Array | null = null;
  let done = 0;
  let chunks = 0;
  let msPerPoint: number | null = null;
  let exactStride = 0;

  for (const level of levels) {
    let position = level.start;
    const end = level.start + level.count;
    while (position < end) {
      throwIfAborted(options.signal);
      // The first chunk takes the whole coarse level (so the surface can be
      // drawn at once) within a fixed cap; later chunks are sized by the measured cost.
      const wanted = msPerPoint === null ? FIRST_CHUNK_POINTS : Math.max(MIN_CHUNK_POINTS, Math.round(targetMs / msPerPoint));
      const count = Math.min(wanted, memoryPoints, end - position);
      const indices = gridIndexSlice(order, position, position + count);
      const coords = gridCoordinates(alphas, betas, indices);
      const chunkStart = performance.now();
      const result = await evaluateOnPlane(objective, plane, coords, count);
      msPerPoint = Math.max((performance.now() - chunkStart) / count, 1e-3);
      throwIfAborted(options.signal);
      if (result.accuracy !== null) accuracy ??= new Float32Array(total).fill(Number.NaN);
      indices.forEach((k, r) => {
        loss[k] = result.loss[r];
        if (accuracy !== null && result.accuracy !== null) accuracy[k] = result.accuracy[r];
      });
      position += count;
      done += count;
      chunks++;
      if (position === end) {
        exactStride = level.stride;
        fillFromSubgrid(loss, nx, ny, level.stride);
        if (accuracy !== null) fillFromSubgrid(accuracy, nx, ny, level.stride);
      }
      options.onChunk?.({ loss, accuracy, indices, done, total, progress: done / total, exactStride });
    }
  }
  return {
    alphas,
    betas,
    nx,
    ny,
    loss,
    accuracy,
    critical: sliceCriticalPoints(loss, alphas, betas, options.criticalPoints),
    chunks,
    elapsedMs: performance.now() - started,
  };
}

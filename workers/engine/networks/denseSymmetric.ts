/**
 * Dense symmetric matrices assembled from batched matrix-vector products,
 * in chunks short enough that a cancellation is noticed promptly.
 */

/** Progress and cancellation for long computations. */
export interface ProgressOptions {
  /** Called after each chunk with the work done so far and the total (columns, or samples). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects with the signal's reason between chunks. */
  signal?: AbortSignal;
  /**
   * Awaited before every chunk: a worker passes a macrotask yield here, so
   * that the message carrying a cancellation is read while the matrix is
   * still being assembled.
   */
  betweenChunks?: () => Promise<void>;
  /** Aim for chunks of about this many milliseconds (default 50), so a cancellation waits at most about that long. */
  chunkMilliseconds?: number;
}

/** The default duration of one chunk: well inside the 200 ms in which a cancelled job must stop. */
export const DEFAULT_CHUNK_MILLISECONDS = 50;

/**
 * The n×n matrix A (row-major, float64) of a symmetric operator given by
 * batched products: `multiply(directions, count)` returns A·d for the `count`
 * rows d of `directions` (count × n, row-major). Columns are obtained from
 * the identity's columns e_j, at most `chunk` at a time, and the result is
 * symmetrised, A ← (A + Aᵀ)/2, so rounding in the products cannot make it
 * asymmetric. The first call takes one column and times it; later calls
 * take as many columns as fit in `chunkMilliseconds` (re-timed after every
 * call, never more than `chunk`).
 */
export async function denseSymmetricFromProducts(
  n: number,
  chunk: number,
  multiply: (directions: Float32Array, count: number) => Promise<Float32Array>,
  options: ProgressOptions = {},
): Promise<Float64Array> {
  const matrix = new Float64Array(n * n);
  const largest = Math.max(1, Math.floor(chunk));
  const target = options.chunkMilliseconds ?? DEFAULT_CHUNK_MILLISECONDS;
  let step = 1;
  for (let first = 0; first < n; ) {
    await options.betweenChunks?.();
    options.signal?.throwIfAborted();
    const count = Math.min(step, n - first);
    const identityColumns = new Float32Array(count * n);
    for (let b = 0; b < count; b++) identityColumns[b * n + first + b] = 1;
    const started = performance.now();
    const products = await multiply(identityColumns, count);
    const perColumn = (performance.now() - started) / count;
    // products row b = A e_{first+b}: column first+b of A.
    for (let b = 0; b < count; b++) {
      const column = first + b;
      for (let i = 0; i < n; i++) matrix[i * n + column] = products[b * n + i];
    }
    first += count;
    options.onProgress?.(first, n);
    // The next chunk: as many columns as the measured cost per column allows, growing at most fourfold at once.
    const affordable = perColumn > 0 ? Math.floor(target / perColumn) : largest;
    step = Math.max(1, Math.min(largest, 4 * count, affordable));
  }
  return symmetrizeInPlace(matrix, n);
}

/** A ← (A + Aᵀ)/2 for the n×n row-major `matrix`; returns it. */
export function symmetrizeInPlace(matrix: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = 0.5 * (matrix[i * n + j] + matrix[j * n + i]);
      matrix[i * n + j] = mean;
      matrix[j * n + i] = mean;
    }
  }
  return matrix;
}

/**
 * Dense symmetric matrices assembled from batched matrix-vector products.
 */

/** Progress and cancellation for long computations. */
export interface ProgressOptions {
  /** Called after each chunk with the work done so far and the total (columns, or samples). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects with the signal's reason between chunks. */
  signal?: AbortSignal;
}

/**
 * The n×n matrix A (row-major, float64) of a symmetric operator given by
 * batched products: `multiply(directions, count)` returns A·d for the `count`
 * rows d of `directions` (count × n, row-major). Columns are obtained from
 * the identity's columns e_j, `chunk` at a time, and the result is
 * symmetrised, A ← (A + Aᵀ)/2, so rounding in the products cannot make it
 * asymmetric.
 */
export async function denseSymmetricFromProducts(
  n: number,
  chunk: number,
  multiply: (directions: Float32Array, count: number) => Promise<Float32Array>,
  options: ProgressOptions = {},
): Promise<Float64Array> {
  const matrix = new Float64Array(n * n);
  const step = Math.max(1, Math.floor(chunk));
  for (let first = 0; first < n; first += step) {
    options.signal?.throwIfAborted();
    const count = Math.min(step, n - first);
    const identityColumns = new Float32Array(count * n);
    for (let b = 0; b < count; b++) identityColumns[b * n + first + b] = 1;
    const products = await multiply(identityColumns, count);
    // products row b = A e_{first+b}: column first+b of A.
    for (let b = 0; b < count; b++) {
      const column = first + b;
      for (let i = 0; i < n; i++) matrix[i * n + column] = products[b * n + i];
    }
    options.onProgress?.(first + count, n);
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

/**
 * Projection of many vectors at once off an orthonormal set stored as the
 * rows of one matrix: V ← V (I − QᵀQ), as two matrix products
 * (C = V Qᵀ, then V −= C Q) instead of one dot product and one update per
 * pair of vectors — the same arithmetic, in the cache-friendly kernel.
 */
import { gemmAccumulate } from './gemm';
import { axpy, dot } from './vectorOps';

/** Below this many rows the plain loops beat the matrix products' packing. */
const ROWS_FOR_GEMM = 4;

/**
 * rows ← rows (I − QᵀQ) for `count` rows of length n (row-major) and the
 * `rank` orthonormal rows of `basis` (row-major, rank × n), `passes` times
 * (classical Gram–Schmidt; two passes restore orthogonality to working
 * precision when a row lay nearly inside span(Q)). `basisTransposed`
 * (n × rank), when the same basis serves many calls, saves repacking it.
 * In place; returns rows.
 */
export function projectRowsOut(
  rows: Float64Array,
  count: number,
  basis: Float64Array,
  rank: number,
  n: number,
  passes = 1,
  basisTransposed?: Float64Array,
): Float64Array {
  if (rank === 0 || count === 0) return rows;
  for (let pass = 0; pass < passes; pass++) {
    if (count < ROWS_FOR_GEMM) {
      for (let r = 0; r < count; r++) {
        const row = rows.subarray(r * n, (r + 1) * n);
        const coefficients = new Float64Array(rank);
        for (let j = 0; j < rank; j++) coefficients[j] = dot(basis.subarray(j * n, (j + 1) * n), row);
        for (let j = 0; j < rank; j++) axpy(-coefficients[j], basis.subarray(j * n, (j + 1) * n), row);
      }
      continue;
    }
    // Cᵀ = Q Vᵀ (rank × count), from Vᵀ laid out as n × count.
    const ct = new Float64Array(rank * count);
    gemmAccumulate(rank, count, n, 1, { data: basis, offset: 0, stride: n }, { data: transpose(rows, count, n), offset: 0, stride: count }, { data: ct, offset: 0, stride: count });
    if (basisTransposed === undefined) {
      // V −= C Q (the kernel packs Q, rank × n, on every call).
      gemmAccumulate(count, n, rank, -1, { data: transpose(ct, rank, count), offset: 0, stride: rank }, { data: basis, offset: 0, stride: n }, { data: rows, offset: 0, stride: n });
      continue;
    }
    // Vᵀ −= Qᵀ Cᵀ with Qᵀ given: the kernel then packs only the small Cᵀ.
    const update = new Float64Array(n * count);
    gemmAccumulate(n, count, rank, 1, { data: basisTransposed, offset: 0, stride: rank }, { data: ct, offset: 0, stride: count }, { data: update, offset: 0, stride: count });
    for (let r = 0; r < count; r++) for (let i = 0; i < n; i++) rows[r * n + i] -= update[i * count + r];
  }
  return rows;
}

/** The transpose (cols × rows, row-major) of a rows × cols row-major matrix. */
export function transpose(matrix: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = matrix[r * cols + c];
  return out;
}

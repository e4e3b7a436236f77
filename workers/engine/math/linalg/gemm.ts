/**
 * Dense matrix product C ← C + s · A B for row-major Float64Array blocks,
 * the kernel of the blocked eigensolver stages. Plain loops over one entry
 * at a time are limited by memory traffic; this computes C in 4×4 tiles
 * held in local variables (16 accumulators reuse each loaded A and B entry
 * four times), over a packed copy of B's columns that stays in cache, and
 * in slices of the inner dimension so that the rows of A being read stay in
 * cache too.
 */

/** A matrix block inside a Float64Array: entry (i, j) at data[offset + i·stride + j]. */
export interface MatrixView {
  data: Float64Array;
  offset: number;
  stride: number;
}

/** Inner-dimension slice length: a 4-column panel of B (kc × 4) stays in L1, 4 rows of A in L1/L2. */
const KC = 256;

/**
 * C ← C + s · A B with A of size m×k, B of size k×n and C of size m×n.
 * C must not overlap A or B. Cost 2 m n k floating-point operations.
 */
export function gemmAccumulate(m: number, n: number, k: number, s: number, a: MatrixView, b: MatrixView, c: MatrixView): void {
  if (m === 0 || n === 0 || k === 0 || s === 0) return;
  const panelCount = Math.ceil(n / 4);
  const packed = new Float64Array(Math.min(k, KC) * 4 * panelCount);
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(KC, k - p0);
    packB(b, p0, kc, n, packed);
    multiplySlice(m, n, kc, s, a, p0, packed, c);
  }
}

/**
 * Copies rows p0 … p0+kc−1 of B into panels of 4 columns: panel q holds
 * B[p][4q … 4q+3] for each p in turn (zero-padded past column n), so that the
 * micro-kernel reads it sequentially.
 */
function packB(b: MatrixView, p0: number, kc: number, n: number, packed: Float64Array): void {
  const { data, offset, stride } = b;
  const panels = Math.ceil(n / 4);
  for (let q = 0; q < panels; q++) {
    const base = q * kc * 4;
    const j0 = q * 4;
    const width = Math.min(4, n - j0);
    for (let p = 0; p < kc; p++) {
      const src = offset + (p0 + p) * stride + j0;
      const dst = base + p * 4;
      for (let t = 0; t < 4; t++) packed[dst + t] = t < width ? data[src + t] : 0;
    }
  }
}

/** C += s · A[:, p0 … p0+kc−1] · (packed slice of B). */
function multiplySlice(
  m: number,
  n: number,
  kc: number,
  s: number,
  a: MatrixView,
  p0: number,
  packed: Float64Array,
  c: MatrixView,
): void {
  const ad = a.data;
  const lda = a.stride;
  const cd = c.data;
  const ldc = c.stride;
  const panels = Math.ceil(n / 4);
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = a.offset + i * lda + p0;
    const a1 = a0 + lda;
    const a2 = a1 + lda;
    const a3 = a2 + lda;
    for (let q = 0; q < panels; q++) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let bp = q * kc * 4;
      for (let p = 0; p < kc; p++, bp += 4) {
        const b0 = packed[bp], b1 = packed[bp + 1], b2 = packed[bp + 2], b3 = packed[bp + 3];
        const x0 = ad[a0 + p], x1 = ad[a1 + p], x2 = ad[a2 + p], x3 = ad[a3 + p];
        c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
        c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
        c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
        c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
      }
      const j0 = q * 4;
      const width = Math.min(4, n - j0);
      const row = c.offset + i * ldc + j0;
      if (width === 4) {
        cd[row] += s * c00; cd[row + 1] += s * c01; cd[row + 2] += s * c02; cd[row + 3] += s * c03;
        const r1 = row + ldc;
        cd[r1] += s * c10; cd[r1 + 1] += s * c11; cd[r1 + 2] += s * c12; cd[r1 + 3] += s * c13;
        const r2 = r1 + ldc;
        cd[r2] += s * c20; cd[r2 + 1] += s * c21; cd[r2 + 2] += s * c22; cd[r2 + 3] += s * c23;
        const r3 = r2 + ldc;
        cd[r3] += s * c30; cd[r3 + 1] += s * c31; cd[r3 + 2] += s * c32; cd[r3 + 3] += s * c33;
      } else {
        const tile = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
        for (let r = 0; r < 4; r++) {
          for (let t = 0; t < width; t++) cd[row + r * ldc + t] += s * tile[r * 4 + t];
        }
      }
    }
  }
  // Remaining rows of A (fewer than 4), one at a time.
  for (; i < m; i++) {
    const ai = a.offset + i * lda + p0;
    for (let q = 0; q < panels; q++) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      let bp = q * kc * 4;
      for (let p = 0; p < kc; p++, bp += 4) {
        const x = ad[ai + p];
        c0 += x * packed[bp]; c1 += x * packed[bp + 1]; c2 += x * packed[bp + 2]; c3 += x * packed[bp + 3];
      }
      const j0 = q * 4;
      const width = Math.min(4, n - j0);
      const row = c.offset + i * ldc + j0;
      const tile = [c0, c1, c2, c3];
      for (let t = 0; t < width; t++) cd[row + t] += s * tile[t];
    }
  }
}

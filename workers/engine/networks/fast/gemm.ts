/**
 * The one dense matrix product of the typed-array engine, over float32
 * storage with float64 accumulation (JavaScript numbers are doubles: every
 * partial sum lives in a double register and is rounded once when stored).
 *
 * Operands are addressed through strides, so one kernel serves every
 * orientation the passes need: with A(i, p) = a[aOffset + i·aRow + p·aStep]
 * and B(p, j) = b[bOffset + p·bStep + j·bCol],
 *   out[outOffset + i·n + j] (+)= Σ_{p<k} A(i, p) B(p, j),   i < m, j < n.
 * For row-major H [m×k], W [k×n], D [m×n]:
 *   H W:   aRow = k, aStep = 1, bStep = n, bCol = 1;
 *   D Wᵀ:  aRow = n, aStep = 1, bStep = 1, bCol = n   (W is [k×n], the product [m×k]);
 *   Hᵀ D:  aRow = 1, aStep = m, bStep = n, bCol = 1   (sums over the m rows).
 *
 * Why one hand-blocked loop: on the networks this tool trains (widths of a
 * few to 128, hundreds of samples) a TensorFlow.js kernel launch costs more
 * than the arithmetic. The loop keeps a 2 × 4 block of sums in registers,
 * so each pass over p reads 6 values for 8 multiply-adds; in a Node
 * micro-benchmark of [320×16]·[16×16] on a loaded 2-core machine this
 * blocking ran at about 0.5 ns per multiply-add against 1.6 ns for the
 * plain triple loop.
 */

/** Strided operand: values, offset of element (0, 0), and the steps between rows and columns. */
export interface Strided {
  values: Float32Array;
  offset: number;
  /** Step between consecutive rows (first index). */
  row: number;
  /** Step between consecutive columns (second index). */
  col: number;
}

/**
 * out (m × n, row-major from `outOffset`) = A B, or += A B when
 * `accumulate`; A is m × k and B is k × n, addressed as in the module comment.
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  aOffset: number,
  aRow: number,
  aStep: number,
  b: Float32Array,
  bOffset: number,
  bStep: number,
  bCol: number,
  out: Float32Array,
  outOffset: number,
  accumulate: boolean,
): void {
  const b1 = bCol;
  const b2 = 2 * bCol;
  const b3 = 3 * bCol;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const rowA0 = aOffset + i * aRow;
    const rowA1 = rowA0 + aRow;
    const o0 = outOffset + i * n;
    const o1 = o0 + n;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let ia0 = rowA0;
      let ia1 = rowA1;
      let ib = bOffset + j * bCol;
      for (let p = 0; p < k; p++) {
        const x0 = a[ia0];
        const x1 = a[ia1];
        const y0 = b[ib];
        const y1 = b[ib + b1];
        const y2 = b[ib + b2];
        const y3 = b[ib + b3];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        ia0 += aStep;
        ia1 += aStep;
        ib += bStep;
      }
      if (accumulate) {
        out[o0 + j] += s00; out[o0 + j + 1] += s01; out[o0 + j + 2] += s02; out[o0 + j + 3] += s03;
        out[o1 + j] += s10; out[o1 + j + 1] += s11; out[o1 + j + 2] += s12; out[o1 + j + 3] += s13;
      } else {
        out[o0 + j] = s00; out[o0 + j + 1] = s01; out[o0 + j + 2] = s02; out[o0 + j + 3] = s03;
        out[o1 + j] = s10; out[o1 + j + 1] = s11; out[o1 + j + 2] = s12; out[o1 + j + 3] = s13;
      }
    }
    for (; j < n; j++) {
      let s0 = 0;
      let s1 = 0;
      let ia0 = rowA0;
      let ia1 = rowA1;
      let ib = bOffset + j * bCol;
      for (let p = 0; p < k; p++) {
        const y = b[ib];
        s0 += a[ia0] * y;
        s1 += a[ia1] * y;
        ia0 += aStep;
        ia1 += aStep;
        ib += bStep;
      }
      if (accumulate) {
        out[o0 + j] += s0;
        out[o1 + j] += s1;
      } else {
        out[o0 + j] = s0;
        out[o1 + j] = s1;
      }
    }
  }
  if (i < m) {
    const rowA = aOffset + i * aRow;
    const o = outOffset + i * n;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let ia = rowA;
      let ib = bOffset + j * bCol;
      for (let p = 0; p < k; p++) {
        const x = a[ia];
        s0 += x * b[ib]; s1 += x * b[ib + b1]; s2 += x * b[ib + b2]; s3 += x * b[ib + b3];
        ia += aStep;
        ib += bStep;
      }
      if (accumulate) {
        out[o + j] += s0; out[o + j + 1] += s1; out[o + j + 2] += s2; out[o + j + 3] += s3;
      } else {
        out[o + j] = s0; out[o + j + 1] = s1; out[o + j + 2] = s2; out[o + j + 3] = s3;
      }
    }
    for (; j < n; j++) {
      let s = 0;
      let ia = rowA;
      let ib = bOffset + j * bCol;
      for (let p = 0; p < k; p++) {
        s += a[ia] * b[ib];
        ia += aStep;
        ib += bStep;
      }
      if (accumulate) out[o + j] += s;
      else out[o + j] = s;
    }
  }
}

/** out[i·n + j] = bias[biasOffset + j] for the m rows: the 1 bᵀ term of an affine layer. */
export function fillRows(out: Float32Array, m: number, n: number, bias: Float32Array, biasOffset: number): void {
  for (let i = 0; i < m; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) out[o + j] = bias[biasOffset + j];
  }
}

/** out[outOffset + j] = Σ_{i<m} a[i·n + j] (float64 sums): a bias gradient 1ᵀ D. */
export function columnSums(a: Float32Array, m: number, n: number, out: Float32Array, outOffset: number): void {
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += a[i * n + j];
    out[outOffset + j] = s;
  }
}

/** True when a[offset … offset + length) are all zero. */
export function allZero(a: Float32Array, offset: number, length: number): boolean {
  for (let i = offset; i < offset + length; i++) if (a[i] !== 0) return false;
  return true;
}

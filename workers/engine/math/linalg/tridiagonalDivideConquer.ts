/**
 * Eigendecomposition of a symmetric tridiagonal matrix by divide and conquer
 * (Cuppen 1981; stable eigenvectors after Gu & Eisenstat 1995).
 *
 * Split T at row k:  T = diag(T₁, T₂) + ρ v vᵀ,  v = e_{k−1} + sign(ρ) e_k,
 * where T₁ and T₂ are T's leading and trailing blocks with |ρ| subtracted from
 * the two diagonal entries next to the split. Solve both halves recursively,
 * T_i = Z_iᵀ Λ_i Z_i (rows of Z_i are eigenvectors); then
 *   T = Qᵀ (D + |ρ| w wᵀ) Q,   Q = diag(Z₁, Z₂),  D = diag(Λ₁, Λ₂),  w = Q v,
 * and the eigenpairs of the rank-one update D + ρ̂ ŵ ŵᵀ follow from the
 * secular equation. Eigenvectors of the update are u_i ∝ ẑ / (δ − λ_i) with
 * ẑ recomputed from the computed eigenvalues (Löwner's formula), which makes
 * them orthogonal to working precision; T's eigenvectors are the rows of U Q,
 * a matrix product: about (4/3) m³ operations in all, much less when many
 * entries of ŵ are negligible or eigenvalues coincide ("deflation", common
 * for Hessians with a large nearly-null space).
 */
import { identityMatrix, sortedEigenRows } from './eigenRows';
import { gemmAccumulate } from './gemm';
import { solveSecularEquation } from './secularEquation';
import { tridiagonalQrInPlace } from './tridiagonalQr';

/** Ascending eigenvalues and eigenvectors stored as rows. */
export interface TridiagonalEigenRows {
  /** λ_0 ≤ λ_1 ≤ … ≤ λ_{m−1}. */
  values: Float64Array;
  /** m×m row-major: row k is the unit eigenvector of values[k]. */
  rows: Float64Array;
}

/** Blocks of at most this size are solved directly by QR iteration. */
const LEAF_SIZE = 24;

/**
 * All eigenpairs of T = tridiag(e, d, e) (d of length m, e of length ≥ m − 1),
 * by divide and conquer. The inputs are not modified.
 */
export function tridiagonalEigenDivideConquer(d: Float64Array, e: Float64Array): TridiagonalEigenRows {
  const m = d.length;
  // Work with ‖T‖ = 1 so that thresholds and products stay far from overflow and underflow.
  let scale = 0;
  for (let i = 0; i < m; i++) scale = Math.max(scale, Math.abs(d[i]));
  for (let i = 0; i < m - 1; i++) scale = Math.max(scale, Math.abs(e[i]));
  if (scale === 0) return { values: new Float64Array(m), rows: identityMatrix(m) };
  const dScaled = Float64Array.from(d, (x) => x / scale);
  const eScaled = Float64Array.from(e.subarray(0, Math.max(m - 1, 0)), (x) => x / scale);
  const result = solve(dScaled, eScaled);
  for (let i = 0; i < m; i++) result.values[i] *= scale;
  return result;
}

function solve(d: Float64Array, e: Float64Array): TridiagonalEigenRows {
  const m = d.length;
  if (m <= LEAF_SIZE) {
    const rows = identityMatrix(m);
    tridiagonalQrInPlace(d, e, rows, m);
    return sortedEigenRows(d, rows, m, 'ascending');
  }
  const k = m >> 1;
  const rho = e[k - 1];
  const d1 = d.slice(0, k);
  const d2 = d.slice(k);
  d1[k - 1] -= Math.abs(rho);
  d2[0] -= Math.abs(rho);
  const top = solve(d1, e.slice(0, k - 1));
  const bottom = solve(d2, e.slice(k));
  return merge(top, bottom, Math.abs(rho), rho >= 0 ? 1 : -1, k, m);
}

/** A row of Q = diag(Z₁, Z₂), possibly rotated: its parts on columns 0…k−1 and k…m−1 (null = zero). */
interface SplitRow {
  top: Float64Array | null;
  bottom: Float64Array | null;
}

/** One coordinate of the rank-one problem: D entry, ŵ entry, and the row of Q it stands for. */
interface Coordinate {
  value: number;
  weight: number;
  row: SplitRow;
}

function merge(top: TridiagonalEigenRows, bottom: TridiagonalEigenRows, rhoAbs: number, sign: number, k: number, m: number): TridiagonalEigenRows {
  const mb = m - k;
  // ‖w‖² = 2 (w = Q v with ‖v‖² = 2): use ρ̂ = 2|ρ| and the unit vector ŵ = w / √2.
  const rhoHat = 2 * rhoAbs;
  const coordinates: Coordinate[] = [];
  for (let j = 0; j < k; j++) {
    const row = top.rows.subarray(j * k, j * k + k);
    coordinates.push({ value: top.values[j], weight: row[k - 1] * Math.SQRT1_2, row: { top: row, bottom: null } });
  }
  for (let j = 0; j < mb; j++) {
    const row = bottom.rows.subarray(j * mb, j * mb + mb);
    coordinates.push({ value: bottom.values[j], weight: sign * row[0] * Math.SQRT1_2, row: { top: null, bottom: row } });
  }
  coordinates.sort((p, q) => p.value - q.value);

  const { deflated, kept } = deflate(coordinates, rhoHat);
  const values = new Float64Array(m);
  const rows = new Float64Array(m * m);
  const solved = solveKept(kept, rhoHat, k, m);

  // Interleave the deflated pairs and the solved ones in ascending order.
  const order: Array<{ value: number; source: 'deflated' | 'kept'; index: number }> = [
    ...deflated.map((c, index) => ({ value: c.value, source: 'deflated' as const, index })),
    ...Array.from(solved.values, (value, index) => ({ value, source: 'kept' as const, index })),
  ];
  order.sort((p, q) => p.value - q.value);
  order.forEach((entry, out) => {
    values[out] = entry.value;
    if (entry.source === 'kept') {
      rows.set(solved.rows.subarray(entry.index * m, entry.index * m + m), out * m);
    } else {
      writeRow(deflated[entry.index].row, rows, out * m, k);
    }
  });
  return { values, rows };
}

/**
 * Splits the coordinates (sorted by value) into those whose eigenpair is
 * already known and those that need the secular equation:
 *  - ρ̂ |ŵ_j| ≤ tol: the coupling is negligible, (δ_j, row j) is an eigenpair;
 *  - two values δ_p ≤ δ_j close enough: a rotation in their plane zeroes
 *    ŵ_p, and if the coupling it leaves, |c s (δ_j − δ_p)|, is ≤ tol, the
 *    rotated pair deflates too (this is how repeated eigenvalues are handled).
 * tol = 8 ε max(max|δ|, ρ̂, 1) bounds the perturbation of the matrix. The 1
 * is ‖T‖'s scale (T is normalised to largest entry 1): perturbations of
 * order ε‖T‖ are within the backward error of the whole solver, so a block
 * made only of rounding noise (the null space of a low-rank Hessian) deflates
 * entirely instead of costing a full merge.
 */
function deflate(coordinates: Coordinate[], rhoHat: number): { deflated: Coordinate[]; kept: Coordinate[] } {
  let largest = Math.max(rhoHat, 1);
  for (const c of coordinates) largest = Math.max(largest, Math.abs(c.value));
  const tol = 8 * Number.EPSILON * largest;
  const deflated: Coordinate[] = [];
  const kept: Coordinate[] = [];
  let pending: Coordinate | null = null;
  for (const current of coordinates) {
    if (rhoHat * Math.abs(current.weight) <= tol) {
      deflated.push(current);
      continue;
    }
    if (pending === null) {
      pending = current;
      continue;
    }
    const previous: Coordinate = pending;
    const t = Math.hypot(previous.weight, current.weight);
    const c = current.weight / t;
    const s = -previous.weight / t;
    if (Math.abs(c * s * (current.value - previous.value)) <= tol) {
      // f_p = c e_p + s e_j is orthogonal to ŵ: an eigenvector up to tol.
      const dp = previous.value;
      const dj = current.value;
      deflated.push({ value: c * c * dp + s * s * dj, weight: 0, row: combineRows(c, previous.row, s, current.row) });
      pending = { value: s * s * dp + c * c * dj, weight: t, row: combineRows(-s, previous.row, c, current.row) };
    } else {
      kept.push(previous);
      pending = current;
    }
  }
  if (pending !== null) kept.push(pending);
  return { deflated, kept };
}

/** a·x + b·y for split rows, keeping a part null when both inputs are zero there. */
function combineRows(a: number, x: SplitRow, b: number, y: SplitRow): SplitRow {
  const part = (p: Float64Array | null, q: Float64Array | null): Float64Array | null => {
    if (p === null && q === null) return null;
    const length = (p ?? q)!.length;
    const out = new Float64Array(length);
    if (p !== null) for (let i = 0; i < length; i++) out[i] += a * p[i];
    if (q !== null) for (let i = 0; i < length; i++) out[i] += b * q[i];
    return out;
  };
  return { top: part(x.top, y.top), bottom: part(x.bottom, y.bottom) };
}

function writeRow(row: SplitRow, out: Float64Array, offset: number, k: number): void {
  if (row.top !== null) out.set(row.top, offset);
  if (row.bottom !== null) out.set(row.bottom, offset + k);
}

/**
 * Eigenpairs of D + ρ̂ z zᵀ on the kept coordinates, mapped back through Q:
 * eigenvalues from the secular equation, eigenvectors u_i ∝ ẑ / (δ − λ_i),
 * and the rows U Q formed with two matrix products, one per half of the
 * columns, each over just the rows of Q that are non-zero there.
 */
function solveKept(kept: Coordinate[], rhoHat: number, k: number, m: number): { values: Float64Array; rows: Float64Array } {
  const count = kept.length;
  if (count === 0) return { values: new Float64Array(0), rows: new Float64Array(0) };
  const delta = Float64Array.from(kept, (c) => c.value);
  const z = Float64Array.from(kept, (c) => c.weight);
  const { values, differences } = solveSecularEquation(delta, z, rhoHat);
  const zHat = lownerWeights(delta, z, rhoHat, differences);

  // Q's kept rows ordered top-only, then full, then bottom-only, so that the
  // rows non-zero on each half of the columns form one contiguous range.
  const rank = (r: SplitRow) => (r.bottom === null ? 0 : r.top === null ? 2 : 1);
  const order = Array.from({ length: count }, (_, j) => j).sort((p, q) => rank(kept[p].row) - rank(kept[q].row));
  const topCount = order.filter((j) => kept[j].row.top !== null).length;
  const bottomCount = order.filter((j) => kept[j].row.bottom !== null).length;

  // U with its columns in that order: U[i][c] = ẑ_j / (δ_j − λ_i), j = order[c], rows normalised.
  const u = new Float64Array(count * count);
  for (let i = 0; i < count; i++) {
    let norm = 0;
    for (let c = 0; c < count; c++) {
      const j = order[c];
      const entry = zHat[j] / differences[i * count + j];
      u[i * count + c] = entry;
      norm += entry * entry;
    }
    const inverse = 1 / Math.sqrt(norm);
    for (let c = 0; c < count; c++) u[i * count + c] *= inverse;
  }

  const mb = m - k;
  const rows = new Float64Array(count * m);
  if (topCount > 0) {
    const gTop = new Float64Array(topCount * k);
    for (let c = 0; c < topCount; c++) gTop.set(kept[order[c]].row.top!, c * k);
    gemmAccumulate(count, k, topCount, 1, { data: u, offset: 0, stride: count }, { data: gTop, offset: 0, stride: k }, { data: rows, offset: 0, stride: m });
  }
  if (bottomCount > 0) {
    const first = count - bottomCount;
    const gBottom = new Float64Array(bottomCount * mb);
    for (let c = 0; c < bottomCount; c++) gBottom.set(kept[order[first + c]].row.bottom!, c * mb);
    gemmAccumulate(count, mb, bottomCount, 1, { data: u, offset: first, stride: count }, { data: gBottom, offset: 0, stride: mb }, { data: rows, offset: k, stride: m });
  }
  return { values, rows };
}

/**
 * Löwner's formula: the weights ẑ for which the computed λ are the exact
 * eigenvalues of D + ρ̂ ẑ ẑᵀ,
 *   ẑ_j² = ∏_i (λ_i − δ_j) / (ρ̂ ∏_{i≠j} (δ_i − δ_j)),
 * evaluated as a product of ratios of comparable size (using the interlacing
 * δ_0 < λ_0 < δ_1 < … < δ_{K−1} < λ_{K−1}) so that it cannot overflow, with
 * the sign of z_j.
 */
function lownerWeights(delta: Float64Array, z: Float64Array, rhoHat: number, differences: Float64Array): Float64Array {
  const count = delta.length;
  const zHat = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    // λ_i − δ_j = −differences[i][j], accurate even when λ_i is next to δ_j.
    let product = -differences[(count - 1) * count + j] / rhoHat;
    for (let i = 0; i < j; i++) product *= -differences[i * count + j] / (delta[i] - delta[j]);
    for (let i = j; i < count - 1; i++) product *= -differences[i * count + j] / (delta[i + 1] - delta[j]);
    zHat[j] = (z[j] >= 0 ? 1 : -1) * Math.sqrt(Math.max(product, 0));
  }
  return zHat;
}

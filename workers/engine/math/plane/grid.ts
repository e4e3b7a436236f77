/**
 * Grids for slices: evenly spaced coordinates, and a coarse-to-fine order
 * of the points of a 2-D grid so a surface can be drawn coarse first and
 * refined in place as more heights arrive.
 *
 * A grid of nx × ny points is stored row-major, point (i, j) at index
 * j·nx + i (`gridIndex`).
 */
import { lerp } from './fieldLookup';
import { gridIndex, gridIndexList, type GridIndices } from './gridIndex';

/**
 * n evenly spaced values from lo to hi inclusive: vᵢ = lo + (hi − lo)·i/(n − 1),
 * with the last exactly hi; n = 1 gives [lo].
 */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`linspace: n must be a positive integer, got ${n}`);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`linspace: bounds must be finite, got [${lo}, ${hi}]`);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1);
  if (n > 1) values[n - 1] = hi;
  return values;
}

/** One level of a progressive order: the points first computed at this stride. */
export interface ProgressiveLevel {
  /** Points on this level and all coarser ones have i and j divisible by `stride`. */
  stride: number;
  /** Position in the order where this level begins. */
  start: number;
  /** Number of points on this level. */
  count: number;
}

/** Points per axis the coarsest level aims for by default. */
const COARSE_POINTS_PER_AXIS = 8;

/**
 * The default coarsest stride: the largest power of two 2^k for which the
 * longer axis still has at least 8 points on the coarse sub-grid
 * (⌈max(nx, ny)/2^k⌉ ≥ 8); 1 for grids too small to thin.
 */
export function defaultCoarsestStride(nx: number, ny: number): number {
  const longest = Math.max(nx, ny);
  let stride = 1;
  while (Math.ceil(longest / (2 * stride)) >= COARSE_POINTS_PER_AXIS) stride *= 2;
  return stride;
}

function checkGrid(nx: number, ny: number, coarsestStride: number): void {
  if (!Number.isInteger(nx) || !Number.isInteger(ny) || nx < 1 || ny < 1) {
    throw new RangeError(`progressive order: the grid must be at least 1×1 with integer sides, got ${nx}×${ny}`);
  }
  if (!Number.isInteger(Math.log2(coarsestStride))) {
    throw new RangeError(`progressive order: the coarsest stride must be a power of two, got ${coarsestStride}`);
  }
}

/**
 * The levels of `progressiveOrder`: strides S, S/2, …, 1 with S =
 * `coarsestStride`. Level s holds the points with i ≡ j ≡ 0 (mod s) that are
 * not on the previous level (i or j not divisible by 2s).
 */
export function progressiveLevels(nx: number, ny: number, coarsestStride = defaultCoarsestStride(nx, ny)): ProgressiveLevel[] {
  checkGrid(nx, ny, coarsestStride);
  const levels: ProgressiveLevel[] = [];
  let start = 0;
  for (let stride = coarsestStride; stride >= 1; stride /= 2) {
    const onGrid = Math.ceil(nx / stride) * Math.ceil(ny / stride);
    const onCoarser = stride === coarsestStride ? 0 : Math.ceil(nx / (2 * stride)) * Math.ceil(ny / (2 * stride));
    const count = onGrid - onCoarser;
    levels.push({ stride, start, count });
    start += count;
  }
  return levels;
}

/**
 * Every grid index exactly once, coarse to fine: first the sub-grid of
 * stride S (i, j multiples of S), then for each halved stride s the points
 * of the stride-s sub-grid not yet listed, each level in row-major order.
 * After the level of stride s, every point with i ≡ j ≡ 0 (mod s) is known.
 */
export function progressiveOrder(nx: number, ny: number, coarsestStride = defaultCoarsestStride(nx, ny)): GridIndices {
  checkGrid(nx, ny, coarsestStride);
  return gridIndexList(nx, nx * ny, (push) => {
    for (let stride = coarsestStride; stride >= 1; stride /= 2) {
      const coarser = 2 * stride;
      const first = stride === coarsestStride;
      for (let j = 0; j < ny; j += stride) {
        for (let i = 0; i < nx; i += stride) {
          if (!first && i % coarser === 0 && j % coarser === 0) continue;
          push(i, j);
        }
      }
    }
  });
}

/**
 * Fills the points of a row-major nx × ny field not on the stride-s sub-grid
 * by bilinear interpolation between the four surrounding sub-grid points
 * (clamped at the far edges, where the sub-grid may stop short of the last
 * row or column), so a partly computed surface can be shown whole. The
 * sub-grid values themselves are left unchanged.
 */
export function fillFromSubgrid(field: Float32Array | Float64Array, nx: number, ny: number, stride: number): void {
  if (field.length !== nx * ny) throw new RangeError(`fillFromSubgrid: field has ${field.length} values, grid has ${nx}×${ny}`);
  if (stride === 1) return;
  const lastI = Math.floor((nx - 1) / stride) * stride;
  const lastJ = Math.floor((ny - 1) / stride) * stride;
  for (let j = 0; j < ny; j++) {
    const j0 = Math.min(Math.floor(j / stride) * stride, lastJ);
    const j1 = Math.min(j0 + stride, lastJ);
    const tj = j1 === j0 ? 0 : (j - j0) / stride;
    for (let i = 0; i < nx; i++) {
      if (i % stride === 0 && j % stride === 0) continue;
      const i0 = Math.min(Math.floor(i / stride) * stride, lastI);
      const i1 = Math.min(i0 + stride, lastI);
      const ti = i1 === i0 ? 0 : (i - i0) / stride;
      const bottom = lerp(field[gridIndex(nx, i0, j0)], field[gridIndex(nx, i1, j0)], ti);
      const top = lerp(field[gridIndex(nx, i0, j1)], field[gridIndex(nx, i1, j1)], ti);
      field[gridIndex(nx, i, j)] = lerp(bottom, top, tj);
    }
  }
}

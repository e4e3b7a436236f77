/**
 * Reading a sampled field between its grid nodes: the value a drawn slice
 * or surface shows at any plane coordinate, for the page (a readout, a
 * marker's height) and for the engine (the surface's loss along a projected
 * trajectory).
 */
import type { Window2D } from '../../spec/vocabulary';
import { gridIndex } from './gridIndex';

/**
 * A field sampled at nx × ny evenly spaced nodes, node (i, j) at
 * x_i = xMin + i·(xMax − xMin)/(nx − 1), y_j = yMin + j·(yMax − yMin)/(ny − 1),
 * its value at `gridIndex(nx, i, j)`. One row (ny = 1) is a line along x;
 * its window's y is not read.
 */
export interface SampledField {
  nx: number;
  ny: number;
  window: Window2D;
  values: ArrayLike<number>;
}

/** The field sampled at the nodes of the axes `alphas` × `betas` (evenly spaced, as `linspace` makes them; [β] for a line). */
export function fieldOnAxes(alphas: ArrayLike<number>, betas: ArrayLike<number>, values: ArrayLike<number>): SampledField {
  const nx = alphas.length;
  const ny = betas.length;
  return { nx, ny, window: { xMin: alphas[0], xMax: alphas[nx - 1], yMin: betas[0], yMax: betas[ny - 1] }, values };
}

/** The cell of a sampled field holding a point: nodes (i, j) to (i + 1, j + 1), and the fractions s, t ∈ [0, 1] across it. */
export interface FieldCell {
  i: number;
  j: number;
  s: number;
  t: number;
}

/**
 * Points beyond an edge of the field by less than this fraction of its span
 * count as on it: a snapshot on the slice's edge projects there only up to
 * float32 rounding.
 */
const EDGE_TOLERANCE = 1e-6;

/**
 * The cell of `field` holding plane point (x, y): with
 * s' = (x − xMin)/(xMax − xMin)·(nx − 1) = i + s (and t' = j + t likewise),
 * the last cell also serving the far edge (s' = nx − 1 is cell nx − 2 at
 * s = 1). On a line (ny = 1) j = t = 0 and y is not read. Null outside the
 * window (points within 10⁻⁶ of its span past an edge count as on the edge)
 * and on a field with fewer than 2 nodes along x.
 */
export function fieldCell(field: SampledField, x: number, y: number): FieldCell | null {
  const { nx, ny, window } = field;
  const [i, s] = axisCell(window.xMin, window.xMax, nx, x);
  if (i < 0) return null;
  if (ny === 1) return { i, j: 0, s, t: 0 };
  const [j, t] = axisCell(window.yMin, window.yMax, ny, y);
  return j < 0 ? null : { i, j, s, t };
}

/**
 * Bilinear interpolation of the field at (x, y): in the cell of (x, y) at
 * fractions (s, t),
 *   f = (1−s)(1−t) f_ij + s(1−t) f_{i+1,j} + (1−s) t f_{i,j+1} + s t f_{i+1,j+1},
 * formed as a linear blend along x on the two rows then along y, each blend
 * exact at its ends (`lerp`), so a node reads its own value even beside a
 * non-finite neighbour. Linear in x alone on a line (ny = 1). NaN outside
 * the window (see `fieldCell`).
 */
export function bilinearLookup(field: SampledField, x: number, y: number): number {
  const { nx, ny, values } = field;
  if (values.length !== nx * ny) throw new RangeError(`bilinearLookup: ${values.length} values for a ${nx}×${ny} grid`);
  const cell = fieldCell(field, x, y);
  if (cell === null) return Number.NaN;
  const { i, j, s, t } = cell;
  const below = lerp(values[gridIndex(nx, i, j)], values[gridIndex(nx, i + 1, j)], s);
  if (ny === 1) return below;
  const above = lerp(values[gridIndex(nx, i, j + 1)], values[gridIndex(nx, i + 1, j + 1)], s);
  return lerp(below, above, t);
}

/**
 * (1 − t)·a + t·b, exactly a at t = 0 and exactly b at t = 1, so a
 * non-finite value at the other end (a diverged loss, a node not yet
 * computed) does not leak in.
 */
export function lerp(a: number, b: number, t: number): number {
  if (t === 0) return a;
  if (t === 1) return b;
  return (1 - t) * a + t * b;
}

/** The cell [x_k, x_{k+1}] of n nodes spanning [lo, hi] holding x and the fraction along it; k = −1 outside. */
function axisCell(lo: number, hi: number, n: number, x: number): [number, number] {
  const slack = EDGE_TOLERANCE * (hi - lo);
  if (n < 2 || !(x >= lo - slack && x <= hi + slack)) return [-1, 0];
  const position = (Math.min(Math.max(x - lo, 0), hi - lo) / (hi - lo)) * (n - 1);
  const k = Math.min(Math.floor(position), n - 2);
  return [k, position - k];
}

/**
 * Filling the surface's vertex arrays: one vertex per grid node, vertex
 * k = j·nx + i at node (i, j), exactly the indexing of HeightField.values, so a
 * new field is copied in place without any reordering.
 */
import type { ColormapLut } from './colormap';
import { createUnitMapper, type HeightMapping } from './heightScale';
import { PLANE_SIZE, unitToLocalZ } from './planeLayout';

/**
 * Triangle indices of an nx × ny grid: cell (i, j) with corners
 * a = j·nx + i, b = a + 1, c = a + nx, d = c + 1 becomes (a, b, d) and (a, d, c),
 * counter-clockwise seen from +z, so normals point up. 6(nx − 1)(ny − 1) indices;
 * 16-bit when every vertex index fits.
 */
export function createGridIndex(nx: number, ny: number): Uint16Array | Uint32Array {
  const count = 6 * Math.max(0, nx - 1) * Math.max(0, ny - 1);
  const index = nx * ny <= 65536 ? new Uint16Array(count) : new Uint32Array(count);
  let w = 0;
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i;
      const b = a + 1;
      const c = a + nx;
      const d = c + 1;
      index[w++] = a;
      index[w++] = b;
      index[w++] = d;
      index[w++] = a;
      index[w++] = d;
      index[w++] = c;
    }
  }
  return index;
}

/**
 * Writes the fixed x, y of every vertex into `positions` (length 3·nx·ny):
 * x_i = −S/2 + i·S/(nx − 1), y_j = −S/2 + j·S/(ny − 1) with S = PLANE_SIZE; z is left as is.
 */
export function fillGridPlanePositions(nx: number, ny: number, positions: Float32Array): void {
  const stepX = nx > 1 ? PLANE_SIZE / (nx - 1) : 0;
  const stepY = ny > 1 ? PLANE_SIZE / (ny - 1) : 0;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = 3 * (j * nx + i);
      positions[k] = -PLANE_SIZE / 2 + i * stepX;
      positions[k + 1] = -PLANE_SIZE / 2 + j * stepY;
    }
  }
}

/**
 * Rewrites z and colour of every vertex from the field values: with
 * u_k = lossToUnit(values[k]), positions[3k + 2] = u_k·HEIGHT_RANGE and
 * colors[3k..3k+2] = lut(u_k). Non-finite values are clamped (+∞ to the top,
 * −∞ and NaN to the bottom) and coloured with the table's grey.
 */
export function fillSurfaceHeightsAndColors(
  values: ArrayLike<number>,
  mapping: HeightMapping,
  lut: ColormapLut,
  positions: Float32Array,
  colors: Float32Array,
): void {
  const toUnit = createUnitMapper(mapping);
  const table = lut.rgb;
  const lastEntry = lut.size - 1;
  const [greyR, greyG, greyB] = lut.nonFinite;
  // The colour lookup is inlined: this loop runs over every node on every refinement.
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    const unit = toUnit(value);
    positions[3 * k + 2] = unitToLocalZ(unit);
    if (Number.isFinite(value)) {
      const entry = 3 * Math.round(unit * lastEntry);
      colors[3 * k] = table[entry];
      colors[3 * k + 1] = table[entry + 1];
      colors[3 * k + 2] = table[entry + 2];
    } else {
      // ±∞ have a height (1 or 0) but are still drawn grey: they are not losses on the scale.
      colors[3 * k] = greyR;
      colors[3 * k + 1] = greyG;
      colors[3 * k + 2] = greyB;
    }
  }
}

/**
 * Reading a sampled slice between its grid points: the value the drawn
 * surface shows at any plane coordinate.
 */

/** A sampled field over evenly spaced axes, index j·nx + i. */
export interface SampledField {
  alphas: ArrayLike<number>;
  /** [β] (one entry) for a line. */
  betas: ArrayLike<number>;
  values: ArrayLike<number>;
}

/**
 * Bilinear interpolation of the field at (a, b): with a between α_i and
 * α_{i+1} at fraction s, and b between β_j and β_{j+1} at fraction t,
 *   f = (1−s)(1−t) f_ij + s(1−t) f_{i+1,j} + (1−s) t f_{i,j+1} + s t f_{i+1,j+1};
 * linear in a alone on a line. NaN outside the sampled range (the surface
 * says nothing there; points within 10⁻⁶ of its span past an edge count as
 * on the edge). The axes must be evenly spaced (as `linspace` makes them).
 */
export function bilinearLookup(field: SampledField, a: number, b: number): number {
  const { alphas, betas, values } = field;
  const nx = alphas.length;
  const ny = betas.length;
  if (values.length !== nx * ny) throw new RangeError(`bilinearLookup: ${values.length} values for a ${nx}×${ny} grid`);
  const [i, s] = cell(alphas, a);
  if (i < 0) return Number.NaN;
  if (ny === 1) return mix(values[i], values[i + 1], s);
  const [j, t] = cell(betas, b);
  if (j < 0) return Number.NaN;
  const below = mix(values[j * nx + i], values[j * nx + i + 1], s);
  const above = mix(values[(j + 1) * nx + i], values[(j + 1) * nx + i + 1], s);
  return mix(below, above, t);
}

/**
 * Points beyond an end of the axis by less than this fraction of its span
 * count as on it: a snapshot on the slice's edge projects there only up to
 * float32 rounding.
 */
const EDGE_TOLERANCE = 1e-6;

/** The cell [x_k, x_{k+1}] holding x and the fraction along it; k = −1 outside the axis. */
function cell(axis: ArrayLike<number>, x: number): [number, number] {
  const n = axis.length;
  const lo = axis[0];
  const hi = axis[n - 1];
  const slack = EDGE_TOLERANCE * (hi - lo);
  if (n < 2 || !(x >= lo - slack && x <= hi + slack)) return [-1, 0];
  const position = (Math.min(Math.max(x - lo, 0), hi - lo) / (hi - lo)) * (n - 1);
  const k = Math.min(Math.floor(position), n - 2);
  return [k, position - k];
}

/** (1 − t)·a + t·b, exactly a at t = 0 (so a non-finite neighbour does not leak in). */
function mix(a: number, b: number, t: number): number {
  return t === 0 ? a : (1 - t) * a + t * b;
}

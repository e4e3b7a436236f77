/**
 * A 2-D affine plane in parameter space, {c + a·d1 + b·d2 : a, b ∈ ℝ}, and
 * the parameter vectors at given plane coordinates (what a slice evaluates).
 */
import { countRows, checkSameLength, type ParamVector } from './vectors';

/** The plane c + a·d1 + b·d2: a centre and two directions of equal length P. */
export interface Plane {
  centre: ParamVector;
  d1: ParamVector;
  d2: ParamVector;
}

/** Checks the three vectors of a plane have one length, and returns it (P). */
export function planeDimension(context: string, plane: Plane): number {
  return checkSameLength(context, { centre: plane.centre, d1: plane.d1, d2: plane.d2 });
}

/**
 * θ_k = c + a_k·d1 + b_k·d2 for each coordinate pair (a_k, b_k) of `coords`
 * (K×2 row-major), written as a K×P row-major stack into `out` (float32 by
 * default, the precision a batched loss evaluation takes).
 */
export function pointsOnPlane(plane: Plane, coords: ArrayLike<number>, out?: Float32Array): Float32Array {
  const dim = planeDimension('pointsOnPlane', plane);
  const count = countRows('pointsOnPlane', coords, 2);
  const result = out ?? new Float32Array(count * dim);
  if (result.length !== count * dim) {
    throw new RangeError(`pointsOnPlane: out has ${result.length} values, need ${count}×${dim}`);
  }
  const { centre, d1, d2 } = plane;
  for (let k = 0; k < count; k++) {
    const a = coords[2 * k], b = coords[2 * k + 1];
    const row = k * dim;
    for (let p = 0; p < dim; p++) result[row + p] = centre[p] + a * d1[p] + b * d2[p];
  }
  return result;
}

/**
 * The plane coordinates (α_i, β_j) of grid points given by row-major index
 * k = j·nx + i over the axes `alphas` (length nx) and `betas`, as a K×2
 * row-major array: feed it to `pointsOnPlane` for a chunk of a slice grid
 * (for example one level of `progressiveOrder`).
 *
 * Note the layout: index k walks α fastest, so a height field built from it
 * is row-major with rows along β (y) and columns along α (x).
 */
export function gridCoordinates(alphas: ArrayLike<number>, betas: ArrayLike<number>, indices: ArrayLike<number>): Float64Array {
  const nx = alphas.length;
  const size = nx * betas.length;
  const coords = new Float64Array(2 * indices.length);
  for (let r = 0; r < indices.length; r++) {
    const k = indices[r];
    if (!Number.isInteger(k) || k < 0 || k >= size) {
      throw new RangeError(`gridCoordinates: index ${k} is outside the ${nx}×${betas.length} grid`);
    }
    coords[2 * r] = alphas[k % nx];
    coords[2 * r + 1] = betas[Math.floor(k / nx)];
  }
  return coords;
}

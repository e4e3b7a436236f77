/**
 * The geometry of a slice: the line {c + a·d1} or the plane
 * {c + a·d1 + b·d2 : a, b ∈ ℝ} through a centre c in parameter space, the
 * checks on its vectors, and the parameter vectors at given coordinates
 * (what a slice evaluates).
 */
import { countRows, checkSameLength, type ParamVector } from './vectors';

/** The line c + a·d1 (d2 null) or the plane c + a·d1 + b·d2, every vector of one length P. */
export interface Plane {
  centre: ParamVector;
  d1: ParamVector;
  /** null for a line along d1. */
  d2: ParamVector | null;
}

/** A `Plane` that is a line: {c + a·d1}. */
export type Line = Plane & { d2: null };

/** A `Plane` with both directions: {c + a·d1 + b·d2}. */
export type TwoDimensionalPlane = Plane & { d2: ParamVector };

/** True when `plane` is a line (it has no second direction). */
export function isLine(plane: Plane): plane is Line {
  return plane.d2 === null;
}

/** Checks the vectors of a line or plane have one length, and returns it (P). */
export function planeDimension(context: string, plane: Plane): number {
  const { centre, d1, d2 } = plane;
  return checkSameLength(context, d2 === null ? { centre, d1 } : { centre, d1, d2 });
}

/**
 * Throws unless `coords` holds one coordinate per point of a line (α_k) or
 * two of a plane ((α_k, β_k) pairs) for `count` ≥ 1 points.
 */
export function checkPlaneCoordinates(coords: ArrayLike<number>, count: number, isLineSlice: boolean): void {
  const perPoint = isLineSlice ? 1 : 2;
  if (!Number.isInteger(count) || count < 1 || coords.length !== count * perPoint) {
    throw new Error(`evaluatePlane needs ${count} × ${perPoint} coordinates; got ${coords.length}`);
  }
}

/**
 * The vectors of an `evaluatePlane(centre, d1, d2, coords, count)` call:
 * [c, d₁] for a line (`d2` null), else [c, d₁, d₂], each passed to
 * `checkVector`, once `coords` is checked too (`checkPlaneCoordinates`).
 */
export function checkedPlaneCall<V>(centre: V, d1: V, d2: V | null, coords: ArrayLike<number>, count: number, checkVector: (v: V) => void): V[] {
  const vectors = d2 === null ? [centre, d1] : [centre, d1, d2];
  vectors.forEach(checkVector);
  checkPlaneCoordinates(coords, count, d2 === null);
  return vectors;
}

/** Throws unless centre, d1 and d2 (when present) all have length `size`, the model's parameter count. */
export function checkPlane(context: string, plane: Plane, size: number): void {
  const lengths: [string, number][] = [
    ['centre', plane.centre.length],
    ['d1', plane.d1.length],
  ];
  if (plane.d2 !== null) lengths.push(['d2', plane.d2.length]);
  for (const [name, length] of lengths) {
    if (length !== size) throw new RangeError(`${context}: ${name} has ${length} entries; the model has ${size} parameters`);
  }
}

/**
 * θ_k = c + a_k·d1 + b_k·d2 for each coordinate pair (a_k, b_k) of `coords`
 * (K×2 row-major; b_k ignored on a line), summed in float64 and written as a
 * K×P row-major stack into `out` (float32 by default, the precision a batched
 * loss evaluation takes: each value is rounded once).
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
    if (d2 === null) for (let p = 0; p < dim; p++) result[row + p] = centre[p] + a * d1[p];
    else for (let p = 0; p < dim; p++) result[row + p] = centre[p] + a * d1[p] + b * d2[p];
  }
  return result;
}

/** The one point θ = c + a·d1 + b·d2 (b ignored on a line) in float32, as `pointsOnPlane` forms it. */
export function planePoint(plane: Plane, a: number, b = 0): Float32Array {
  return pointsOnPlane(plane, [a, b]);
}

/**
 * The geometry every landscape job shares: a slice is the line
 * {c + α d1} or the plane {c + α d1 + β d2} through a centre c in
 * parameter space.
 */
import type { ParamVector } from './vectors';

/** A line (d2 null) or plane through `centre`, every vector of length P. */
export interface SlicePlane {
  centre: ParamVector;
  d1: ParamVector;
  /** null for a 1-D slice along d1. */
  d2: ParamVector | null;
}

/** Throws unless centre, d1 and d2 (when present) all have length `size`. */
export function checkPlane(context: string, plane: SlicePlane, size: number): void {
  const lengths: [string, number][] = [
    ['centre', plane.centre.length],
    ['d1', plane.d1.length],
  ];
  if (plane.d2 !== null) lengths.push(['d2', plane.d2.length]);
  for (const [name, length] of lengths) {
    if (length !== size) throw new RangeError(`${context}: ${name} has ${length} entries; the model has ${size} parameters`);
  }
}

/** θ = c + a·d1 + b·d2 (b ignored on a line), summed in float64 and rounded once to float32. */
export function planePoint(plane: SlicePlane, a: number, b = 0): Float32Array {
  const { centre, d1, d2 } = plane;
  const point = new Float32Array(centre.length);
  for (let p = 0; p < centre.length; p++) point[p] = centre[p] + a * d1[p] + (d2 === null ? 0 : b * d2[p]);
  return point;
}

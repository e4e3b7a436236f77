/**
 * Parameter vectors as the slice code sees them: flat float arrays (float32
 * from the model, float64 from the linear algebra). All sums here are
 * accumulated in float64.
 */

/** A flat parameter vector, or a row-major stack of them. */
export type ParamVector = Float32Array | Float64Array;

/** ⟨a, b⟩ = Σₖ aₖ bₖ over the common length. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k] * b[k];
  return sum;
}

/** Throws unless every vector has the length of the first. */
export function checkSameLength(context: string, vectors: Record<string, ArrayLike<number>>): number {
  const entries = Object.entries(vectors);
  const length = entries[0][1].length;
  for (const [name, v] of entries) {
    if (v.length !== length) {
      const [firstName] = entries[0];
      throw new RangeError(`${context}: ${name} has length ${v.length}, ${firstName} has ${length}`);
    }
  }
  return length;
}

/** Throws unless `points` holds a whole number of vectors of length `dim`; returns how many. */
export function countRows(context: string, points: ArrayLike<number>, dim: number): number {
  if (!(dim > 0) || points.length % dim !== 0) {
    throw new RangeError(`${context}: ${points.length} values are not a whole number of vectors of length ${dim}`);
  }
  return points.length / dim;
}

/**
 * Points θ_k = c + α_k d₁ + β_k d₂ of a plane (or a line, without d₂) in
 * parameter space, formed one at a time where a pass reads them, so that
 * a slice never materialises its K × P batch.
 *
 * The typed-array engine's products cost their multiply-adds (there is no
 * kernel launch to amortise), so the tensor engine's plane trick (S
 * products per layer on stacked inputs, `planeBatch.ts`) would triple the
 * arithmetic of every layer after the first; forming the point's θ costs
 * P·S multiply-adds against N·P for its forward pass.
 */

/** A plane (or line) in parameter space and the coordinates of its points. */
export interface PlanePoints {
  /** [c, d₁] or [c, d₁, d₂]. */
  vectors: readonly Float32Array[];
  /** (α_k, β_k) pairs on a plane, α_k on a line. */
  coords: ArrayLike<number>;
}

/** θ_k = c + α_k d₁ (+ β_k d₂), summed in float64 and rounded once, into `out`. */
export function planePoint(plane: PlanePoints, k: number, out: Float32Array): Float32Array {
  const perPoint = plane.vectors.length - 1;
  const alpha = plane.coords[k * perPoint];
  const [c, d1] = plane.vectors;
  if (perPoint === 1) {
    for (let p = 0; p < out.length; p++) out[p] = c[p] + alpha * d1[p];
  } else {
    const beta = plane.coords[k * perPoint + 1];
    const d2 = plane.vectors[2];
    for (let p = 0; p < out.length; p++) out[p] = c[p] + alpha * d1[p] + beta * d2[p];
  }
  return out;
}

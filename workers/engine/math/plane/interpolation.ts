/**
 * Slices through given solutions: the straight line between two parameter
 * vectors (Goodfellow et al. 2015, "Qualitatively characterizing neural
 * network optimization problems") and the plane through three (as used for
 * mode connectivity, Garipov et al. 2018).
 */
import type { Line, TwoDimensionalPlane } from './plane';
import { checkSameLength, dot, type ParamVector } from './vectors';

/** A line through two points and where those points sit on it. */
export interface LineThroughPoints extends Line {
  centre: Float64Array;
  d1: Float64Array;
  /** Coordinates (a, b) of θ_A and θ_B, in that order, as [aA, bA, aB, bB] = [0, 0, 1, 0]. */
  coordinates: Float64Array;
}

/**
 * The line θ_A + α·(θ_B − θ_A) through θ_A (α = 0) and θ_B (α = 1); values
 * of α outside [0, 1] extrapolate.
 */
export function lineThroughPoints(thetaA: ParamVector, thetaB: ParamVector): LineThroughPoints {
  checkSameLength('lineThroughPoints', { thetaA, thetaB });
  const d1 = Float64Array.from(thetaB, (b, p) => b - thetaA[p]);
  return { centre: Float64Array.from(thetaA), d1, d2: null, coordinates: Float64Array.of(0, 0, 1, 0) };
}

/** A plane through three points and where those points sit in it. */
export interface PlaneThroughPoints extends TwoDimensionalPlane {
  centre: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  /** Plane coordinates (a, b) of θ_0, θ_A and θ_B, in that order, as [a0, b0, aA, bA, aB, bB]. */
  coordinates: Float64Array;
}

/**
 * The plane through θ_0, θ_A and θ_B with centre θ_0.
 *
 * - `orthonormal: false` (default): d1 = θ_A − θ_0, d2 = θ_B − θ_0; the three
 *   points sit at (0, 0), (1, 0), (0, 1).
 * - `orthonormal: true`: Gram–Schmidt on the same directions, u = θ_A − θ_0,
 *   v = (θ_B − θ_0) − ⟨θ_B − θ_0, û⟩û, d1 = û, d2 = v̂; plane distances are
 *   then parameter-space distances (no shear), and the points sit at (0, 0),
 *   (‖u‖, 0), (⟨θ_B − θ_0, û⟩, ‖v‖).
 *
 * Throws when the three points are collinear (or two coincide).
 */
export function planeThroughPoints(
  theta0: ParamVector, thetaA: ParamVector, thetaB: ParamVector, options: { orthonormal?: boolean } = {},
): PlaneThroughPoints {
  const dim = checkSameLength('planeThroughPoints', { theta0, thetaA, thetaB });
  const centre = Float64Array.from(theta0);
  const toA = new Float64Array(dim), toB = new Float64Array(dim);
  for (let p = 0; p < dim; p++) {
    toA[p] = thetaA[p] - theta0[p];
    toB[p] = thetaB[p] - theta0[p];
  }
  const normA = Math.sqrt(dot(toA, toA)), normB = Math.sqrt(dot(toB, toB));
  if (normA === 0 || normB === 0) {
    throw new RangeError(`planeThroughPoints: θ_${normA === 0 ? 'A' : 'B'} coincides with θ_0; three distinct points are needed`);
  }
  const cos = dot(toA, toB) / (normA * normB);
  // 1 − cos² below 1e-10 is a degenerate triangle: the points are on one line.
  if (1 - cos * cos <= 1e-10) {
    throw new RangeError('planeThroughPoints: θ_0, θ_A and θ_B are collinear; they span no plane');
  }
  if (!options.orthonormal) {
    return { centre, d1: toA, d2: toB, coordinates: Float64Array.of(0, 0, 1, 0, 0, 1) };
  }
  const d1 = toA.map((v) => v / normA);
  const alongD1 = dot(toB, d1);
  const d2 = toB.map((v, p) => v - alongD1 * d1[p]);
  const normV = Math.sqrt(dot(d2, d2));
  for (let p = 0; p < dim; p++) d2[p] /= normV;
  return { centre, d1, d2, coordinates: Float64Array.of(0, 0, normA, 0, alongD1, normV) };
}

/**
 * Projecting parameter vectors (a trajectory) onto a line {c + a·d1} or a
 * plane {c + a·d1 + b·d2}, to draw a training path over a slice of the
 * landscape.
 */
import { planeDimension, type Line, type Plane, type TwoDimensionalPlane } from './plane';
import { countRows, dot, type ParamVector } from './vectors';

/** Plane coordinates and distance from the line or plane of each projected point. */
export interface PlaneProjection {
  /** Coefficient a of d1 for each point. */
  alpha: Float64Array;
  /** Coefficient b of d2 for each point (0 on a line). */
  beta: Float64Array;
  /** ‖θ − c − a·d1 − b·d2‖: how far each point lies off the line or plane. */
  residual: Float64Array;
}

/**
 * Least-squares coordinates of each point of `points` (a T×P row-major
 * stack) on `plane`, a line (`projectOntoLine`) or a plane
 * (`projectOntoTwoDimensionalPlane`), with the residual distances.
 */
export function projectOntoPlane(points: ParamVector, plane: Plane): PlaneProjection {
  const { d2 } = plane;
  return d2 === null ? projectOntoLine(points, { ...plane, d2 }) : projectOntoTwoDimensionalPlane(points, { ...plane, d2 });
}

/**
 * a_t = ⟨θ_t − c, d1⟩ / ⟨d1, d1⟩, the least-squares coordinate of each point
 * θ_t of `points` (T×P row-major) on the line c + a·d1, and its distance
 * ‖θ_t − c − a_t·d1‖ from the line; b_t = 0. Throws when d1 is zero.
 */
export function projectOntoLine(points: ParamVector, line: Line): PlaneProjection {
  const dim = planeDimension('projectOntoLine', line);
  const count = countRows('projectOntoLine', points, dim);
  const { centre, d1 } = line;
  const squared = dot(d1, d1);
  if (!(squared > 0)) throw new RangeError('projectOntoLine: the line direction d1 is zero');
  const alpha = new Float64Array(count);
  const residual = new Float64Array(count);
  for (let t = 0; t < count; t++) {
    let along = 0;
    for (let p = 0; p < dim; p++) along += (points[t * dim + p] - centre[p]) * d1[p];
    const a = along / squared;
    let off = 0;
    for (let p = 0; p < dim; p++) off += (points[t * dim + p] - centre[p] - a * d1[p]) ** 2;
    alpha[t] = a;
    residual[t] = Math.sqrt(off);
  }
  return { alpha, beta: new Float64Array(count), residual };
}

/**
 * Below this value of 1 − cos²∠(d1, d2) the directions count as parallel:
 * the normal equations would amplify rounding by 1/(1 − cos²).
 */
const PARALLEL_TOLERANCE = 1e-10;

/**
 * Least-squares plane coordinates of each point θ_t of `points` (a T×P
 * row-major stack): (a, b) minimises ‖θ − c − a·d1 − b·d2‖, i.e.
 * (a, b)ᵀ = (DᵀD)⁻¹ Dᵀ(θ − c) with D = [d1 d2], solved in closed form from
 * the 2×2 Gram matrix, so non-orthogonal directions are handled; plus the
 * residual norm of each point. Throws when d1 or d2 is zero or they are
 * parallel (the plane is then a line and (a, b) is not unique).
 */
function projectOntoTwoDimensionalPlane(points: ParamVector, plane: TwoDimensionalPlane): PlaneProjection {
  const dim = planeDimension('projectOntoPlane', plane);
  const count = countRows('projectOntoPlane', points, dim);
  const { centre, d1, d2 } = plane;
  const g11 = dot(d1, d1), g12 = dot(d1, d2), g22 = dot(d2, d2);
  if (!(g11 > 0) || !(g22 > 0)) {
    throw new RangeError(`projectOntoPlane: direction ${g11 > 0 ? 'd2' : 'd1'} is zero (or not finite)`);
  }
  const det = g11 * g22 - g12 * g12;
  const sinSquared = det / (g11 * g22);
  if (!(sinSquared > PARALLEL_TOLERANCE)) {
    const cos = g12 / Math.sqrt(g11 * g22);
    throw new RangeError(`projectOntoPlane: d1 and d2 are parallel (cos ∠(d1, d2) = ${cos.toFixed(12)}); they span no plane`);
  }
  const alpha = new Float64Array(count), beta = new Float64Array(count), residual = new Float64Array(count);
  for (let t = 0; t < count; t++) {
    const row = t * dim;
    let r1 = 0, r2 = 0;
    for (let p = 0; p < dim; p++) {
      const offset = points[row + p] - centre[p];
      r1 += offset * d1[p];
      r2 += offset * d2[p];
    }
    // Cramer's rule on [g11 g12; g12 g22]·(a, b) = (r1, r2).
    const a = (g22 * r1 - g12 * r2) / det;
    const b = (g11 * r2 - g12 * r1) / det;
    // The residual is summed explicitly rather than from ‖θ − c‖² − (a r1 + b r2),
    // which cancels catastrophically for points close to the plane.
    let squared = 0;
    for (let p = 0; p < dim; p++) {
      const off = points[row + p] - centre[p] - a * d1[p] - b * d2[p];
      squared += off * off;
    }
    alpha[t] = a;
    beta[t] = b;
    residual[t] = Math.sqrt(squared);
  }
  return { alpha, beta, residual };
}

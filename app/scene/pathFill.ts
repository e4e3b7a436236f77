/**
 * Turning an optimizer's path (plane points and losses) into 3-D line vertices.
 */
import { createUnitMapper, type HeightMapping } from './heightScale';
import { PLANE_SIZE, planeToLocalX, planeToLocalY, unitToLocalZ } from './planeLayout';
import { surfaceUnitAt, unitOnOrAboveSurface, type FieldGrid } from './sampleField';
import type { PathView } from './types';

/** Height of a path above the surface, in scene units, so it is not hidden inside it. */
export const PATH_LIFT = 0.06;

/**
 * Paths that leave the window are drawn clamped to a square this many times
 * the plane's half-size, so a diverging run does not draw lines to infinity.
 */
export const PATH_CLAMP_FACTOR = 1.25;

/**
 * The number of leading points of a path that can be drawn: points are valid up
 * to `length`, and a diverged run's trailing NaN or ±∞ coordinates end it.
 */
export function drawablePointCount(path: Pick<PathView, 'points' | 'length'>): number {
  const limit = Math.min(path.length, Math.floor(path.points.length / 2));
  for (let p = 0; p < limit; p++) {
    if (!Number.isFinite(path.points[2 * p]) || !Number.isFinite(path.points[2 * p + 1])) return p;
  }
  return limit;
}

/**
 * Writes the local position of path points [from, to) into `positions`
 * (3 numbers per point): x, y by the plane layout clamped to ±PATH_CLAMP_FACTOR·S/2,
 * z = max(u_path, u_surface)·HEIGHT_RANGE + PATH_LIFT, where u_path = lossToUnit(loss)
 * (a non-finite loss lies at the top when +∞, else at the bottom) and u_surface is
 * the drawn surface under the point. The surface is piecewise linear between
 * grid nodes and lies above the true loss inside narrow valleys, so the path's
 * own height alone would hide it under the mesh exactly where it matters.
 */
export function fillPathPositions(
  path: Pick<PathView, 'points' | 'losses'>,
  field: FieldGrid,
  mapping: HeightMapping,
  from: number,
  to: number,
  positions: Float32Array,
): void {
  const bound = (PATH_CLAMP_FACTOR * PLANE_SIZE) / 2;
  const clamp = (value: number): number => Math.min(bound, Math.max(-bound, value));
  const { window } = field;
  const toUnit = createUnitMapper(mapping);
  for (let p = from; p < to; p++) {
    const x = path.points[2 * p];
    const y = path.points[2 * p + 1];
    const unit = unitOnOrAboveSurface(toUnit(path.losses[p]), surfaceUnitAt(field, mapping, x, y, toUnit));
    positions[3 * p] = clamp(planeToLocalX(window, x));
    positions[3 * p + 1] = clamp(planeToLocalY(window, y));
    positions[3 * p + 2] = unitToLocalZ(unit) + PATH_LIFT;
  }
}

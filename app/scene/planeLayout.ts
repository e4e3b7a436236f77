/**
 * Where the plane sits in the 3-D scene. Every window is drawn on the same
 * PLANE_SIZE × PLANE_SIZE square centred at the origin, with heights from 0 to
 * HEIGHT_RANGE, so any function looks good from one fixed camera.
 *
 * "Local" coordinates are those of the surface's parent group: x and y span the
 * square, z is the height. The group is rotated so local z points up on screen.
 */
import type { PlaneWindow } from './types';

/** Side of the square the window is drawn on, in scene units. */
export const PLANE_SIZE = 10;
/** Height of the highest loss above the lowest, in scene units. */
export const HEIGHT_RANGE = 4;

/** Local x of plane coordinate x: (x − xMin)/(xMax − xMin)·S − S/2. */
export function planeToLocalX(window: PlaneWindow, x: number): number {
  return ((x - window.xMin) / (window.xMax - window.xMin)) * PLANE_SIZE - PLANE_SIZE / 2;
}

/** Local y of plane coordinate y: (y − yMin)/(yMax − yMin)·S − S/2. */
export function planeToLocalY(window: PlaneWindow, y: number): number {
  return ((y - window.yMin) / (window.yMax - window.yMin)) * PLANE_SIZE - PLANE_SIZE / 2;
}

/** Plane x of local x: xMin + (lx + S/2)/S·(xMax − xMin) (inverse of {@link planeToLocalX}). */
export function localToPlaneX(window: PlaneWindow, localX: number): number {
  return window.xMin + ((localX + PLANE_SIZE / 2) / PLANE_SIZE) * (window.xMax - window.xMin);
}

/** Plane y of local y: yMin + (ly + S/2)/S·(yMax − yMin) (inverse of {@link planeToLocalY}). */
export function localToPlaneY(window: PlaneWindow, localY: number): number {
  return window.yMin + ((localY + PLANE_SIZE / 2) / PLANE_SIZE) * (window.yMax - window.yMin);
}

/** Local z of a normalised height u ∈ [0, 1]: u·HEIGHT_RANGE; NaN (a non-finite loss) lies at 0. */
export function unitToLocalZ(unit: number): number {
  return Number.isNaN(unit) ? 0 : unit * HEIGHT_RANGE;
}

/**
 * World coordinates (y up) of a local point: the plane group is rotated by −90°
 * about x, which sends local (x, y, z) to world (x, z, −y).
 */
export function localToWorld(x: number, y: number, z: number): [number, number, number] {
  return [x, z, -y];
}

/** Rotation of the plane group that realises {@link localToWorld} (Euler angles, radians). */
export const PLANE_GROUP_ROTATION: [number, number, number] = [-Math.PI / 2, 0, 0];

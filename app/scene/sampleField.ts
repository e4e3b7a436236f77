/**
 * Reading a height field between its grid nodes.
 */
import { createUnitMapper, type HeightMapping } from './heightScale';
import type { HeightField } from './types';

/** The parts of a height field that describe its samples (its version is not needed to read them). */
export type FieldGrid = Pick<HeightField, 'nx' | 'ny' | 'window' | 'values'>;

/**
 * Bilinear interpolation of the field at plane point (x, y):
 * with s = (x − xMin)/(xMax − xMin)·(nx − 1) = i + a and t likewise = j + b,
 * f = (1−a)(1−b) f_ij + a(1−b) f_i+1,j + (1−a)b f_i,j+1 + ab f_i+1,j+1.
 * Outside the window, or on a grid with fewer than 2 nodes per axis, gives NaN;
 * a non-finite corner makes the result non-finite, which callers show as such.
 */
export function sampleField(field: FieldGrid, x: number, y: number): number {
  const { nx, ny, window, values } = field;
  if (nx < 2 || ny < 2) return NaN;
  const s = ((x - window.xMin) / (window.xMax - window.xMin)) * (nx - 1);
  const t = ((y - window.yMin) / (window.yMax - window.yMin)) * (ny - 1);
  if (!(s >= 0 && s <= nx - 1 && t >= 0 && t <= ny - 1)) return NaN;
  // The last cell also serves the far edge, so s = nx − 1 reads cell nx − 2 at a = 1.
  const i = Math.min(Math.floor(s), nx - 2);
  const j = Math.min(Math.floor(t), ny - 2);
  const a = s - i;
  const b = t - j;
  const k = j * nx + i;
  const f00 = values[k];
  const f10 = values[k + 1];
  const f01 = values[k + nx];
  const f11 = values[k + nx + 1];
  // Skip zero-weight corners so a NaN beside an exact node does not spoil it.
  let sum = 0;
  const add = (weight: number, value: number): void => {
    if (weight !== 0) sum += weight * value;
  };
  add((1 - a) * (1 - b), f00);
  add(a * (1 - b), f10);
  add((1 - a) * b, f01);
  add(a * b, f11);
  return sum;
}

/**
 * The normalised height u of the surface as drawn at plane point (x, y): the
 * grid cell is split into triangles (a, b, d) and (a, d, c) as the surface mesh
 * is, and u is linear on each. With cell fractions (s, t) and corner heights
 * u00, u10, u01, u11: for s ≥ t, u = u00 + s(u10 − u00) + t(u11 − u10); otherwise
 * u = u00 + t(u01 − u00) + s(u11 − u01). Corner heights are lossToUnit of the
 * values, with NaN drawn at 0 as the surface does. Outside the window: NaN.
 * Loops pass `toUnit` (createUnitMapper(mapping)) to avoid rebuilding it per point.
 */
export function surfaceUnitAt(
  field: FieldGrid,
  mapping: HeightMapping,
  x: number,
  y: number,
  toUnit: (loss: number) => number = createUnitMapper(mapping),
): number {
  const { nx, ny, window, values } = field;
  if (nx < 2 || ny < 2) return NaN;
  const s = ((x - window.xMin) / (window.xMax - window.xMin)) * (nx - 1);
  const t = ((y - window.yMin) / (window.yMax - window.yMin)) * (ny - 1);
  if (!(s >= 0 && s <= nx - 1 && t >= 0 && t <= ny - 1)) return NaN;
  const i = Math.min(Math.floor(s), nx - 2);
  const j = Math.min(Math.floor(t), ny - 2);
  const a = s - i;
  const b = t - j;
  const k = j * nx + i;
  const unit = (value: number): number => {
    const u = toUnit(value);
    return Number.isNaN(u) ? 0 : u;
  };
  const u00 = unit(values[k]);
  const u10 = unit(values[k + 1]);
  const u01 = unit(values[k + nx]);
  const u11 = unit(values[k + nx + 1]);
  return a >= b ? u00 + a * (u10 - u00) + b * (u11 - u10) : u00 + b * (u01 - u00) + a * (u11 - u01);
}

/**
 * The height at which something with its own normalised height sits on the
 * drawn surface: max(own, surface), where a NaN on either side yields the other
 * (a point off the window keeps its own height; a non-finite loss rests on the surface).
 */
export function unitOnOrAboveSurface(ownUnit: number, surfaceUnit: number): number {
  if (Number.isNaN(surfaceUnit)) return ownUnit;
  if (Number.isNaN(ownUnit)) return surfaceUnit;
  return Math.max(ownUnit, surfaceUnit);
}

/**
 * Reading a height field between its grid nodes, as the engine reads a
 * slice (workers/engine/math/plane/fieldLookup.ts): bilinearly, or on the
 * triangles the surface mesh draws.
 */
import { bilinearLookup, fieldCell } from '../../workers/engine/math/plane/fieldLookup';
import { gridIndex } from '../../workers/engine/math/plane/gridIndex';
import { createUnitMapper, type HeightMapping } from './heightScale';
import type { HeightField } from './types';

/** The parts of a height field that describe its samples (its version is not needed to read them). */
export type FieldGrid = Pick<HeightField, 'nx' | 'ny' | 'window' | 'values'>;

/**
 * Bilinear interpolation of the field at plane point (x, y) (`bilinearLookup`):
 * in the cell of (x, y) at fractions (s, t),
 * f = (1−s)(1−t) f_ij + s(1−t) f_i+1,j + (1−s)t f_i,j+1 + st f_i+1,j+1, a node
 * reading its own value even beside a NaN. Outside the window (beyond
 * float32 rounding), or on a grid with fewer than 2 nodes along x, gives NaN;
 * a non-finite corner of the cell makes the result non-finite, which callers
 * show as such.
 */
export function sampleField(field: FieldGrid, x: number, y: number): number {
  return bilinearLookup(field, x, y);
}

/**
 * The normalised height u of the surface as drawn at plane point (x, y): the
 * grid cell is split into triangles (a, b, d) and (a, d, c) as the surface mesh
 * is, and u is linear on each. With cell fractions (s, t) and corner heights
 * u00, u10, u01, u11: for s ≥ t, u = u00 + s(u10 − u00) + t(u11 − u10); otherwise
 * u = u00 + t(u01 − u00) + s(u11 − u01). Corner heights are lossToUnit of the
 * values, with NaN drawn at 0 as the surface does. Outside the window, or on
 * a field of one row (no surface): NaN.
 * Loops pass `toUnit` (createUnitMapper(mapping)) to avoid rebuilding it per point.
 */
export function surfaceUnitAt(
  field: FieldGrid,
  mapping: HeightMapping,
  x: number,
  y: number,
  toUnit: (loss: number) => number = createUnitMapper(mapping),
): number {
  const { nx, ny, values } = field;
  const cell = ny < 2 ? null : fieldCell(field, x, y);
  if (cell === null) return NaN;
  const { i, j, s, t } = cell;
  const unit = (value: number): number => {
    const u = toUnit(value);
    return Number.isNaN(u) ? 0 : u;
  };
  const u00 = unit(values[gridIndex(nx, i, j)]);
  const u10 = unit(values[gridIndex(nx, i + 1, j)]);
  const u01 = unit(values[gridIndex(nx, i, j + 1)]);
  const u11 = unit(values[gridIndex(nx, i + 1, j + 1)]);
  return s >= t ? u00 + s * (u10 - u00) + t * (u11 - u10) : u00 + t * (u01 - u00) + s * (u11 - u01);
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

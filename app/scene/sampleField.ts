/**
 * Reading a height field between its grid nodes.
 */
import type { HeightField } from './types';

/**
 * Bilinear interpolation of the field at plane point (x, y):
 * with s = (x − xMin)/(xMax − xMin)·(nx − 1) = i + a and t likewise = j + b,
 * f = (1−a)(1−b) f_ij + a(1−b) f_i+1,j + (1−a)b f_i,j+1 + ab f_i+1,j+1.
 * Outside the window, or on a grid with fewer than 2 nodes per axis, gives NaN;
 * a non-finite corner makes the result non-finite, which callers show as such.
 */
export function sampleField(field: HeightField, x: number, y: number): number {
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

/**
 * Pixels of the 2-D heat map and the scaled field the iso-lines are traced on.
 */
import type { ColormapLut } from './colormap';
import { createUnitMapper, type HeightMapping } from './heightScale';

/**
 * The field on the height scale: out[k] = lossToUnit(values[k]) ∈ [0, 1], NaN
 * where the value is not finite (so iso-lines avoid those cells). Tracing
 * contours on this instead of raw losses makes evenly spaced levels follow the
 * chosen scale: logarithmically spaced losses on the log scale.
 */
export function scaledField(values: ArrayLike<number>, mapping: HeightMapping, out = new Float32Array(values.length)): Float32Array {
  const toUnit = createUnitMapper(mapping);
  for (let k = 0; k < values.length; k++) {
    out[k] = Number.isFinite(values[k]) ? toUnit(values[k]) : NaN;
  }
  return out;
}

/**
 * RGBA pixels (an ImageData's layout, rows from the top) of an nx × ny field:
 * image row r shows grid row j = ny − 1 − r, so larger y is higher up as on a
 * plot, and pixel (i, r) gets lut(lossToUnit(values[j·nx + i])) with alpha 255.
 */
export function fillHeatmapPixels(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  mapping: HeightMapping,
  lut: ColormapLut,
  pixels: Uint8ClampedArray,
): void {
  const toUnit = createUnitMapper(mapping);
  const table = lut.rgb;
  const lastEntry = lut.size - 1;
  const grey = lut.nonFinite.map((component) => component * 255);
  for (let j = 0; j < ny; j++) {
    const row = ny - 1 - j;
    for (let i = 0; i < nx; i++) {
      const value = values[j * nx + i];
      const offset = 4 * (row * nx + i);
      if (Number.isFinite(value)) {
        const entry = 3 * Math.round(toUnit(value) * lastEntry);
        pixels[offset] = table[entry] * 255;
        pixels[offset + 1] = table[entry + 1] * 255;
        pixels[offset + 2] = table[entry + 2] * 255;
      } else {
        pixels[offset] = grey[0];
        pixels[offset + 1] = grey[1];
        pixels[offset + 2] = grey[2];
      }
      pixels[offset + 3] = 255;
    }
  }
}

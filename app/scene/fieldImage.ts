/**
 * A gridded field as an image, one pixel per grid node, in an ImageData's
 * layout (RGBA bytes, rows from the top), ready to be stretched over a plot:
 * the contour view's heat map and the data view's prediction both come from
 * {@link fillFieldPixels}, each with its own colouring of a node. Also the
 * scaled field the iso-lines are traced on.
 */
import { gridIndex, type GridIndex } from '../../workers/engine/math/plane/gridIndex';
import { lookupColormap, type ColormapLut } from './colormap';
import { createUnitMapper, type HeightMapping } from './heightScale';

/**
 * Writes the colour of grid node k = j·nx + i (the grids' one row-major
 * convention, {@link GridIndex}) as three bytes (R, G, B, 0–255) to
 * `pixels[offset..offset+2]`.
 */
export type NodeColoring = (node: GridIndex, pixels: Uint8ClampedArray, offset: number) => void;

/**
 * RGBA pixels of an nx × ny grid: image row r shows grid row j = ny − 1 − r
 * (a field's rows go up in y, an image's rows go down), so pixel (i, r) is
 * coloured by `colorNode(j·nx + i)` and made opaque (alpha 255).
 */
export function fillFieldPixels(
  nx: number,
  ny: number,
  colorNode: NodeColoring,
  pixels: Uint8ClampedArray = new Uint8ClampedArray(4 * nx * ny),
): Uint8ClampedArray {
  for (let j = 0; j < ny; j++) {
    const row = ny - 1 - j;
    for (let i = 0; i < nx; i++) {
      const offset = 4 * (row * nx + i);
      colorNode(gridIndex(nx, i, j), pixels, offset);
      pixels[offset + 3] = 255;
    }
  }
  return pixels;
}

/**
 * The colouring of a loss field by its height scale: node k gets
 * lut(lossToUnit(values[k])), or the table's grey where the value is not
 * finite (±∞ are not losses on the scale, so not the ends of the map).
 */
export function heightColoring(values: ArrayLike<number>, mapping: HeightMapping, lut: ColormapLut): NodeColoring {
  const toUnit = createUnitMapper(mapping);
  return (node, pixels, offset) => {
    const value = values[node];
    lookupColormap(lut, Number.isFinite(value) ? toUnit(value) : NaN, pixels, offset, 255);
  };
}

/** The heat map of an nx × ny loss field: {@link fillFieldPixels} with {@link heightColoring}. */
export function fillHeatmapPixels(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  mapping: HeightMapping,
  lut: ColormapLut,
  pixels: Uint8ClampedArray = new Uint8ClampedArray(4 * nx * ny),
): Uint8ClampedArray {
  return fillFieldPixels(nx, ny, heightColoring(values, mapping, lut), pixels);
}

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

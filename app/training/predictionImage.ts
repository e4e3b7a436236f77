/**
 * The prediction field as an RGBA image, one pixel per grid node, to be
 * stretched over the data plane: class hue by confidence for classification,
 * a diverging map for binary problems, a colour map for regression.
 */
import { createColormapLut, lookupColormap, type ColormapLut } from '../scene/colormap';
import { fillFieldPixels } from '../scene/fieldImage';
import { binaryPixel, confidenceStrength, probabilityOfOne, tintedClassPixel } from './classColors';
import type { DataPoints, PredictionField } from '../plots/types';

/** The colour map of regression fields (shared with the legend). */
export const REGRESSION_COLORMAP = 'viridis';

let regressionLut: ColormapLut | null = null;
function regressionTable(): ColormapLut {
  regressionLut ??= createColormapLut(REGRESSION_COLORMAP);
  return regressionLut;
}

/** A closed value interval [min, max]. */
export interface ValueRange {
  min: number;
  max: number;
}

/** How to colour a field: the task, the class count, and the value range a regression map spans. */
export interface FieldColoring {
  task: DataPoints['task'];
  classCount: number;
  /** Regression only: the values mapped to the two ends of the colour map. */
  range?: ValueRange;
}

/**
 * The interval a regression colour map spans: the smallest and largest
 * finite value among the predictions and the targets (so points and
 * background share one scale). A single value v gives [v − 1, v + 1]; no
 * finite value gives [0, 1].
 */
export function regressionRange(field: PredictionField | null, ...sets: (DataPoints | null)[]): ValueRange {
  let min = Infinity;
  let max = -Infinity;
  const include = (values: ArrayLike<number>, count: number) => {
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  };
  if (field) include(field.values, field.nx * field.ny);
  for (const set of sets) if (set) include(set.y, set.n);
  if (min > max) return { min: 0, max: 1 };
  if (min === max) return { min: min - 1, max: max + 1 };
  return { min, max };
}

/** (v − min)/(max − min): the position of v on the colour map (NaN stays NaN and is drawn grey). */
export function unitInRange(value: number, range: ValueRange): number {
  return (value - range.min) / (range.max - range.min);
}

/**
 * The field's colours as RGBA pixels (4·nx·ny bytes, opaque), laid out by
 * {@link fillFieldPixels} (image row r shows grid row j = ny − 1 − r).
 * Classification without a `confidence` array is drawn at full strength; a
 * non-finite prediction is drawn in the neutral colour (grey for regression).
 */
export function fillPredictionPixels(
  field: PredictionField,
  coloring: FieldColoring,
  out: Uint8ClampedArray = new Uint8ClampedArray(4 * field.nx * field.ny),
): Uint8ClampedArray {
  const { values, confidence } = field;
  const range = coloring.range ?? regressionRange(field);
  const lut = coloring.task === 'regression' ? regressionTable() : null;
  return fillFieldPixels(
    field.nx,
    field.ny,
    (node, pixels, offset) => {
      const value = values[node];
      const certainty = confidence ? confidence[node] : 1;
      if (lut) {
        lookupColormap(lut, unitInRange(value, range), pixels, offset, 255);
      } else if (!Number.isFinite(value)) {
        tintedClassPixel(0, 0, pixels, offset); // no prediction (e.g. a diverged network): undecided
      } else if (coloring.task === 'binary') {
        binaryPixel(probabilityOfOne(value, certainty), pixels, offset);
      } else {
        tintedClassPixel(Math.round(value), confidenceStrength(certainty, coloring.classCount), pixels, offset);
      }
    },
    out,
  );
}

/**
 * Geometry of the data view: which window of data coordinates it shows, and
 * where that window sits on the canvas. Pixels from data coordinates use the
 * contour view's {@link planeToPixel} (x to the right, y upward).
 */
import type { PlotMargins, PlotRect } from '../scene/contourLayout';
import type { AxisStyle } from '../scene/plotCanvas';
import type { PlaneWindow } from '../scene/types';
import { probabilityOfOne } from './classColors';
import type { DataPoints, PredictionField } from '../plots/types';

/** Space around the data plot in CSS pixels: tick labels and axis names left and below. */
export const DATA_MARGINS: PlotMargins = { left: 62, right: 14, top: 12, bottom: 46 };

/** Axes of the data view: 12 px labels, about one tick per 40 px, so a small square view still gets four or five. */
export const DATA_AXES: AxisStyle = { fontPx: 12, pixelsPerTickX: 40, pixelsPerTickY: 40, minTicks: 3, yNameOffset: 46 };

/** Fraction of the span added on each side of a window fitted to points. */
export const WINDOW_PADDING = 0.06;

/** [lo, hi] widened by `padding`·(hi − lo) on each side; an empty span becomes [lo − 1, hi + 1], no values [−1, 1]. */
export function paddedInterval(lo: number, hi: number, padding = WINDOW_PADDING): [number, number] {
  if (!(lo <= hi)) return [-1, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const margin = (hi - lo) * padding;
  return [lo - margin, hi + margin];
}

/** Smallest and largest finite entry of column `column` of each set's inputs (stride inputDim). */
function inputExtent(sets: readonly (DataPoints | null)[], column: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const set of sets) {
    if (!set || column >= set.inputDim) continue;
    for (let i = 0; i < set.n; i++) {
      const v = set.x[i * set.inputDim + column];
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return [lo, hi];
}

/**
 * The input-plane window of a 2-D data view: the prediction's window when
 * there is a prediction (the points outside it are clipped), otherwise the
 * points' bounding box padded by {@link WINDOW_PADDING} on every side.
 */
export function inputWindow(train: DataPoints | null, test: DataPoints | null, prediction: PredictionField | null): PlaneWindow {
  if (prediction) return { ...prediction.window };
  const [xMin, xMax] = paddedInterval(...inputExtent([train, test], 0));
  const [yMin, yMax] = paddedInterval(...inputExtent([train, test], 1));
  return { xMin, xMax, yMin, yMax };
}

/**
 * The window of a 1-D data view, x = input and y = target: x spans the
 * prediction's input window (or the padded inputs without a prediction), y
 * the padded range of every finite target and curve value ({@link curveSampleY}).
 */
export function curveWindow(train: DataPoints | null, test: DataPoints | null, prediction: PredictionField | null): PlaneWindow {
  const [xMin, xMax] = prediction
    ? [prediction.window.xMin, prediction.window.xMax]
    : paddedInterval(...inputExtent([train, test], 0));
  let lo = Infinity;
  let hi = -Infinity;
  const include = (values: ArrayLike<number>, count: number) => {
    for (let i = 0; i < count; i++) {
      if (Number.isFinite(values[i])) {
        lo = Math.min(lo, values[i]);
        hi = Math.max(hi, values[i]);
      }
    }
  };
  for (const set of [train, test]) if (set) include(set.y, set.n);
  if (prediction) {
    const task = (train ?? test)?.task ?? 'regression';
    include(Array.from({ length: prediction.nx }, (_, i) => curveSampleY(prediction, task, i)), prediction.nx);
  }
  const [yMin, yMax] = paddedInterval(lo, hi);
  return { xMin, xMax, yMin, yMax };
}

/** The canvas area inside the margins, whatever its aspect (a 1-D plot has different units on its two axes). */
export function innerRect(canvasWidth: number, canvasHeight: number, margins: PlotMargins): PlotRect {
  return {
    left: margins.left,
    top: margins.top,
    width: Math.max(1, canvasWidth - margins.left - margins.right),
    height: Math.max(1, canvasHeight - margins.top - margins.bottom),
  };
}

/** Input x of the 1-D prediction's sample i: evenly spaced over the window, x_i = xMin + i·(xMax − xMin)/(nx − 1). */
export function curveSampleX(prediction: PredictionField, i: number): number {
  const { xMin, xMax } = prediction.window;
  return prediction.nx === 1 ? (xMin + xMax) / 2 : xMin + (i * (xMax - xMin)) / (prediction.nx - 1);
}

/**
 * Height of the 1-D prediction curve at sample i: the predicted value
 * (regression), p(class 1) = c or 1 − c from the predicted class and its
 * probability c (binary, when probabilities are given), else the predicted class.
 */
export function curveSampleY(prediction: PredictionField, task: DataPoints['task'], i: number): number {
  const value = prediction.values[i];
  if (task === 'binary' && prediction.confidence) return probabilityOfOne(value, prediction.confidence[i]);
  return value;
}

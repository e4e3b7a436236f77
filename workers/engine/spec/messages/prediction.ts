/**
 * What the training and landscape workers send for the data view: a
 * network's predictions over a grid of inputs, typed here once for the
 * workers and the page.
 */
import type { Window2D } from '../vocabulary';

/** A network's prediction over a regular grid of its input plane, as the data view draws it (see `predictionFieldOf`). */
export interface PredictionFieldData {
  nx: number;
  ny: number;
  /** The input rectangle the grid spans, x_0 = xMin … x_{nx−1} = xMax. */
  window: Window2D;
  /** Predicted class index (classification) or value (regression), at j·nx + i. */
  values: Float32Array;
  /** Probability of the predicted class (classification only). */
  confidence?: Float32Array;
}

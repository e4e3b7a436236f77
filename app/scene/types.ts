/**
 * The contract between the app (which owns state and workers) and the scene
 * (which only draws). Scene components receive these as props; they never
 * compute loss values themselves and never import TensorFlow.js.
 */
import type { MarkerKind, RunStatus, Window2D } from '../../workers/engine/spec/vocabulary';

/** The rectangle of the plane being displayed (x, y of a function; α, β of a slice). */
export type PlaneWindow = Window2D;

/**
 * A height field sampled on a regular grid: `values[j * nx + i]` is the loss
 * at `x_i = xMin + i (xMax − xMin)/(nx − 1)`, `y_j = yMin + j (yMax − yMin)/(ny − 1)`.
 * The array is updated in place by progressive refinement, so `version`
 * increases whenever its contents change (a cheap change signal for memo/effects).
 */
export interface HeightField {
  nx: number;
  ny: number;
  window: PlaneWindow;
  values: Float32Array;
  version: number;
}

/** A perceptually uniform colour map for the surface, heat map and legend. */
export type ColormapName = 'viridis' | 'magma' | 'cividis';

/** How losses are mapped to heights and colours. */
export interface HeightScale {
  /** log10(loss − min + offset) instead of the raw loss: shows valleys of functions like Rosenbrock. */
  log: boolean;
  /** Colour map used for the surface, the heat map and the legend; viridis when absent. */
  colormap?: ColormapName;
}

/** One optimizer's path in the plane's coordinates. */
export interface PathView {
  id: string;
  label: string;
  /** CSS colour. */
  color: string;
  /** Interleaved x, y of every visited point; only the first `length` points are valid (the buffer is preallocated and grows). */
  points: Float64Array;
  /** The loss at each visited point (same indexing as `points`), used for the path's height. */
  losses: Float64Array;
  length: number;
  status: RunStatus;
  /** Changes whenever new points were written. */
  version: number;
}

/** A marked point: a known minimum or saddle, or the start. */
export interface MarkerView {
  x: number;
  y: number;
  kind: MarkerKind;
  /** Shown on hover: the loss and the Hessian's eigenvalues at the point, when known. */
  loss?: number;
  eigenvalues?: number[];
}


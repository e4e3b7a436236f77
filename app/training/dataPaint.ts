/**
 * Drawing the data view's own layers on a canvas: the 1-D prediction curve
 * and the points, training points as filled circles with a dark outline,
 * test points as rings (the 2-D prediction image and the axes are
 * app/scene/plotCanvas.ts's, shared with the contour view). Coordinates are
 * CSS pixels; the caller sets the device-pixel transform.
 */
import { planeToPixel, type PlotRect } from '../scene/contourLayout';
import { clipToPlot } from '../scene/plotCanvas';
import type { PlaneWindow } from '../scene/types';
import { curveSampleX, curveSampleY } from './dataLayout';
import type { DataPoints, PredictionField } from '../plots/types';

/** Radius of a data point's marker in CSS pixels. */
export const POINT_RADIUS = 4.5;

const OUTLINE = 'rgba(0, 0, 0, 0.85)';
const CURVE_COLOR = '#e8ecf1';

/** Which of the two sets a point belongs to: they differ by marker, not by colour. */
export type PointRole = 'train' | 'test';

/**
 * Data points of one set: point i at (x_i0, x_i1), or at (x_i, y_i) for 1-D
 * inputs, in `colorOf(i)`. Training points are discs with a dark outline;
 * test points are rings over a dark halo, so the two read apart on any background.
 */
export function paintPoints(
  ctx: CanvasRenderingContext2D,
  set: DataPoints,
  role: PointRole,
  colorOf: (index: number) => string,
  window: PlaneWindow,
  rect: PlotRect,
): void {
  clipToPlot(ctx, rect);
  for (let i = 0; i < set.n; i++) {
    const x = set.x[i * set.inputDim];
    const y = set.inputDim === 1 ? set.y[i] : set.x[i * set.inputDim + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const [px, py] = planeToPixel(rect, window, x, y);
    ctx.beginPath();
    ctx.arc(px, py, POINT_RADIUS, 0, 2 * Math.PI);
    if (role === 'train') {
      ctx.fillStyle = colorOf(i);
      ctx.fill();
      ctx.strokeStyle = OUTLINE;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    } else {
      ctx.strokeStyle = OUTLINE;
      ctx.lineWidth = 4;
      ctx.stroke();
      ctx.strokeStyle = colorOf(i);
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
  ctx.restore();
}

/**
 * The 1-D prediction as a polyline through (x_i, curve value_i), with a dark
 * halo; non-finite samples break the line.
 */
export function paintPredictionCurve(
  ctx: CanvasRenderingContext2D,
  prediction: PredictionField,
  task: DataPoints['task'],
  window: PlaneWindow,
  rect: PlotRect,
): void {
  clipToPlot(ctx, rect);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const trace = (): void => {
    ctx.beginPath();
    let drawing = false;
    for (let i = 0; i < prediction.nx; i++) {
      const y = curveSampleY(prediction, task, i);
      if (!Number.isFinite(y)) {
        drawing = false;
        continue;
      }
      const [px, py] = planeToPixel(rect, window, curveSampleX(prediction, i), y);
      if (drawing) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      drawing = true;
    }
  };
  trace();
  ctx.strokeStyle = OUTLINE;
  ctx.lineWidth = 5;
  ctx.stroke();
  trace();
  ctx.strokeStyle = CURVE_COLOR;
  ctx.lineWidth = 2.5;
  ctx.stroke();
  ctx.restore();
}

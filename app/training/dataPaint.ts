/**
 * Drawing the data view on a canvas: the prediction background (or curve),
 * then the points: training points as filled circles with a dark outline,
 * test points as rings. Coordinates are CSS pixels; the caller sets the
 * device-pixel transform.
 */
import { planeToPixel, type PlotRect } from '../scene/contourLayout';
import { niceTicks } from '../scene/niceTicks';
import type { PlaneWindow } from '../scene/types';
import { curveSampleX, curveSampleY } from './dataLayout';
import { formatSignificant } from '../ui/format';
import type { DataPoints, PredictionField } from '../plots/types';

/** Radius of a data point's marker in CSS pixels. */
export const POINT_RADIUS = 4.5;

const OUTLINE = 'rgba(0, 0, 0, 0.85)';
const CURVE_COLOR = '#e8ecf1';
const AXIS_COLOR = '#cfd6de';
const FONT = '12px system-ui, sans-serif';
/** About one tick per this many CSS pixels of axis (a small square view still gets four or five). */
const PIXELS_PER_TICK = 40;

/** Which of the two sets a point belongs to: they differ by marker, not by colour. */
export type PointRole = 'train' | 'test';

/** Clips later drawing to the plot rectangle (restore with ctx.restore()). */
function clipToPlot(ctx: CanvasRenderingContext2D, rect: PlotRect): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.left, rect.top, rect.width, rect.height);
  ctx.clip();
}

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

/**
 * Frame, ticks every 1, 2 or 5 × 10^k (about one per {@link PIXELS_PER_TICK}
 * pixels) labelled in data units, and the two axis names.
 */
export function paintDataAxes(ctx: CanvasRenderingContext2D, window: PlaneWindow, rect: PlotRect, names: readonly [string, string]): void {
  ctx.save();
  ctx.strokeStyle = AXIS_COLOR;
  ctx.fillStyle = AXIS_COLOR;
  ctx.lineWidth = 1;
  ctx.font = FONT;
  ctx.strokeRect(rect.left + 0.5, rect.top + 0.5, rect.width - 1, rect.height - 1);
  ctx.beginPath();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const bottom = rect.top + rect.height;
  for (const x of niceTicks(window.xMin, window.xMax, Math.max(3, Math.round(rect.width / PIXELS_PER_TICK)))) {
    const [px] = planeToPixel(rect, window, x, window.yMin);
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + 5);
    ctx.fillText(formatSignificant(x, 3), px, bottom + 7);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of niceTicks(window.yMin, window.yMax, Math.max(3, Math.round(rect.height / PIXELS_PER_TICK)))) {
    const [, py] = planeToPixel(rect, window, window.xMin, y);
    ctx.moveTo(rect.left, py);
    ctx.lineTo(rect.left - 5, py);
    ctx.fillText(formatSignificant(y, 3), rect.left - 7, py);
  }
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(names[0], rect.left + rect.width / 2, bottom + 25);
  ctx.translate(rect.left - 46, rect.top + rect.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(names[1], 0, 0);
  ctx.restore();
}

/**
 * The parts of a 2-D plot on a canvas that the contour view and the data
 * view share: a field image (one pixel per grid node, from fieldImage.ts)
 * put on a canvas of its own and stretched over the plot rectangle, and the
 * frame with nice ticks, tick labels and axis names in plane units. Every
 * function takes CSS pixel coordinates; the caller sets the device-pixel
 * transform.
 */
import { tickLabels } from '../ui/format';
import { planeToPixel, type PlotRect } from './contourLayout';
import { niceTicks } from './niceTicks';
import type { PlaneWindow } from './types';

/** Colour of the frame, ticks and labels on the dark background. */
const AXIS_COLOR = '#cfd6de';
/** Length of a tick mark, and the gap between it and its label, in CSS pixels. */
const TICK_LENGTH = 5;
const LABEL_GAP = 2;

/** How a view's axes are drawn. */
export interface AxisStyle {
  /** Font size of labels and names in CSS pixels. */
  fontPx: number;
  /** About one tick per this many CSS pixels of the x axis, and of the y axis. */
  pixelsPerTickX: number;
  pixelsPerTickY: number;
  /** Fewest ticks asked for on an axis, however short. */
  minTicks: number;
  /** Distance from the plot's left edge to the centre of the y axis's name, at least (more when tick labels are wide). */
  yNameOffset: number;
}

/**
 * `canvas`'s 2-D context, cleared, with the device-pixel transform for a
 * view of CSS size `size` (its backing store is reallocated only when that
 * size changes); null before the view has a size.
 */
export function prepareCanvas(canvas: HTMLCanvasElement, size: { width: number; height: number }): CanvasRenderingContext2D | null {
  const context = canvas.getContext('2d');
  if (!context || size.width === 0) return null;
  const ratio = globalThis.devicePixelRatio || 1;
  const width = Math.round(size.width * ratio);
  const height = Math.round(size.height * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, size.width, size.height);
  return context;
}

/** Clips later drawing to the plot rectangle (undo with ctx.restore()). */
export function clipToPlot(ctx: CanvasRenderingContext2D, rect: PlotRect): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.left, rect.top, rect.width, rect.height);
  ctx.clip();
}

/**
 * A canvas holding `pixels` (an nx × ny RGBA image) to be stretched onto a
 * plot: `previous` itself when its size fits, so a repaint makes no new canvas.
 */
export function pixelsToCanvas(pixels: Uint8ClampedArray, nx: number, ny: number, previous?: HTMLCanvasElement | null): HTMLCanvasElement {
  const canvas = previous && previous.width === nx && previous.height === ny ? previous : document.createElement('canvas');
  canvas.width = nx;
  canvas.height = ny;
  const context = canvas.getContext('2d');
  if (context) {
    const image = context.createImageData(nx, ny);
    image.data.set(pixels);
    context.putImageData(image, 0, 0);
  }
  return canvas;
}

/**
 * A field image (one pixel per node of an nx × ny grid spanning the window)
 * stretched so that each pixel's centre lands on its node: the image spans
 * half a cell beyond the window on every side and is clipped to the plot.
 */
export function paintFieldImage(ctx: CanvasRenderingContext2D, image: CanvasImageSource, grid: { nx: number; ny: number }, rect: PlotRect): void {
  const cellWidth = rect.width / Math.max(1, grid.nx - 1);
  const cellHeight = rect.height / Math.max(1, grid.ny - 1);
  clipToPlot(ctx, rect);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(image, rect.left - cellWidth / 2, rect.top - cellHeight / 2, rect.width + cellWidth, rect.height + cellHeight);
  ctx.restore();
}

/**
 * Frame, ticks and tick labels in plane units, and the axis names. Ticks are
 * multiples of 1, 2 or 5 × 10^k ({@link niceTicks}), about one per
 * `pixelsPerTick` of axis; labels come from {@link tickLabels}, so
 * neighbours never read the same. The y axis's name keeps clear of the
 * widest tick label (and on the canvas).
 */
export function paintAxes(
  ctx: CanvasRenderingContext2D,
  window: PlaneWindow,
  rect: PlotRect,
  names: readonly [string, string],
  style: AxisStyle,
): void {
  const bottom = rect.top + rect.height;
  const labelOffset = TICK_LENGTH + LABEL_GAP;
  ctx.save();
  ctx.strokeStyle = AXIS_COLOR;
  ctx.fillStyle = AXIS_COLOR;
  ctx.lineWidth = 1;
  ctx.font = `${style.fontPx}px system-ui, sans-serif`;
  ctx.strokeRect(rect.left + 0.5, rect.top + 0.5, rect.width - 1, rect.height - 1);
  ctx.beginPath();

  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xTicks = niceTicks(window.xMin, window.xMax, Math.max(style.minTicks, Math.round(rect.width / style.pixelsPerTickX)));
  tickLabels(xTicks).forEach((label, k) => {
    const [px] = planeToPixel(rect, window, xTicks[k], window.yMin);
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + TICK_LENGTH);
    ctx.fillText(label, px, bottom + labelOffset);
  });

  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const yTicks = niceTicks(window.yMin, window.yMax, Math.max(style.minTicks, Math.round(rect.height / style.pixelsPerTickY)));
  let widest = 0;
  tickLabels(yTicks).forEach((label, k) => {
    const [, py] = planeToPixel(rect, window, window.xMin, yTicks[k]);
    ctx.moveTo(rect.left, py);
    ctx.lineTo(rect.left - TICK_LENGTH, py);
    ctx.fillText(label, rect.left - labelOffset, py);
    widest = Math.max(widest, ctx.measureText(label).width);
  });
  ctx.stroke();

  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(names[0], rect.left + rect.width / 2, bottom + labelOffset + style.fontPx + 6);
  const clearOfLabels = labelOffset + widest + 4 + style.fontPx / 2;
  const nameX = Math.max(style.fontPx / 2 + 1, rect.left - Math.max(style.yNameOffset, clearOfLabels));
  ctx.translate(nameX, rect.top + rect.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(names[1], 0, 0);
  ctx.restore();
}

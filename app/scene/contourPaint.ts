/**
 * Drawing the 2-D contour view on a canvas: heat map, iso-lines, axes, paths
 * and markers, in that order (later layers on top). Every function takes CSS
 * pixel coordinates; the caller sets the device-pixel transform.
 */
import { planeToPixel, type PlotRect } from './contourLayout';
import { formatLoss } from './heightScale';
import { DIVERGED_COLOR, MARKER_COLORS } from './markerStyle';
import { niceTicks } from './niceTicks';
import { drawablePointCount } from './pathFill';
import type { HeightField, MarkerView, PathView, PlaneWindow } from './types';

/** Iso-line segments of one level, in fractional grid coordinates, with the level's normalised value. */
export interface IsoLineSet {
  unit: number;
  segments: Float32Array;
}

const AXIS_COLOR = '#cfd6de';
const FONT = '11px system-ui, sans-serif';

/**
 * The heat map image (one pixel per grid node) stretched so that each pixel's
 * centre lands on its node: the image spans half a cell beyond the window on
 * every side and is clipped to the plot.
 */
export function paintHeatmap(ctx: CanvasRenderingContext2D, image: CanvasImageSource, field: HeightField, rect: PlotRect): void {
  const cellWidth = rect.width / Math.max(1, field.nx - 1);
  const cellHeight = rect.height / Math.max(1, field.ny - 1);
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.left, rect.top, rect.width, rect.height);
  ctx.clip();
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(image, rect.left - cellWidth / 2, rect.top - cellHeight / 2, rect.width + cellWidth, rect.height + cellHeight);
  ctx.restore();
}

/**
 * Iso-lines: light on the dark lower part of the colour map, dark on its light
 * upper part, so they read everywhere.
 */
export function paintIsoLines(ctx: CanvasRenderingContext2D, lines: readonly IsoLineSet[], field: HeightField, rect: PlotRect): void {
  const toX = rect.width / Math.max(1, field.nx - 1);
  const toY = rect.height / Math.max(1, field.ny - 1);
  ctx.save();
  ctx.lineWidth = 0.8;
  for (const { unit, segments } of lines) {
    ctx.strokeStyle = unit < 0.6 ? 'rgba(255, 255, 255, 0.5)' : 'rgba(0, 0, 0, 0.45)';
    ctx.beginPath();
    for (let k = 0; k < segments.length; k += 4) {
      // Grid row j grows upward; canvas y grows downward.
      ctx.moveTo(rect.left + segments[k] * toX, rect.top + rect.height - segments[k + 1] * toY);
      ctx.lineTo(rect.left + segments[k + 2] * toX, rect.top + rect.height - segments[k + 3] * toY);
    }
    ctx.stroke();
  }
  ctx.restore();
}

/** Frame, ticks and tick labels in plane units, and the axis names. */
export function paintAxes(
  ctx: CanvasRenderingContext2D,
  window: PlaneWindow,
  rect: PlotRect,
  axisLabels: readonly [string, string],
): void {
  ctx.save();
  ctx.strokeStyle = AXIS_COLOR;
  ctx.fillStyle = AXIS_COLOR;
  ctx.lineWidth = 1;
  ctx.font = FONT;
  ctx.strokeRect(rect.left + 0.5, rect.top + 0.5, rect.width - 1, rect.height - 1);
  ctx.beginPath();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const x of niceTicks(window.xMin, window.xMax, Math.max(2, Math.round(rect.width / 90)))) {
    const [px] = planeToPixel(rect, window, x, window.yMin);
    ctx.moveTo(px, rect.top + rect.height);
    ctx.lineTo(px, rect.top + rect.height + 5);
    ctx.fillText(formatLoss(x, 4), px, rect.top + rect.height + 7);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of niceTicks(window.yMin, window.yMax, Math.max(2, Math.round(rect.height / 70)))) {
    const [, py] = planeToPixel(rect, window, window.xMin, y);
    ctx.moveTo(rect.left, py);
    ctx.lineTo(rect.left - 5, py);
    ctx.fillText(formatLoss(y, 4), rect.left - 7, py);
  }
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(axisLabels[0], rect.left + rect.width / 2, rect.top + rect.height + 24);
  ctx.save();
  ctx.translate(rect.left - 44, rect.top + rect.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(axisLabels[1], 0, 0);
  ctx.restore();
  ctx.restore();
}

/** A red × of half-size r centred at (px, py). */
function paintCross(ctx: CanvasRenderingContext2D, px: number, py: number, r: number): void {
  ctx.save();
  ctx.strokeStyle = DIVERGED_COLOR;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(px - r, py - r);
  ctx.lineTo(px + r, py + r);
  ctx.moveTo(px + r, py - r);
  ctx.lineTo(px - r, py + r);
  ctx.stroke();
  ctx.restore();
}

/**
 * Each path as a polyline (with a dark halo so it reads on any colour), a
 * ring at its start and a dot at its current point; a diverged run ends in a
 * red cross instead of a dot. Drawing is clipped to the plot.
 */
export function paintPaths(ctx: CanvasRenderingContext2D, paths: readonly PathView[], window: PlaneWindow, rect: PlotRect): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.left, rect.top, rect.width, rect.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const path of paths) {
    const count = drawablePointCount(path);
    if (count === 0) continue;
    const trace = (): void => {
      ctx.beginPath();
      for (let p = 0; p < count; p++) {
        const [px, py] = planeToPixel(rect, window, path.points[2 * p], path.points[2 * p + 1]);
        if (p === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
    };
    trace();
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
    ctx.lineWidth = 4;
    ctx.stroke();
    trace();
    ctx.strokeStyle = path.color;
    ctx.lineWidth = 2;
    ctx.stroke();

    const [startX, startY] = planeToPixel(rect, window, path.points[0], path.points[1]);
    ctx.beginPath();
    ctx.arc(startX, startY, 5, 0, 2 * Math.PI);
    ctx.strokeStyle = path.color;
    ctx.lineWidth = 2;
    ctx.stroke();

    const [headX, headY] = planeToPixel(rect, window, path.points[2 * (count - 1)], path.points[2 * count - 1]);
    if (path.status === 'diverged') {
      paintCross(ctx, headX, headY, 6);
    } else {
      ctx.beginPath();
      ctx.arc(headX, headY, 5, 0, 2 * Math.PI);
      ctx.fillStyle = path.color;
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** Marker symbols: minimum ◆, saddle ■, maximum ▲, start ●, each with a dark outline. */
export function paintMarkers(ctx: CanvasRenderingContext2D, markers: readonly MarkerView[], window: PlaneWindow, rect: PlotRect): void {
  const r = 7;
  ctx.save();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.8)';
  for (const marker of markers) {
    const [px, py] = planeToPixel(rect, window, marker.x, marker.y);
    ctx.beginPath();
    switch (marker.kind) {
      case 'minimum':
        ctx.moveTo(px, py - r);
        ctx.lineTo(px + r, py);
        ctx.lineTo(px, py + r);
        ctx.lineTo(px - r, py);
        break;
      case 'saddle':
        ctx.rect(px - r * 0.7, py - r * 0.7, 1.4 * r, 1.4 * r);
        break;
      case 'maximum':
        ctx.moveTo(px, py - r);
        ctx.lineTo(px + r, py + r * 0.8);
        ctx.lineTo(px - r, py + r * 0.8);
        break;
      case 'start':
        ctx.arc(px, py, r * 0.75, 0, 2 * Math.PI);
        break;
    }
    ctx.closePath();
    ctx.fillStyle = MARKER_COLORS[marker.kind];
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * The marker nearest to canvas pixel (px, py) within `radius` pixels, or null.
 */
export function markerNearPixel(
  markers: readonly MarkerView[],
  window: PlaneWindow,
  rect: PlotRect,
  px: number,
  py: number,
  radius = 9,
): MarkerView | null {
  let best: MarkerView | null = null;
  let bestDistance = radius;
  for (const marker of markers) {
    const [mx, my] = planeToPixel(rect, window, marker.x, marker.y);
    const distance = Math.hypot(mx - px, my - py);
    if (distance <= bestDistance) {
      best = marker;
      bestDistance = distance;
    }
  }
  return best;
}

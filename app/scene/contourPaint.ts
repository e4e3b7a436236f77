/**
 * Drawing the 2-D contour view's own layers on a canvas: iso-lines, paths
 * and markers (the heat map and the axes are plotCanvas.ts's, shared with the
 * data view). Every function takes CSS pixel coordinates; the caller sets
 * the device-pixel transform.
 */
import { planeToPixel, type PlotRect } from './contourLayout';
import { DIVERGED_COLOR, MARKER_COLORS } from './markerStyle';
import { drawablePointCount } from './pathFill';
import type { HeightField, MarkerView, PathView, PlaneWindow } from './types';

/** Iso-line segments of one level, in fractional grid coordinates, with the level's normalised value. */
export interface IsoLineSet {
  unit: number;
  segments: Float32Array;
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

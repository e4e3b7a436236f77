/**
 * Placement of the plane window on the 2-D contour canvas: one scale for both
 * axes (so a circle stays a circle and gradients stay perpendicular to the
 * iso-lines), centred in the space the margins leave.
 */
import type { AxisStyle } from './plotCanvas';
import type { PlaneWindow } from './types';

/** Number of iso-lines of a contour map, evenly spaced on the height scale (the page's view and the exported figure). */
export const ISO_LINE_COUNT = 15;

/** Space kept free around the plot, in CSS pixels: axes labels left and below, the legend right. */
export interface PlotMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plot area in CSS pixels from the canvas's top-left corner. */
export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Margins of the contour view: tick labels on the left and bottom, the legend overlay on the right. */
export const CONTOUR_MARGINS: PlotMargins = { left: 60, right: 104, top: 16, bottom: 44 };

/** Axes of the contour view: 11 px labels, about one tick per 90 px across and 70 px up. */
export const CONTOUR_AXES: AxisStyle = { fontPx: 11, pixelsPerTickX: 90, pixelsPerTickY: 70, minTicks: 2, yNameOffset: 44 };

/**
 * The largest rectangle with the window's aspect ratio that fits the canvas
 * minus the margins, centred there: pixels per unit
 * s = min(W_free/(xMax − xMin), H_free/(yMax − yMin)).
 */
export function fitPlotRect(window: PlaneWindow, canvasWidth: number, canvasHeight: number, margins: PlotMargins): PlotRect {
  const freeWidth = Math.max(1, canvasWidth - margins.left - margins.right);
  const freeHeight = Math.max(1, canvasHeight - margins.top - margins.bottom);
  const spanX = window.xMax - window.xMin;
  const spanY = window.yMax - window.yMin;
  const pixelsPerUnit = Math.min(freeWidth / spanX, freeHeight / spanY);
  const width = spanX * pixelsPerUnit;
  const height = spanY * pixelsPerUnit;
  return {
    left: margins.left + (freeWidth - width) / 2,
    top: margins.top + (freeHeight - height) / 2,
    width,
    height,
  };
}

/** Canvas pixel of plane point (x, y): px = left + (x − xMin)/(xMax − xMin)·width, py = top + (yMax − y)/(yMax − yMin)·height (y grows upward). */
export function planeToPixel(rect: PlotRect, window: PlaneWindow, x: number, y: number): [number, number] {
  return [
    rect.left + ((x - window.xMin) / (window.xMax - window.xMin)) * rect.width,
    rect.top + ((window.yMax - y) / (window.yMax - window.yMin)) * rect.height,
  ];
}

/** Plane point of canvas pixel (px, py); the inverse of {@link planeToPixel}. */
export function pixelToPlane(rect: PlotRect, window: PlaneWindow, px: number, py: number): [number, number] {
  return [
    window.xMin + ((px - rect.left) / rect.width) * (window.xMax - window.xMin),
    window.yMax - ((py - rect.top) / rect.height) * (window.yMax - window.yMin),
  ];
}

/** Whether a canvas pixel lies inside the plot area (edges included). */
export function isInsidePlot(rect: PlotRect, px: number, py: number): boolean {
  return px >= rect.left && px <= rect.left + rect.width && py >= rect.top && py <= rect.top + rect.height;
}

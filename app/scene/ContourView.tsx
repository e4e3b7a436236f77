/**
 * The 2-D picture: a heat map of the field with iso-lines, the paths, the
 * markers and axes in plane units, drawn on one canvas. Hovering shows
 * (x, y, loss) under the pointer; clicking (not dragging) picks a point.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactElement } from 'react';
import { formatCoordinate, formatLoss, READOUT_DIGITS } from '../ui/format';
import { createColormapLut } from './colormap';
import { CONTOUR_AXES, CONTOUR_MARGINS, ISO_LINE_COUNT, fitPlotRect, isInsidePlot, pixelToPlane } from './contourLayout';
import { markerNearPixel, paintIsoLines, paintMarkers, paintPaths, type IsoLineSet } from './contourPaint';
import { fillHeatmapPixels, scaledField } from './fieldImage';
import type { HeightMapping } from './heightScale';
import { evenLevels, isoSegments } from './marchingSquares';
import { paintAxes, paintFieldImage, pixelsToCanvas } from './plotCanvas';
import { isClickTravel } from './pointerClick';
import { sampleField } from './sampleField';
import type { ColormapName, HeightField, MarkerView, PathView } from './types';

/** Props of {@link ContourView}. */
export interface ContourViewProps {
  field: HeightField | null;
  mapping: HeightMapping | null;
  colormap: ColormapName;
  paths: readonly PathView[];
  markers: readonly MarkerView[];
  axisLabels: readonly [string, string];
  onPick?: (x: number, y: number) => void;
  /** The marker under the pointer (CSS px from the view's top-left) or null. */
  onMarkerHover: (marker: MarkerView | null, left?: number, top?: number) => void;
  /** Called after the canvas was painted with field `version`. */
  onPainted?: (version: number) => void;
}

/** One RGBA pixel per grid node, coloured by the map: the heat map before stretching. */
function heatmapPixels(field: HeightField, mapping: HeightMapping, colormap: ColormapName): Uint8ClampedArray {
  return fillHeatmapPixels(field.values, field.nx, field.ny, mapping, createColormapLut(colormap));
}

/** Iso-lines at ISO_LINE_COUNT levels evenly spaced in (0, 1) on the scaled field. */
function traceIsoLines(field: HeightField, mapping: HeightMapping): IsoLineSet[] {
  const scaled = scaledField(field.values, mapping);
  return evenLevels(0, 1, ISO_LINE_COUNT).map((unit) => ({ unit, segments: isoSegments(scaled, field.nx, field.ny, unit) }));
}

/** A signature of everything drawn from the paths, so the canvas repaints when any of it changes. */
function pathsSignature(paths: readonly PathView[]): string {
  return paths.map((path) => `${path.id}:${path.version}:${path.length}:${path.status}:${path.color}`).join('|');
}

/** The contour canvas with its hover read-out; fills its positioned parent. */
export function ContourView(props: ContourViewProps): ReactElement {
  const { field, mapping, colormap, paths, markers, axisLabels, onPick, onMarkerHover, onPainted } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readoutRef = useRef<HTMLDivElement>(null);
  const pressRef = useRef<{ x: number; y: number } | null>(null);
  const hoveredRef = useRef<MarkerView | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  const version = field?.version;
  // Pixels are computed during render (pure); the canvas holding them is made in the effect (it needs the DOM).
  const pixels = useMemo(() => (field && mapping ? heatmapPixels(field, mapping, colormap) : null), [field, version, mapping, colormap]);
  const heatmapRef = useRef<{ pixels: Uint8ClampedArray; canvas: HTMLCanvasElement } | null>(null);
  const isoLines = useMemo(() => (field && mapping ? traceIsoLines(field, mapping) : []), [field, version, mapping]);
  const rect = useMemo(
    () => (field ? fitPlotRect(field.window, size.width, size.height, CONTOUR_MARGINS) : null),
    [field, field?.window.xMin, field?.window.xMax, field?.window.yMin, field?.window.yMax, size.width, size.height],
  );
  const signature = pathsSignature(paths);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || size.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * ratio);
    canvas.height = Math.round(size.height * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.width, size.height);
    if (!field || !rect || !pixels) return;
    if (heatmapRef.current?.pixels !== pixels) {
      heatmapRef.current = { pixels, canvas: pixelsToCanvas(pixels, field.nx, field.ny, heatmapRef.current?.canvas) };
    }
    paintFieldImage(context, heatmapRef.current.canvas, field, rect);
    paintIsoLines(context, isoLines, field, rect);
    paintAxes(context, field.window, rect, axisLabels, CONTOUR_AXES);
    paintPaths(context, paths, field.window, rect);
    paintMarkers(context, markers, field.window, rect);
    onPainted?.(field.version);
  }, [size, field, rect, pixels, isoLines, signature, paths, markers, axisLabels[0], axisLabels[1], onPainted]);

  /** Pointer position in CSS pixels relative to the canvas. */
  const localPoint = (event: ReactPointerEvent<HTMLCanvasElement>): [number, number] => {
    const bounds = event.currentTarget.getBoundingClientRect();
    return [event.clientX - bounds.left, event.clientY - bounds.top];
  };

  const setHovered = (marker: MarkerView | null, left?: number, top?: number): void => {
    if (marker === hoveredRef.current) return;
    hoveredRef.current = marker;
    onMarkerHover(marker, left, top);
  };

  const handleMove = (event: ReactPointerEvent<HTMLCanvasElement>): void => {
    const readout = readoutRef.current;
    if (!field || !rect || !readout) return;
    const [px, py] = localPoint(event);
    if (!isInsidePlot(rect, px, py)) {
      readout.style.visibility = 'hidden';
      setHovered(null);
      return;
    }
    const [x, y] = pixelToPlane(rect, field.window, px, py);
    readout.textContent = `x = ${formatCoordinate(x)}   y = ${formatCoordinate(y)}   loss = ${formatLoss(sampleField(field, x, y), READOUT_DIGITS)}`;
    readout.style.visibility = 'visible';
    setHovered(markerNearPixel(markers, field.window, rect, px, py), px, py);
  };

  const handleLeave = (): void => {
    if (readoutRef.current) readoutRef.current.style.visibility = 'hidden';
    setHovered(null);
  };

  const handleDown = (event: ReactPointerEvent<HTMLCanvasElement>): void => {
    const [px, py] = localPoint(event);
    pressRef.current = { x: px, y: py };
  };

  const handleUp = (event: ReactPointerEvent<HTMLCanvasElement>): void => {
    const press = pressRef.current;
    pressRef.current = null;
    if (!press || !field || !rect || !onPick || event.button !== 0) return;
    const [px, py] = localPoint(event);
    if (!isClickTravel(px - press.x, py - press.y) || !isInsidePlot(rect, px, py)) return;
    const [x, y] = pixelToPlane(rect, field.window, px, py);
    onPick(x, y);
  };

  return (
    <>
      <canvas
        ref={canvasRef}
        data-testid="contour-canvas"
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', cursor: 'crosshair', touchAction: 'none' }}
        onPointerMove={handleMove}
        onPointerLeave={handleLeave}
        onPointerDown={handleDown}
        onPointerUp={handleUp}
      />
      <div
        ref={readoutRef}
        data-testid="hover-readout"
        style={{
          position: 'absolute',
          left: (rect?.left ?? 0) + 6,
          top: (rect?.top ?? 0) + 6,
          padding: '3px 6px',
          background: 'rgba(16, 20, 26, 0.75)',
          color: '#e8ecf1',
          font: '12px ui-monospace, monospace',
          borderRadius: 3,
          pointerEvents: 'none',
          whiteSpace: 'pre',
          visibility: 'hidden',
        }}
      />
    </>
  );
}

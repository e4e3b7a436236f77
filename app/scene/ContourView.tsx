/**
 * The 2-D picture: a heat map of the field with iso-lines, the paths, the
 * markers and axes in plane units. Hovering shows (x, y, loss) under the
 * pointer; clicking (not dragging) picks a point.
 *
 * Two canvases, one over the other: the field (heat map, iso-lines, axes),
 * painted only when the field, its scale or the size change, and the runs
 * (paths and markers), painted at most once per display frame as they grow.
 * Stroking thousands of iso-line segments is costly where canvases are
 * rasterised in software (seconds per paint, holding up the page); the
 * paths over them are cheap. A canvas is resized only when the view is.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactElement } from 'react';
import { formatCoordinate, formatLoss, READOUT_DIGITS } from '../ui/format';
import { createColormapLut } from './colormap';
import { CONTOUR_AXES, CONTOUR_MARGINS, ISO_LINE_COUNT, fitPlotRect, isInsidePlot, pixelToPlane } from './contourLayout';
import { markerNearPixel, paintIsoLines, paintMarkers, paintPaths, type IsoLineSet } from './contourPaint';
import { fillHeatmapPixels, scaledField } from './fieldImage';
import type { HeightMapping } from './heightScale';
import { evenLevels, isoSegments } from './marchingSquares';
import { paintAxes, paintFieldImage, pixelsToCanvas, prepareCanvas } from './plotCanvas';
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

/** The contour canvases with their hover read-out; fills its positioned parent. */
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
  const fieldCanvasRef = useRef<HTMLCanvasElement>(null);

  // The field layer: only when the field, its scale, the plot or the size change.
  useLayoutEffect(() => {
    const canvas = fieldCanvasRef.current;
    const context = canvas && prepareCanvas(canvas, size);
    if (!context || !field || !rect || !pixels) return;
    if (heatmapRef.current?.pixels !== pixels) {
      heatmapRef.current = { pixels, canvas: pixelsToCanvas(pixels, field.nx, field.ny, heatmapRef.current?.canvas) };
    }
    paintFieldImage(context, heatmapRef.current.canvas, field, rect);
    paintIsoLines(context, isoLines, field, rect);
    paintAxes(context, field.window, rect, axisLabels, CONTOUR_AXES);
    onPainted?.(field.version);
  }, [size, field, rect, pixels, isoLines, axisLabels[0], axisLabels[1], onPainted]);

  // The runs' layer: the newest paths and markers, at most once per display frame.
  const runsRef = useRef({ paths, markers, field, rect, size });
  runsRef.current = { paths, markers, field, rect, size };
  const frameRef = useRef<number | null>(null);
  const paintRuns = useCallback(() => {
    frameRef.current = null;
    const canvas = canvasRef.current;
    const { paths: shown, markers: marked, field: current, rect: plot, size: box } = runsRef.current;
    const context = canvas && prepareCanvas(canvas, box);
    if (!context || !current || !plot) return;
    paintPaths(context, shown, current.window, plot);
    paintMarkers(context, marked, current.window, plot);
  }, []);
  useLayoutEffect(() => {
    // A new size or plot is painted at once (with the field layer); growing paths wait for the next frame.
    paintRuns();
  }, [size, rect, field, paintRuns]);
  useEffect(() => {
    frameRef.current ??= requestAnimationFrame(paintRuns);
  }, [signature, paths, markers, paintRuns]);
  useEffect(
    () => () => {
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
      frameRef.current = null;
    },
    [],
  );

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
      <canvas ref={fieldCanvasRef} data-testid="contour-field" aria-hidden="true" style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }} />
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

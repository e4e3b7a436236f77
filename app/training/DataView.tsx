/**
 * The data view, after TensorFlow Playground: a square canvas with the
 * network's prediction over the input plane as background (or as a curve
 * for 1-D inputs), the training points as discs and the test points as
 * rings, axes, a legend and a caption. It repaints only when the prediction's
 * version, the data or the size change.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { colormapGradientCss, colormapCss } from '../scene/colormap';
import { fitPlotRect } from '../scene/contourLayout';
import { paintAxes, paintFieldImage, pixelsToCanvas } from '../scene/plotCanvas';
import { classColor, CLASS_COLORS, NEUTRAL_RGB } from './classColors';
import { curveWindow, DATA_AXES, DATA_MARGINS, innerRect, inputWindow } from './dataLayout';
import { classEntries, describeDataView, fieldMeaning } from './dataLegend';
import { paintPoints, paintPredictionCurve } from './dataPaint';
import { formatSignificant } from '../ui/format';
import { fillPredictionPixels, REGRESSION_COLORMAP, regressionRange, unitInRange } from './predictionImage';
import type { DataPoints, DataViewProps, PredictionField } from '../plots/types';
import '../plots/plots.css';

/** Colour of the points of a 1-D regression (the curve is drawn in white). */
const CURVE_POINT_COLOR = CLASS_COLORS[1];

/** Paints everything for one state of the props onto `canvas` (CSS size `size`). */
function paintDataView(
  canvas: HTMLCanvasElement,
  size: number,
  train: DataPoints | null,
  test: DataPoints | null,
  prediction: PredictionField | null,
  imageCache: { current: HTMLCanvasElement | null },
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(size * ratio);
  canvas.height = Math.round(size * ratio);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size, size);

  const first = train ?? test;
  const task = first?.task ?? 'regression';
  const classCount = first?.classCount ?? 2;
  const oneDimensional = (first?.inputDim ?? (prediction && prediction.ny === 1 ? 1 : 2)) === 1;
  const view = oneDimensional ? curveWindow(train, test, prediction) : inputWindow(train, test, prediction);
  const rect = oneDimensional ? innerRect(size, size, DATA_MARGINS) : fitPlotRect(view, size, size, DATA_MARGINS);

  ctx.fillStyle = `rgb(${NEUTRAL_RGB.join(' ')})`;
  ctx.fillRect(rect.left, rect.top, rect.width, rect.height);
  const range = regressionRange(prediction, train, test);
  if (prediction && !oneDimensional) {
    const pixels = fillPredictionPixels(prediction, { task, classCount, range });
    imageCache.current = pixelsToCanvas(pixels, prediction.nx, prediction.ny, imageCache.current);
    paintFieldImage(ctx, imageCache.current, prediction, rect);
  }
  paintAxes(ctx, view, rect, oneDimensional ? ['x', 'y'] : ['x₁', 'x₂'], DATA_AXES);
  if (prediction && oneDimensional) paintPredictionCurve(ctx, prediction, task, view, rect);

  for (const [set, role] of [[test, 'test'], [train, 'train']] as const) {
    if (!set) continue;
    const colorOf =
      task !== 'regression'
        ? (i: number) => classColor(set.y[i])
        : oneDimensional
          ? () => CURVE_POINT_COLOR
          : (i: number) => colormapCss(REGRESSION_COLORMAP, unitInRange(set.y[i], range));
    paintPoints(ctx, set, role, colorOf, view, rect);
  }
}

/** The data view; its width follows its container and its height equals its width. */
export function DataView({ train, test, prediction, caption, classNames }: DataViewProps): ReactElement {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const imageCache = useRef<HTMLCanvasElement | null>(null);
  const [size, setSize] = useState(0);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    setSize(box.clientWidth);
    const observer = new ResizeObserver(() => setSize(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // Everything is read through its arrays (shared with the store, never copied) and counts, and the
  // prediction through its version, so new wrapper objects with the same content do not repaint.
  const windowKey = prediction ? JSON.stringify(prediction.window) : '';
  const dataKey = [train, test].map((set) => (set ? `${set.n}:${set.inputDim}:${set.task}:${set.classCount}` : '-')).join('|');
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas && size > 0) paintDataView(canvas, size, train, test, prediction, imageCache);
  }, [size, train?.x, train?.y, test?.x, test?.y, dataKey, prediction?.version, prediction?.values, prediction?.confidence, windowKey]);

  const first = train ?? test;
  const task = first?.task ?? 'regression';
  const inputDim = first?.inputDim ?? 2;
  const classes = classEntries(first, classNames);
  const range = useMemo(
    () => regressionRange(prediction, train, test),
    // As for the paint effect.
    [prediction?.version, prediction?.values, train?.y, test?.y, dataKey],
  );

  return (
    <figure className="data-view" data-testid="data-view" data-version={prediction?.version ?? -1}>
      <div className="data-view-box" ref={boxRef}>
        <canvas ref={canvasRef} role="img" aria-label={describeDataView(train, test, prediction)} style={{ width: size, height: size }} />
      </div>
      <div className="data-legend" aria-label="legend">
        {classes.map((entry) => (
          <span key={entry.name} className="legend-item">
            <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
            {entry.name}
          </span>
        ))}
        <span className="legend-item">
          <span className="marker-disc" aria-hidden="true" />
          train
        </span>
        <span className="legend-item">
          <span className="marker-ring" aria-hidden="true" />
          test
        </span>
        {task === 'regression' && inputDim === 2 && (
          <span className="legend-item colorbar">
            <span>{formatSignificant(range.min, 3)}</span>
            <span className="colorbar-ramp" style={{ background: colormapGradientCss(REGRESSION_COLORMAP, 'to right') }} aria-hidden="true" />
            <span>{formatSignificant(range.max, 3)}</span>
          </span>
        )}
        {first && <span className="legend-note">{fieldMeaning(task, inputDim)}</span>}
      </div>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}

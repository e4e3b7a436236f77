/**
 * The data view, after TensorFlow Playground: a square canvas with the
 * network's prediction over the input plane as background (or as a curve
 * for 1-D inputs), the training points as discs and the test points as
 * rings, axes, a legend and a caption. Two canvases, one over the other:
 * the prediction below, repainted at most once per display frame as the
 * runs train, and the axes and points above, repainted only when the data,
 * the size or the plot's window change (hundreds of stroked discs are
 * costly where canvases are rasterised in software, and did not change).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type ReactElement } from 'react';
import { useElementWidth } from '../ui/useElementWidth';
import { colormapGradientCss, colormapCss } from '../scene/colormap';
import { fitPlotRect, type PlotRect } from '../scene/contourLayout';
import { paintAxes, paintFieldImage, pixelsToCanvas, prepareCanvas } from '../scene/plotCanvas';
import type { PlaneWindow } from '../scene/types';
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

/** What both layers are drawn in: the plot's window and rectangle, and the task. */
interface DataFrame {
  task: DataPoints['task'];
  classCount: number;
  oneDimensional: boolean;
  view: PlaneWindow;
  rect: PlotRect;
}

function dataFrame(size: number, train: DataPoints | null, test: DataPoints | null, prediction: PredictionField | null): DataFrame {
  const first = train ?? test;
  const oneDimensional = (first?.inputDim ?? (prediction && prediction.ny === 1 ? 1 : 2)) === 1;
  const view = oneDimensional ? curveWindow(train, test, prediction) : inputWindow(train, test, prediction);
  const rect = oneDimensional ? innerRect(size, size, DATA_MARGINS) : fitPlotRect(view, size, size, DATA_MARGINS);
  return { task: first?.task ?? 'regression', classCount: first?.classCount ?? 2, oneDimensional, view, rect };
}

/** The lower layer: the plot's neutral ground and the prediction (image over the input plane, or 1-D curve). */
function paintPredictionLayer(
  canvas: HTMLCanvasElement,
  size: number,
  frame: DataFrame,
  prediction: PredictionField | null,
  range: { min: number; max: number },
  imageCache: { current: HTMLCanvasElement | null },
): void {
  const ctx = prepareCanvas(canvas, { width: size, height: size });
  if (!ctx) return;
  const { task, classCount, oneDimensional, view, rect } = frame;
  ctx.fillStyle = `rgb(${NEUTRAL_RGB.join(' ')})`;
  ctx.fillRect(rect.left, rect.top, rect.width, rect.height);
  if (prediction && !oneDimensional) {
    const pixels = fillPredictionPixels(prediction, { task, classCount, range });
    imageCache.current = pixelsToCanvas(pixels, prediction.nx, prediction.ny, imageCache.current);
    paintFieldImage(ctx, imageCache.current, prediction, rect);
  }
  if (prediction && oneDimensional) paintPredictionCurve(ctx, prediction, task, view, rect);
}

/** The upper layer: the axes and the points (test rings under training discs). */
function paintPointsLayer(
  canvas: HTMLCanvasElement,
  size: number,
  frame: DataFrame,
  train: DataPoints | null,
  test: DataPoints | null,
  range: { min: number; max: number },
): void {
  const ctx = prepareCanvas(canvas, { width: size, height: size });
  if (!ctx) return;
  const { task, oneDimensional, view, rect } = frame;
  paintAxes(ctx, view, rect, oneDimensional ? ['x', 'y'] : ['x₁', 'x₂'], DATA_AXES);
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
  const [boxRef, size] = useElementWidth<HTMLDivElement>();
  const predictionCanvasRef = useRef<HTMLCanvasElement>(null);
  const pointsCanvasRef = useRef<HTMLCanvasElement>(null);
  const imageCache = useRef<HTMLCanvasElement | null>(null);

  // Everything is read through its arrays (shared with the store, never copied) and counts, and the
  // prediction through its version, so new wrapper objects with the same content do not repaint.
  const dataKey = [train, test].map((set) => (set ? `${set.n}:${set.inputDim}:${set.task}:${set.classCount}` : '-')).join('|');
  const range = useMemo(
    () => regressionRange(prediction, train, test),
    [prediction?.version, prediction?.values, train?.y, test?.y, dataKey],
  );
  const frame = useMemo(
    () => dataFrame(size, train, test, prediction),
    [size, train?.x, train?.y, test?.x, test?.y, dataKey, prediction?.version, prediction?.values, prediction?.confidence],
  );
  // The points repaint only when the data, the size or the plot's window change; the prediction
  // (new with every update of the runs) at most once per display frame, on its own layer.
  const frameKey = `${JSON.stringify(frame.view)}:${JSON.stringify(frame.rect)}`;
  const rangeKey = frame.task === 'regression' ? `${range.min}:${range.max}` : '';
  useLayoutEffect(() => {
    const canvas = pointsCanvasRef.current;
    if (canvas && size > 0) paintPointsLayer(canvas, size, frame, train, test, range);
  }, [size, train?.x, train?.y, test?.x, test?.y, dataKey, frameKey, rangeKey]);

  const latestRef = useRef({ size, frame, prediction, range });
  latestRef.current = { size, frame, prediction, range };
  const paintFrameRef = useRef<number | null>(null);
  const paintPrediction = useCallback(() => {
    paintFrameRef.current = null;
    const canvas = predictionCanvasRef.current;
    const latest = latestRef.current;
    if (canvas && latest.size > 0) paintPredictionLayer(canvas, latest.size, latest.frame, latest.prediction, latest.range, imageCache);
  }, []);
  // A new size or window is painted at once, with the points; a new prediction waits for the next frame.
  useLayoutEffect(paintPrediction, [size, frameKey, paintPrediction]);
  useEffect(() => {
    paintFrameRef.current ??= requestAnimationFrame(paintPrediction);
  }, [prediction?.version, prediction?.values, prediction?.confidence, rangeKey, paintPrediction]);
  useEffect(
    () => () => {
      if (paintFrameRef.current !== null) cancelAnimationFrame(paintFrameRef.current);
      paintFrameRef.current = null;
    },
    [],
  );

  const first = train ?? test;
  const task = first?.task ?? 'regression';
  const inputDim = first?.inputDim ?? 2;
  const classes = classEntries(first, classNames);

  return (
    <figure className="data-view" data-testid="data-view" data-version={prediction?.version ?? -1}>
      <div className="data-view-box" ref={boxRef}>
        <canvas ref={predictionCanvasRef} data-testid="data-view-prediction" aria-hidden="true" style={{ width: size, height: size }} />
        <canvas
          ref={pointsCanvasRef}
          data-testid="data-view-points"
          role="img"
          aria-label={describeDataView(train, test, prediction)}
          style={{ position: 'absolute', left: 0, top: 0, width: size, height: size }}
        />
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

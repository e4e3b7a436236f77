/**
 * The parts every uPlot chart of the app is built from, so the charts look
 * and behave alike: one axis style (light text, faint grid on the dark
 * panel), step and value axes whose labels come from app/ui/format.ts and
 * whose width fits the widest label, line series without point markers that
 * break at gaps, and a frame without uPlot's legend or drag-zoom.
 */
import type uPlot from 'uplot';
import { formatPercent, tickLabels } from '../ui/format';

/** Axis style shared by the charts: light text and faint grid lines on the dark panel. */
export const AXIS_STYLE = {
  stroke: '#c9d1d9',
  font: '13px system-ui, sans-serif',
  labelFont: '13px system-ui, sans-serif',
  grid: { stroke: 'rgba(255, 255, 255, 0.08)', width: 1 },
  ticks: { stroke: 'rgba(255, 255, 255, 0.08)', width: 1 },
} satisfies uPlot.Axis;

/** Step increments for a step axis: whole steps only. */
export const STEP_INCREMENTS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];

/** Height of a horizontal axis (ticks and one line of labels) in CSS pixels. */
const X_AXIS_SIZE = 30;

/** Narrowest vertical axis in CSS pixels: short labels keep the width the charts always had. */
const MIN_Y_AXIS_SIZE = 56;

/** uPlot's axis after initialisation: the font is resolved to [canvas font, size, CSS size], and `_size` holds the last size. */
interface ResolvedAxis {
  font: [string, number, number];
  ticks: { size: number };
  gap: number;
  _size: number;
}

/**
 * A vertical axis's width: tick length + gap + the widest label as the
 * canvas measures it, at least `minimum`. uPlot asks again after each
 * layout pass; from the third pass on the size is kept, so layout settles.
 */
function fitLabels(minimum: number): uPlot.Axis.Size {
  return (chart, values, axisIndex, cycle) => {
    const axis = chart.axes[axisIndex] as unknown as ResolvedAxis;
    if (cycle > 1) return axis._size;
    let widest = 0;
    if (values) {
      chart.ctx.font = axis.font[0];
      for (const value of values) widest = Math.max(widest, chart.ctx.measureText(value).width);
    }
    const pixelRatio = globalThis.devicePixelRatio || 1;
    return Math.max(minimum, Math.ceil(axis.ticks.size + axis.gap + widest / pixelRatio + 4));
  };
}

/** Tick labels by {@link tickLabels}: neighbours never read the same, and ticks a log axis leaves out stay blank. */
const valueLabels: uPlot.Axis.DynamicValues = (_chart, ticks) => tickLabels(ticks);

/** The x axis of a chart against training step: whole-step increments. */
export function stepAxis(): uPlot.Axis {
  return { ...AXIS_STYLE, incrs: STEP_INCREMENTS, size: X_AXIS_SIZE };
}

/**
 * A value axis: labels by {@link tickLabels}; vertical axes (the default
 * left one, or `side: 1` on the right) are as wide as their widest label.
 * `extra` adds or overrides options (scale, label, side, grid).
 */
export function valueAxis(extra: uPlot.Axis = {}): uPlot.Axis {
  const horizontal = extra.side === 0 || extra.side === 2;
  return { ...AXIS_STYLE, values: valueLabels, size: horizontal ? X_AXIS_SIZE : fitLabels(MIN_Y_AXIS_SIZE), ...extra };
}

/** An axis of fractions on [0, 1] labelled in whole percent. */
export function percentAxis(extra: uPlot.Axis = {}): uPlot.Axis {
  return valueAxis({ values: (_chart, ticks) => ticks.map((tick) => formatPercent(Math.round(100 * tick) / 100)), ...extra });
}

/** A y scale: logarithmic (base 10) or linear. */
export function yScale(log: boolean): uPlot.Scale {
  return log ? { distr: 3, log: 10 } : { distr: 1 };
}

/** How one line is drawn. */
export interface LineLook {
  label: string;
  stroke: string;
  width?: number;
  dash?: readonly number[];
  alpha?: number;
  /** The scale it is drawn against ('y' when absent). */
  scale?: string;
}

/** A line series without point markers that breaks at gaps (null values). */
export function lineSeries({ label, stroke, width = 2, dash, alpha, scale }: LineLook): uPlot.Series {
  return {
    label,
    stroke,
    width,
    dash: dash ? [...dash] : undefined,
    ...(alpha === undefined ? {} : { alpha }),
    ...(scale === undefined ? {} : { scale }),
    points: { show: false },
    spanGaps: false,
  };
}

/** What a chart adds to the common frame: its scales, axes, series and hooks. */
export type ChartParts = Pick<uPlot.Options, 'scales' | 'axes' | 'series' | 'hooks'>;

/**
 * A chart's options: `parts` in the common frame (x never a time axis, no
 * legend, since the views name their series beside the plot, and no drag
 * to zoom, since a drag would fight the panels' scrolling).
 */
export function chartOptions(width: number, height: number, parts: ChartParts): uPlot.Options {
  return {
    width,
    height,
    ...parts,
    scales: { x: { time: false }, ...parts.scales },
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
  };
}

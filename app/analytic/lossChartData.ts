/**
 * The loss-versus-step chart's data, built from the paths without copying
 * their losses where it can: uPlot reads views (subarrays) of the paths' own
 * buffers, and only a path with a value the axis cannot place (NaN, ±∞, or
 * on a log axis a loss outside its range) gets a column of its own with
 * gaps there.
 */
import type uPlot from 'uplot';
import { chartValue, chooseYAxis, emptyExtent, includeValue, type ValueExtent } from '../plots/axisScale';
import type { ChartColumn } from '../plots/seriesData';
import type { PathView } from '../scene/types';

/** The chart's x values 0, 1, 2, … (grown when a longer run appears; shared by every update). */
let stepNumbers = new Float64Array(0);

function stepsUpTo(count: number): Float64Array {
  if (stepNumbers.length < count) {
    stepNumbers = new Float64Array(Math.max(count, 2 * stepNumbers.length));
    for (let i = 0; i < stepNumbers.length; i++) stepNumbers[i] = i;
  }
  return stepNumbers.subarray(0, count);
}

/** What the chart draws: aligned data, and whether the y axis is logarithmic. */
export interface LossChartData {
  data: uPlot.AlignedData;
  /** Smallest finite loss shown (Infinity when there is none). */
  minLoss: number;
  /** True when a log axis was asked for and can show every loss. */
  logY: boolean;
  /** Why the axis is linear although a log axis was asked for (shown beside the chart), or null. */
  note: string | null;
}

/** The path's losses as a chart column: its own buffer when the axis can place every one, else a copy with gaps. */
function lossColumn(losses: Float64Array, log: boolean): Float64Array | ChartColumn {
  for (let i = 0; i < losses.length; i++) {
    if (chartValue(losses[i], log) === null) return Array.from(losses, (loss) => chartValue(loss, log));
  }
  return losses;
}

/**
 * x = step numbers 0 … (longest path − 1); one series per path, the loss at
 * each of its points (a shorter path, e.g. one that diverged, simply ends).
 * The y axis is logarithmic when `wantLog` and every finite loss fits a log
 * axis ({@link chooseYAxis}); with a loss ≤ 0 (the saddles), one that reached
 * exactly 0, or one too small for a log axis, it is linear and `note` says why.
 */
export function lossChartData(paths: readonly PathView[], wantLog: boolean): LossChartData {
  const longest = paths.reduce((most, path) => Math.max(most, path.length), 0);
  const extent: ValueExtent = emptyExtent();
  for (const path of paths) {
    for (let i = 0; i < path.length; i++) includeValue(extent, path.losses[i]);
  }
  const axis = chooseYAxis(wantLog, extent);
  const series = paths.map((path) => lossColumn(path.losses.subarray(0, path.length), axis.log));
  return {
    data: [stepsUpTo(longest), ...series] as unknown as uPlot.AlignedData,
    minLoss: extent.min,
    logY: axis.log,
    note: axis.note,
  };
}

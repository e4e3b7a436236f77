/**
 * The loss-versus-step chart's data, built from the paths without copying
 * their losses: uPlot reads views (subarrays) of the paths' own buffers.
 */
import type uPlot from 'uplot';
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

/** What the chart draws: aligned data, and whether the y axis can be logarithmic. */
export interface LossChartData {
  data: uPlot.AlignedData;
  /** Smallest loss shown (Infinity when there is none). */
  minLoss: number;
  /** True when a log axis was asked for and every loss is positive. */
  logY: boolean;
}

/**
 * x = step numbers 0 … (longest path − 1); one series per path, the loss at
 * each of its points (a shorter path, e.g. one that diverged, simply ends).
 * A log axis needs positive losses: with any loss ≤ 0 (the saddles), `logY` is false.
 */
export function lossChartData(paths: readonly PathView[], wantLog: boolean): LossChartData {
  const longest = paths.reduce((most, path) => Math.max(most, path.length), 0);
  let minLoss = Infinity;
  for (const path of paths) {
    for (let i = 0; i < path.length; i++) if (path.losses[i] < minLoss) minLoss = path.losses[i];
  }
  const series = paths.map((path) => path.losses.subarray(0, path.length));
  return {
    data: [stepsUpTo(longest), ...series] as unknown as uPlot.AlignedData,
    minLoss,
    logY: wantLog && minLoss > 0,
  };
}

/**
 * A short axis label for `value`: up to 3 significant digits, and powers of
 * ten as "1e+6" / "1e-4" outside [0.01, 10 000), so labels stay narrow
 * whatever the range of the losses.
 */
export function formatTick(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 || magnitude < 1e-2) {
    const text = value.toExponential(2);
    // Drop trailing zeros of the mantissa: 1.00e+6 → 1e+6, 2.50e-3 → 2.5e-3.
    return text.replace(/\.?0+e/, 'e');
  }
  return String(Number(value.toPrecision(3)));
}

/** Step increments for the x axis: whole steps only. */
export const STEP_INCREMENTS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];

/**
 * Which y axis a chart can draw, and where each value goes on it. A log
 * axis places v at log10 v, so it needs every value positive; uPlot's log
 * axis also needs them inside the magnitudes its tick steps cover: with a
 * value near 1e-23 or below it throws "Invalid array length" after freezing
 * the page for seconds. So a chart falls back to a linear axis, and says
 * why, whenever a log axis could not show every value, and any value an
 * axis cannot place (NaN, ±∞, and on a log axis what lies outside
 * [LOG_AXIS_MIN, LOG_AXIS_MAX]) becomes a gap (null) instead of reaching uPlot.
 */
import { formatTick } from '../ui/format';

/** Smallest value a log axis draws: two decades of margin above where uPlot's log ticks break. */
export const LOG_AXIS_MIN = 1e-20;

/** Largest value a log axis draws (uPlot's tick steps end at 5e31; beyond 1e20 a loss has diverged anyway). */
export const LOG_AXIS_MAX = 1e20;

/** The smallest and largest finite value of some data; min = +∞ and max = −∞ when there is none. */
export interface ValueExtent {
  min: number;
  max: number;
}

/** An extent holding no value yet, to be widened by {@link includeValue}. */
export function emptyExtent(): ValueExtent {
  return { min: Infinity, max: -Infinity };
}

/** Widens `extent` (in place) to include `value` when it is finite. */
export function includeValue(extent: ValueExtent, value: number): void {
  if (!Number.isFinite(value)) return;
  if (value < extent.min) extent.min = value;
  if (value > extent.max) extent.max = value;
}

/** Whether v lies where a log axis can draw it: LOG_AXIS_MIN ≤ v ≤ LOG_AXIS_MAX. */
export function fitsLogAxis(value: number): boolean {
  return value >= LOG_AXIS_MIN && value <= LOG_AXIS_MAX;
}

/** A value as the chart receives it: itself where the axis can place it, otherwise null (a gap). */
export function chartValue(value: number, log: boolean): number | null {
  return Number.isFinite(value) && (!log || fitsLogAxis(value)) ? value : null;
}

/** The y axis a chart draws and, when a log axis was asked for but cannot be drawn, why (for the caption). */
export interface YAxisChoice {
  log: boolean;
  note: string | null;
}

/**
 * A log axis when one is wanted and every finite value fits it
 * ({@link fitsLogAxis}; no finite value at all fits too), otherwise a linear
 * one. The note names the first reason: a value ≤ 0, one below
 * LOG_AXIS_MIN, or one above LOG_AXIS_MAX.
 */
export function chooseYAxis(wantLog: boolean, extent: ValueExtent, quantity = 'losses'): YAxisChoice {
  if (!wantLog) return { log: false, note: null };
  if (!(extent.min <= extent.max)) return { log: true, note: null };
  if (extent.min <= 0) return { log: false, note: `linear: some ${quantity} are ≤ 0` };
  if (extent.min < LOG_AXIS_MIN) return { log: false, note: `linear: some ${quantity} are below ${formatTick(LOG_AXIS_MIN)}` };
  if (extent.max > LOG_AXIS_MAX) return { log: false, note: `linear: some ${quantity} are above ${formatTick(LOG_AXIS_MAX)}` };
  return { log: true, note: null };
}

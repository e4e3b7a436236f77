/**
 * Converting the views' series into uPlot's aligned data: one shared,
 * increasing x array and one y array per series. uPlot draws a gap at a
 * `null` y and joins the line across an `undefined` one, so:
 *   - a value that is not finite (a diverged step, a sample not yet
 *     computed) becomes `null`: a visible gap;
 *   - a step that a series was not evaluated at (test loss every 10 steps,
 *     sharpness every 50) becomes `undefined`: the line runs on.
 */
import type uPlot from 'uplot';
import { chartValue, emptyExtent, includeValue, type ValueExtent } from './axisScale';
import type { StepSeries } from './types';

/** One y array of uPlot's aligned data. */
export type ChartColumn = (number | null | undefined)[];

/** The steps that occur in any series, ascending and without repeats. */
export function unionOfSteps(series: readonly (StepSeries | null)[]): Float64Array {
  let total = 0;
  for (const s of series) if (s) total += s.length;
  const all = new Float64Array(total);
  let offset = 0;
  for (const s of series) {
    if (!s) continue;
    all.set(s.steps.subarray(0, s.length), offset);
    offset += s.length;
  }
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) {
    if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i];
  }
  return all.slice(0, unique);
}

/**
 * The series' values at each of `steps` (which must contain every step of
 * the series, in increasing order): the value where the series has that
 * step (null where the axis cannot place it: not finite, or on a `log`
 * axis outside its range, see {@link chartValue}), undefined where it has
 * none. A null series gives all undefined.
 */
export function valuesAtSteps(series: StepSeries | null, steps: Float64Array, log = false): ChartColumn {
  const column: ChartColumn = new Array(steps.length).fill(undefined);
  if (!series) return column;
  let k = 0;
  for (let i = 0; i < series.length; i++) {
    const step = series.steps[i];
    while (k < steps.length && steps[k] < step) k++;
    if (k === steps.length) break;
    column[k] = chartValue(series.values[i], log);
  }
  return column;
}

/**
 * Aligned data of several step series: x = {@link unionOfSteps}, then one
 * column per series by {@link valuesAtSteps}, in the order given.
 */
export function joinStepSeries(series: readonly (StepSeries | null)[], log = false): uPlot.AlignedData {
  const steps = unionOfSteps(series);
  return [steps, ...series.map((s) => valuesAtSteps(s, steps, log))] as unknown as uPlot.AlignedData;
}

/** The smallest and largest finite value among the series' first `length` values, to choose their axis by. */
export function finiteExtent(series: readonly (StepSeries | null)[]): ValueExtent {
  const extent = emptyExtent();
  for (const s of series) {
    if (!s) continue;
    for (let i = 0; i < s.length; i++) includeValue(extent, s.values[i]);
  }
  return extent;
}

/** A signature of the series' growth (their lengths), to tell when the data must be pushed to the chart again. */
export function lengthsSignature(series: readonly (StepSeries | null)[]): string {
  return series.map((s) => (s ? s.length : '-')).join(',');
}

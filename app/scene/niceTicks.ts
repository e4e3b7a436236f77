/**
 * "Nice" axis ticks: multiples of a step 1, 2 or 5 × 10^k chosen so that about
 * `target` ticks fall in [min, max].
 */

/**
 * The nice step for covering a span with about `target` intervals: the raw step
 * s = span/target is rounded up to the nearest of {1, 2, 5, 10} × 10^⌊log10 s⌋.
 */
export function niceStep(span: number, target: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 0;
  const raw = span / Math.max(1, target);
  const decade = Math.pow(10, Math.floor(Math.log10(raw)));
  const mantissa = raw / decade;
  // Round the mantissa up so the tick count never exceeds about `target`.
  const niceMantissa = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
  return niceMantissa * decade;
}

/** Most ticks one call returns: a bound on the loop whatever the range and the target. */
const MOST_TICKS = 1000;

/**
 * Tick values k·step for every integer k with min ≤ k·step ≤ max, where step is
 * {@link niceStep}(max − min, target). A degenerate range (min = max) gives [min];
 * a non-finite or reversed range, or one whose span overflows, gives [].
 * Each value is k·step rounded to 15 significant digits, so 0.1·3 prints as
 * 0.3 at every magnitude (1e-25 as well as 1e25) and the list is strictly increasing.
 */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  if (max === min) return [min];
  const step = niceStep(max - min, target);
  if (!(step > 0)) return [];
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  if (!(last - first < MOST_TICKS)) return [];
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) {
    const value = Number((k * step).toPrecision(15));
    // −0 is written as 0; a value that rounding made equal to the previous one is skipped.
    if (ticks.length === 0 || value > ticks[ticks.length - 1]) ticks.push(value === 0 ? 0 : value);
  }
  return ticks;
}

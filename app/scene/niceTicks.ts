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

/**
 * Tick values k·step for every integer k with min ≤ k·step ≤ max, where step is
 * {@link niceStep}(max − min, target). A degenerate range (min = max) gives [min];
 * a non-finite or reversed range gives [].
 */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  if (max === min) return [min];
  const step = niceStep(max - min, target);
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) {
    // k·step, then trimmed to the step's decimal precision so 0.1·3 prints as 0.3.
    const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
    const value = Number((k * step).toFixed(Math.min(decimals, 20)));
    ticks.push(value === 0 ? 0 : value);
  }
  return ticks;
}

/**
 * Timing: a few untimed warm-up runs (JIT compilation, kernel set-up, first
 * allocations), then the median wall-clock time of several repeats, which is
 * robust to the odd slow repeat caused by garbage collection or other load.
 */

/** How many untimed and timed runs to make. */
export interface TimingPlan {
  warmup: number;
  repeats: number;
}

/** The median of `values` (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
}

/** Median milliseconds of `task` over `plan.repeats` timed runs, after `plan.warmup` untimed ones. */
export async function timeMedianMs(task: () => Promise<unknown>, plan: TimingPlan): Promise<number> {
  if (!Number.isInteger(plan.repeats) || plan.repeats < 1 || !Number.isInteger(plan.warmup) || plan.warmup < 0) {
    throw new RangeError(`Timing needs integer repeats ≥ 1 and warmup ≥ 0, got ${JSON.stringify(plan)}`);
  }
  for (let i = 0; i < plan.warmup; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < plan.repeats; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

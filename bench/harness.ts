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

/**
 * Median milliseconds of each task, timed side by side: after `plan.warmup`
 * untimed rounds, each of `plan.repeats` rounds runs every task once, in
 * the given order, so that a change in the machine's load during the run
 * falls on all of them alike.
 */
export async function timeInterleavedMs<K extends string>(
  tasks: Readonly<Record<K, () => Promise<unknown>>>,
  plan: TimingPlan,
): Promise<Record<K, number>> {
  if (!Number.isInteger(plan.repeats) || plan.repeats < 1 || !Number.isInteger(plan.warmup) || plan.warmup < 0) {
    throw new RangeError(`Timing needs integer repeats ≥ 1 and warmup ≥ 0, got ${JSON.stringify(plan)}`);
  }
  const names = Object.keys(tasks) as K[];
  for (let i = 0; i < plan.warmup; i++) for (const name of names) await tasks[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < plan.repeats; i++) {
    for (const name of names) {
      const start = performance.now();
      await tasks[name]();
      samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])])) as Record<K, number>;
}

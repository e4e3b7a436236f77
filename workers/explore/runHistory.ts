/**
 * A run's history, grown batch by batch as a headless exploration steps
 * it: each batch's series appended to the history's, and the run's
 * standing (steps made, divergence) replaced by the batch's.
 */
import type { SteppedRun } from './progress';

/** `a` followed by `b` (a new array). */
export function joined(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Each series of `a` followed by the same series of `b`. */
export function joinedSeries<T extends Record<string, Float64Array>>(a: T, b: T): T {
  return Object.fromEntries(Object.keys(a).map((key) => [key, joined(a[key], b[key])])) as T;
}

/** Where a run stands after a batch, as a history keeps it. */
export interface RunStanding extends SteppedRun {
  /** Why the run stopped, or null while it goes on. */
  divergence: string | null;
}

/**
 * Folds one batch into the runs' histories: for each run of `steps` (the
 * history at its `index`), the series named by `seriesKeys` appended to the
 * history's, its standing replaced by the batch's, then `more` for what else
 * the history takes from the batch.
 */
export function appendBatch<H extends RunStanding, K extends keyof H, S extends RunStanding & { index: number } & Pick<H, K>>(
  histories: H[],
  steps: readonly S[],
  seriesKeys: readonly K[],
  more: (history: H, step: S) => void = () => {},
): void {
  for (const step of steps) {
    const history = histories[step.index];
    for (const key of seriesKeys) history[key] = joined(history[key] as Float64Array, step[key] as Float64Array) as H[K];
    history.stepCount = step.stepCount;
    history.divergedAt = step.divergedAt;
    history.divergence = step.divergence;
    more(history, step);
  }
}

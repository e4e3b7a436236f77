/**
 * How a headless exploration reports where it is: one phase after another
 * ("training", "slice", …), each with a done / total count. The command
 * line prints them on stderr; tests pass {@link SILENT_PROGRESS}.
 */

/** Receives the phases of an exploration and their progress. */
export interface ProgressSink {
  /** A new phase begins (the previous one, if any, has ended). */
  phase(label: string): void;
  /** The current phase has done `done` of `total` units (steps, grid points, products). */
  update(done: number, total: number): void;
  /** The current phase has ended; `note` says how (e.g. "65×65 in 1.2 s"). */
  end(note?: string): void;
}

/** A sink that reports nothing. */
export const SILENT_PROGRESS: ProgressSink = { phase: () => {}, update: () => {}, end: () => {} };

/** The error a cancelled exploration rejects with (name `AbortError`, as the landscape jobs' cancellations). */
export function abortError(): Error {
  const error = new Error('cancelled');
  error.name = 'AbortError';
  return error;
}

/** Throws {@link abortError} once `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Whether `error` is a cancellation (ours, or a landscape job's). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** What the batch loop needs to know of a run: how far it got and whether it stopped. */
export interface SteppedRun {
  stepCount: number;
  divergedAt: number | null;
}

/**
 * Steps every run towards `steps` in calls of at most `batchSize` steps,
 * reporting progress and honouring `signal` between calls. `step(count)`
 * takes the next call's steps, folds its results into `runs`, and returns
 * how many runs are still live; the loop ends at `steps` (measured by the
 * furthest run that has not diverged) or when none is live. The phase ends
 * with a note counting the runs that diverged.
 */
export async function stepInBatches(
  runs: readonly SteppedRun[],
  steps: number,
  batchSize: number,
  step: (count: number) => Promise<number>,
  progress: ProgressSink,
  signal?: AbortSignal,
): Promise<void> {
  let done = 0;
  let live = runs.length;
  while (done < steps && live > 0) {
    throwIfAborted(signal);
    live = await step(Math.min(batchSize, steps - done));
    done = runs.reduce((most, run) => (run.divergedAt === null ? Math.max(most, run.stepCount) : most), 0);
    progress.update(done, steps);
  }
  const diverged = runs.filter((run) => run.divergedAt !== null).length;
  progress.end(diverged > 0 ? `${diverged} run(s) diverged` : undefined);
}

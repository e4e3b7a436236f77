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

/**
 * One AbortController per kind of job (slice, projection, probe, curvature):
 * starting a job cancels the running job of the same kind, so a new request
 * replaces the old one instead of queueing behind it, and the page can
 * cancel a kind by name (an AbortSignal itself cannot cross to a worker).
 */

/** The kinds of landscape job; each runs at most once at a time. */
export type JobKind = 'slice' | 'projection' | 'probe' | 'curvature';

/** The running job of each kind, by its AbortController (see the module comment). */
export class JobRegistry {
  private readonly running = new Map<JobKind, AbortController>();

  /** Cancels the running job of `kind` (if any) and returns the signal of the new one. */
  start(kind: JobKind): AbortSignal {
    this.cancel(kind);
    const controller = new AbortController();
    this.running.set(kind, controller);
    return controller.signal;
  }

  /** Forgets the job of `kind` if `signal` is still its current one (a newer job keeps its entry). */
  finish(kind: JobKind, signal: AbortSignal): void {
    if (this.running.get(kind)?.signal === signal) this.running.delete(kind);
  }

  /** Aborts the running job of `kind`; true if there was one. */
  cancel(kind: JobKind): boolean {
    const controller = this.running.get(kind);
    if (controller === undefined) return false;
    this.running.delete(kind);
    controller.abort(new DOMException(`the ${kind} job was cancelled`, 'AbortError'));
    return true;
  }

  /** Aborts every running job. */
  cancelAll(): void {
    for (const kind of [...this.running.keys()]) this.cancel(kind);
  }

  /** Whether a job of `kind` is running. */
  isRunning(kind: JobKind): boolean {
    return this.running.has(kind);
  }
}

/** Whether `error` is the rejection of a cancelled job. */
export function isAbortError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
}

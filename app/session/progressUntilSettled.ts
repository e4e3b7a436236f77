/**
 * Progress of a worker call, delivered only while the call is pending.
 *
 * Why: a progress callback crosses to the page over its own MessagePort (a
 * Comlink proxy), not the port that carries the call's answer, so the two
 * are not ordered: a report sent before the worker answered can arrive
 * after the answer. Shown then, it would set a finished job back to
 * "running" at its last reported fraction, where it would stay.
 */
export class ProgressUntilSettled<Args extends unknown[]> {
  private settled = false;
  /** Pass this to the worker (wrapped in `Comlink.proxy`). */
  readonly report: (...args: Args) => void;

  constructor(onProgress: (...args: Args) => void) {
    this.report = (...args) => {
      if (!this.settled) onProgress(...args);
    };
  }

  /** Awaits the call; from its answer (or failure) on, reports are dropped. */
  async during<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } finally {
      this.settled = true;
    }
  }
}

/**
 * Calls that run one after another: each starts once every earlier one has
 * settled. The training worker answers the page (configure, step, reset,
 * predict) and the landscape worker (parameters, trajectories) on two
 * channels; a step awaits its sharpness read-backs, and a request for
 * parameters must not land in the middle of it or of a rebuild.
 */
export class SerialCalls {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `call` after every earlier call has settled; settles as `call` does. */
  run<T>(call: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(call);
    this.tail = result.catch(() => {});
    return result;
  }
}
